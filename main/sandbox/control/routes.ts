/**
 * The control API (not part of Doofinder): tests and benchmarks reset and seed the sandbox,
 * inject faults, set quotas, move the clock and read what clients sent.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from '../context';
import { bodyOf } from '../http/body';
import { faultsSchema } from '../http/faults';
import { HttpError } from '../http/errors';
import { defaultSeed } from '../seed/default';
import { applySeed, seedSchema } from '../seed/seed';
import { accountByToken, listAccounts, setMonthlyQuota } from '../store/accounts';
import { wipe } from '../store/database';
import { engineByHashid, setAllowedOrigins, setEngineOptions, setTypeKind } from '../store/engines';

function input<T extends z.ZodType>(request: FastifyRequest, schema: T): z.output<T> {
  const body = bodyOf(request);
  if (body.kind === 'invalid') throw new HttpError(400, { error: 'The body is not valid JSON.' });
  const parsed = schema.safeParse(body.kind === 'json' ? body.value : {});
  if (!parsed.success) {
    throw new HttpError(400, {
      error: 'The body does not match what this control endpoint takes.',
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    });
  }
  return parsed.data;
}

const configSchema = z
  .object({
    scrollTtlMs: z.number().int().positive(),
    statsGenerationMs: z.number().int().min(0),
    cartTtlMs: z.number().int().positive(),
    managementRatePerSecond: z.number().positive().nullable(),
    visitRatePerSecond: z.number().positive().nullable(),
    typeDeletionMs: z.number().int().min(0),
    bulkLimit: z.number().int().positive(),
    feedQueueMs: z.number().int().min(0),
    feedItemsPerSecond: z.number().positive().nullable(),
  })
  .partial()
  .strict();

const quotaSchema = z.object({ apiKey: z.string(), monthly: z.number().int().min(0).nullable() }).strict();

const clockSchema = z.union([
  z.object({ offsetMs: z.number() }).strict(),
  z.object({ advanceMs: z.number() }).strict(),
]);

const engineSettingsSchema = z
  .object({
    options: z.record(z.string(), z.unknown()).optional(),
    allowed_origins: z.array(z.string()).optional(),
    type_kinds: z.record(z.string().regex(/^\w+$/), z.enum(['api', 'crawling', 'shopify'])).optional(),
  })
  .strict();

/**
 * Why a seed cannot be applied as a whole (a token, user code or hashid already taken, or
 * given twice), checked before anything is written so a refused seed adds nothing.
 */
function seedConflict(ctx: SandboxContext, spec: z.output<typeof seedSchema>): string | null {
  const taken = (sql: string, value: string) => ctx.db.prepare(sql).pluck().get(value) !== undefined;
  const seen = new Set<string>();
  const clash = (kind: string, value: string | undefined, sql: string): string | null => {
    if (value === undefined) return null;
    if (seen.has(`${kind}:${value}`) || taken(sql, value)) return `The ${kind} ${value} is already taken.`;
    seen.add(`${kind}:${value}`);
    return null;
  };
  for (const account of spec.accounts) {
    const problem =
      clash('token', account.token, 'SELECT 1 FROM accounts WHERE token = ?') ??
      clash('user code', account.uid, 'SELECT 1 FROM accounts WHERE uid = ?') ??
      account.engines
        .map((engine) => clash('hashid', engine.hashid, 'SELECT 1 FROM engines WHERE hashid = ?'))
        .find(Boolean);
    if (problem) return problem;
  }
  return null;
}

