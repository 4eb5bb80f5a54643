/**
 * Types (management-api-v1.md "Types"). Deleting types is asynchronous in Doofinder: the
 * items go at once here, but indexing on the engine answers 409 "Indexing operation in
 * progress" for `typeDeletionMs` afterwards, as a client would see it.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { bodyOf } from '../http/body';
import { HttpError, MESSAGES, v1Error } from '../http/errors';
import { managementUrls } from '../http/urls';
import { blockIndexing, putType, removeType, typeByName, typesOf } from '../store/engines';
import type { Engine } from '../store/records';
import { engineOf } from './guard';

export const TYPE_NAME = /^\w+$/;

function readType(request: FastifyRequest): { name?: unknown; sources?: unknown } {
  const body = bodyOf(request);
  if (body.kind === 'invalid') throw v1Error(406, MESSAGES.badJson);
  if (body.kind === 'empty') return {};
  if (typeof body.value !== 'object' || body.value === null || Array.isArray(body.value)) {
    throw new HttpError(400, { non_field_errors: ['Invalid data. Expected a dictionary.'] });
  }
  return body.value;
}

function readSources(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((source) => typeof source !== 'string')) {
    throw new HttpError(400, { sources: ['Expected a list of feed URLs.'] });
  }
  return value as string[];
}

export function assertIndexable(ctx: SandboxContext, engine: Engine): void {
  if (engine.blockedUntil > ctx.clock.now()) throw v1Error(409, MESSAGES.indexingInProgress);
}

export function registerTypeRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/:hashid/types', (request) => typesOf(ctx.db, engineOf(ctx, request).id).map((type) => type.name));

  app.post('/:hashid/types', (request, reply) => {
    const engine = engineOf(ctx, request);
    const { name, sources } = readType(request);
    if (typeof name !== 'string' || name === '') throw new HttpError(400, { name: ['This field is required.'] });
    if (!TYPE_NAME.test(name))
      throw new HttpError(400, { name: ['The name of the type must not contain special characters or whitespaces.'] });
    if (typeByName(ctx.db, engine.id, name)) throw v1Error(409, MESSAGES.typeExists);
    putType(ctx.db, engine.id, name, readSources(sources));
    return reply.status(201).send(typesOf(ctx.db, engine.id).map((type) => type.name));
  });

  app.get('/:hashid/types/:type', (request) => {
    const engine = engineOf(ctx, request);
    const type = typeByName(ctx.db, engine.id, (request.params as { type: string }).type);
    if (!type) throw v1Error(404, MESSAGES.notFound);
    return { name: type.name, sources: type.sources, df_url: managementUrls(request, engine.hashid).type(type.name) };
  });

  app.put('/:hashid/types/:type', (request, reply) => {
    const engine = engineOf(ctx, request);
    const name = (request.params as { type: string }).type;
    if (!TYPE_NAME.test(name))
      throw new HttpError(400, { name: ['The name of the type must not contain special characters or whitespaces.'] });
    const existing = typeByName(ctx.db, engine.id, name);
    if (existing && existing.kind !== 'api') throw v1Error(409, MESSAGES.lockedType(name));
    const sources = readSources(readType(request).sources);
    putType(ctx.db, engine.id, name, sources);
    return reply
      .status(existing ? 200 : 201)
      .send({ name, sources, df_url: managementUrls(request, engine.hashid).type(name) });
  });

  app.delete('/:hashid/types/:types', (request, reply) => {
    const engine = engineOf(ctx, request);
    const asked = (request.params as { types: string }).types;
    const types = typesOf(ctx.db, engine.id);
    const known = types.map((type) => type.name);
    const names = asked === '_all' ? known : [...new Set(asked.split(',').filter(Boolean))];
    if (names.length === 0 || names.some((name) => !known.includes(name))) throw v1Error(409, MESSAGES.undefinedType);
    // Deleting is modifying: a type fed by crawling or Shopify cannot be changed through the API.
    const locked = types.find((type) => names.includes(type.name) && type.kind !== 'api');
    if (locked) throw v1Error(409, MESSAGES.lockedType(locked.name));
    for (const name of names) {
      ctx.items.deleteType(engine.id, name);
      removeType(ctx.db, engine.id, name);
    }
    blockIndexing(ctx.db, engine.id, ctx.clock.now() + ctx.config.typeDeletionMs);
    const label = names.join(',');
    return reply.status(202).send({
      state: 'STARTED',
      message:
        names.length === 1
          ? `Deletion of the ${label} type has started.`
          : `Deletion of the ${label} type(s) has started.`,
      detail: 'Indexing operations will be blocked until the type deletion is finished',
    });
  });
}
