/**
 * Request bodies are read as text and parsed as JSON whatever their Content-Type (curl
 * without -H sends form encoding), so a route can answer the document's own message for
 * malformed JSON instead of a framework's.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

const INVALID = Symbol('invalid JSON');

export type Body = { kind: 'empty' } | { kind: 'invalid' } | { kind: 'json'; value: unknown };

export function registerBodyParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, text, done) => {
    const raw = typeof text === 'string' ? text : text.toString('utf8');
    if (raw.trim() === '') return done(null, undefined);
    try {
      done(null, { value: JSON.parse(raw) as unknown });
    } catch {
      done(null, { [INVALID]: true });
    }
  });
}

export function bodyOf(request: FastifyRequest): Body {
  const body = request.body as { value: unknown; [INVALID]?: true } | undefined;
  if (body === undefined || body === null) return { kind: 'empty' };
  if (body[INVALID]) return { kind: 'invalid' };
  return { kind: 'json', value: body.value };
}