export function registerControlRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  // What reset goes back to: the config the sandbox was started with, not the documented defaults.
  const startConfig = { ...ctx.config };
  app.get('/', () => ({
    endpoints: {
      'POST /_sandbox/reset':
        'empty everything, config back to how the sandbox started; body {"seed": "default"} seeds the sample catalog again',
      'POST /_sandbox/seed': 'add accounts, engines, types and items: {"accounts": [...]} or {"default": true}',
      'GET|POST|DELETE /_sandbox/faults':
        '{"rules": [{"path", "methods", "error5xx", "status429", "drop", "latencyMs", "notAllowed"}], "seed"}',
      'POST /_sandbox/quota': '{"apiKey", "monthly"}: a monthly request plan, then 429 "Requests Limit Reached"',
      'GET|DELETE /_sandbox/requests': 'what clients sent (?since=seq&limit=n), tokens masked',
      'GET|POST /_sandbox/clock': '{"offsetMs"} or {"advanceMs"}: move the clock scroll ids, carts and stats use',
      'GET|POST /_sandbox/config': 'timings and limits, e.g. {"managementRatePerSecond": null}',
      'PUT /_sandbox/engines/:hashid':
        '{"options", "allowed_origins", "type_kinds"}: facets, sort options, geo fields, origins',
      'GET /_sandbox/accounts': 'accounts with their API keys',
    },
  }));

  app.post('/reset', (request) => {
    const body = bodyOf(request);
    wipe(ctx.db);
    ctx.fts.forgetAll();
    ctx.items.forgetMappings();
    ctx.faults.clear();
    ctx.requests.clear();
    ctx.throttles.management.clear();
    ctx.throttles.visit.clear();
    ctx.clock.setOffset(0);
    Object.assign(ctx.config, startConfig);
    const wantsSeed = body.kind === 'json' && (body.value as { seed?: unknown } | null)?.seed === 'default';
    return wantsSeed ? applySeed(ctx, defaultSeed()) : { reset: true };
  });

  app.post('/seed', (request) => {
    const body = bodyOf(request);
    if (body.kind === 'json' && (body.value as { default?: unknown } | null)?.default === true) {
      return applySeed(ctx, defaultSeed());
    }
    const spec = input(request, seedSchema);
    const conflict = seedConflict(ctx, spec);
    if (conflict) throw new HttpError(409, { error: conflict });
    return applySeed(ctx, spec);
  });

  app.get('/faults', () => ({ rules: ctx.faults.list() }));
  app.post('/faults', (request) => {
    const { rules, seed } = input(request, faultsSchema);
    ctx.faults.set(rules, seed);
    return { rules: ctx.faults.list() };
  });
  app.delete('/faults', () => {
    ctx.faults.clear();
    return { rules: [] };
  });

  app.post('/quota', (request) => {
    const { apiKey, monthly } = input(request, quotaSchema);
    const account = accountByToken(ctx.db, apiKey.replace(/^[a-z]{2,4}\d{1,2}-/, ''));
    if (!account) throw new HttpError(404, { error: 'No account has that API key.' });
    setMonthlyQuota(ctx.db, account.id, monthly);
    return { apiKey, monthly };
  });

  app.get('/requests', (request) => {
    const query = request.query as { since?: string; limit?: string };
    return { requests: ctx.requests.list(Number(query.since ?? 0), Number(query.limit ?? 1000)) };
  });
  app.delete('/requests', () => {
    ctx.requests.clear();
    return { requests: [] };
  });

  app.get('/clock', () => ({ now: ctx.clock.now(), offsetMs: ctx.clock.offset() }));
  app.post('/clock', (request) => {
    const change = input(request, clockSchema);
    if ('offsetMs' in change) ctx.clock.setOffset(change.offsetMs);
    else ctx.clock.advance(change.advanceMs);
    return { now: ctx.clock.now(), offsetMs: ctx.clock.offset() };
  });

  app.get('/config', () => ctx.config);
  app.post('/config', (request) => {
    Object.assign(ctx.config, input(request, configSchema));
    return ctx.config;
  });

  app.put('/engines/:hashid', (request) => {
    const engine = engineByHashid(ctx.db, (request.params as { hashid: string }).hashid);
    if (!engine) throw new HttpError(404, { error: 'No engine has that hashid.' });
    const settings = input(request, engineSettingsSchema);
    if (settings.options) setEngineOptions(ctx.db, engine.id, settings.options);
    if (settings.allowed_origins) setAllowedOrigins(ctx.db, engine.id, settings.allowed_origins);
    for (const [type, kind] of Object.entries(settings.type_kinds ?? {})) setTypeKind(ctx.db, engine.id, type, kind);
    return { hashid: engine.hashid, ...settings };
  });

  app.get('/accounts', () => ({
    accounts: listAccounts(ctx.db).map((account) => ({
      apiKey: `${account.zone}-${account.token}`,
      uid: account.uid,
      zone: account.zone,
      monthlyQuota: account.monthlyQuota,
    })),
  }));
}
