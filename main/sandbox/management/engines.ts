/** Search engines (management-api-v1.md "SearchEngines") and the API root pydoof lists them through. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { bodyOf } from '../http/body';
import { HttpError, MESSAGES, v1Error } from '../http/errors';
import { baseUrl, managementUrls } from '../http/urls';
import { createEngine, deleteEngine, enginesOf, typesOf, updateEngine, type EngineFields } from '../store/engines';
import type { Engine } from '../store/records';
import { accountOf, engineOf } from './guard';
import { pageParams, paged } from './pagination';

const FIELDS = { site_url: 'siteUrl', name: 'name', language: 'language', currency: 'currency' } as const;
type WireField = keyof typeof FIELDS;

/**
 * An engine as the document shows it: in the list with its `url` and owner as `account`;
 * alone (create, get, update) without `url` and with the owner as `user`.
 */
export function engineJson(request: FastifyRequest, engine: Engine, uid: string, shape: 'listed' | 'alone') {
  const fields = {
    site_url: engine.siteUrl,
    name: engine.name,
    language: engine.language,
    currency: engine.currency,
    hashid: engine.hashid,
    id: engine.id,
  };
  return shape === 'listed'
    ? { ...fields, url: managementUrls(request, engine.hashid).engine, account: uid }
    : { ...fields, user: uid };
}

/** What Django REST framework names the JSON value it got instead of an object. */
function pythonTypeName(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (value === null) return 'NoneType';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  return Number.isInteger(value) ? 'int' : 'float';
}

/** Django REST framework-style validation: 400 with the problem per field. */
function readFields(request: FastifyRequest, partial: boolean): Partial<EngineFields> {
  const body = bodyOf(request);
  if (body.kind === 'invalid') throw v1Error(406, MESSAGES.badJson);
  const value = body.kind === 'json' ? body.value : {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, {
      non_field_errors: [`Invalid data. Expected a dictionary, but got ${pythonTypeName(value)}.`],
    });
  }
  const input = value as Record<string, unknown>;
  const errors: Record<string, string[]> = {};
  const fields: Partial<EngineFields> = {};
  for (const wire of Object.keys(FIELDS) as WireField[]) {
    const given = input[wire];
    if (given === undefined) {
      if (!partial) errors[wire] = ['This field is required.'];
      continue;
    }
    if (typeof given !== 'string' || given.trim() === '') {
      errors[wire] = ['This field may not be blank.'];
      continue;
    }
    if (wire === 'site_url' && !/^https?:\/\/\S+$/.test(given)) {
      errors[wire] = ['Enter a valid URL.'];
      continue;
    }
    fields[FIELDS[wire]] = given.trim();
  }
  if (Object.keys(errors).length > 0) throw new HttpError(400, errors);
  return fields;
}

export function registerEngineRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  // The API root: every engine of the account with its entry points (pydoof 2.x lists engines here).
  app.get('/', (request) => {
    const account = accountOf(request);
    const root: Record<string, unknown> = { searchengines: `${baseUrl(request)}/v1/searchengines` };
    for (const engine of enginesOf(ctx.db, account.id)) {
      const urls = managementUrls(request, engine.hashid);
      root[engine.hashid] = {
        name: engine.name,
        items: Object.fromEntries(typesOf(ctx.db, engine.id).map((type) => [type.name, urls.items(type.name)])),
        tasks: { process: urls.process },
        types: urls.types,
        stats: urls.stats,
        logs: urls.logs,
      };
    }
    return root;
  });

  app.get('/searchengines', (request) => {
    const account = accountOf(request);
    const engines = enginesOf(ctx.db, account.id).map((engine) => engineJson(request, engine, account.uid, 'listed'));
    const { page, size } = pageParams(request, 100);
    return paged(request, engines, page, size, 'results');
  });

  app.post('/searchengines', (request, reply) => {
    const account = accountOf(request);
    const engine = createEngine(ctx.db, account.id, readFields(request, false) as EngineFields);
    return reply.status(201).send(engineJson(request, engine, account.uid, 'alone'));
  });

  app.get('/searchengines/:hashid', (request) =>
    engineJson(request, engineOf(ctx, request), accountOf(request).uid, 'alone'),
  );

  for (const method of ['PUT', 'PATCH'] as const) {
    app.route({
      method,
      url: '/searchengines/:hashid',
      handler: (request) => {
        const engine = engineOf(ctx, request);
        updateEngine(ctx.db, engine.id, readFields(request, method === 'PATCH'));
        return engineJson(request, engineOf(ctx, request), accountOf(request).uid, 'alone');
      },
    });
  }

  app.delete('/searchengines/:hashid', (request, reply) => {
    const engine = engineOf(ctx, request);
    ctx.fts.dropEngine(engine.id);
    deleteEngine(ctx.db, engine.id);
    return reply.status(204).send();
  });
}
