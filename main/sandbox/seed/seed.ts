/**
 * Seeding: accounts, engines, types and items from a description, for the control API
 * (`POST /_sandbox/seed`), the CLI and the app's embedded sandbox account.
 */
import { z } from 'zod';
import type { SandboxContext } from '../context';
import { createAccount } from '../store/accounts';
import { createEngine, putType } from '../store/engines';
import type { ItemDoc } from '../store/records';
import { generateItems } from '../catalog/generate';
import { historySchema, seedStatsHistory } from './stats-history';

const itemSchema = z.looseObject({ id: z.union([z.string(), z.number()]).transform(String) });

const typeSchema = z
  .object({
    name: z.string().regex(/^\w+$/),
    kind: z.enum(['api', 'crawling', 'shopify']).default('api'),
    sources: z.array(z.string()).default([]),
    items: z.array(itemSchema).default([]),
    generate: z
      .object({
        count: z.number().int().min(0).max(1_000_000),
        seed: z.number().int().default(1),
        profile: z.enum(['shop', 'stores']).default('shop'),
      })
      .optional(),
  })
  .strict();

const engineSchema = z
  .object({
    name: z.string().min(1),
    hashid: z
      .string()
      .regex(/^[a-f0-9]{32}$/)
      .optional(),
    site_url: z.string().default('https://shop.example.com/'),
    language: z.string().default('en'),
    currency: z.string().default('EUR'),
    options: z.record(z.string(), z.unknown()).default({}),
    allowed_origins: z.array(z.string()).default([]),
    types: z.array(typeSchema).default([]),
    /** Past search stats, written after the items (their clicks name real products). Off unless asked for. */
    stats_history: historySchema.optional(),
  })
  .strict();

export const seedSchema = z
  .object({
    accounts: z.array(
      z
        .object({
          zone: z
            .string()
            .regex(/^[a-z]{2,4}\d{1,2}$/)
            .default('eu1'),
          token: z
            .string()
            .regex(/^[A-Za-z0-9]{16,64}$/)
            .optional(),
          uid: z.string().optional(),
          monthly_quota: z.number().int().min(0).nullable().default(null),
          engines: z.array(engineSchema).default([]),
        })
        .strict(),
    ),
  })
  .strict();

export type SeedSpec = z.input<typeof seedSchema>;
export type EngineSeedSpec = z.input<typeof engineSchema>;
export type SeededEngine = SeedResult['accounts'][number]['engines'][number];

export interface SeedResult {
  accounts: Array<{
    apiKey: string;
    zone: string;
    uid: string;
    engines: Array<{ hashid: string; name: string; types: Record<string, number> }>;
  }>;
}

/** Items are written in slices so a million-item seed never sits in memory at once. */
const SLICE = 2_000;

export function applySeed(ctx: SandboxContext, input: SeedSpec): SeedResult {
  const spec = seedSchema.parse(input);
  const result: SeedResult = { accounts: [] };
  for (const accountSpec of spec.accounts) {
    const account = createAccount(ctx.db, {
      zone: accountSpec.zone,
      token: accountSpec.token,
      uid: accountSpec.uid,
      monthlyQuota: accountSpec.monthly_quota,
    });
    const engines = accountSpec.engines.map((engineSpec) => writeEngine(ctx, account.id, engineSpec));
    result.accounts.push({ apiKey: `${account.zone}-${account.token}`, zone: account.zone, uid: account.uid, engines });
  }
  return result;
}

/** Adds one engine to an existing account (the app's sandbox adds engines a newer version seeds). */
export function seedEngine(ctx: SandboxContext, accountId: number, input: EngineSeedSpec): SeededEngine {
  return writeEngine(ctx, accountId, engineSchema.parse(input));
}

function writeEngine(ctx: SandboxContext, accountId: number, engineSpec: z.output<typeof engineSchema>): SeededEngine {
  const engine = createEngine(ctx.db, accountId, {
    name: engineSpec.name,
    hashid: engineSpec.hashid,
    siteUrl: engineSpec.site_url,
    language: engineSpec.language,
    currency: engineSpec.currency,
    options: engineSpec.options,
    allowedOrigins: engineSpec.allowed_origins,
  });
  const counts: Record<string, number> = {};
  for (const typeSpec of engineSpec.types) {
    putType(ctx.db, engine.id, typeSpec.name, typeSpec.sources, typeSpec.kind);
    writeInSlices(ctx, engine.id, typeSpec.name, typeSpec.items as ItemDoc[]);
    if (typeSpec.generate) {
      writeInSlices(ctx, engine.id, typeSpec.name, generateItems({ ...typeSpec.generate }));
    }
    counts[typeSpec.name] = ctx.items.count(engine.id, typeSpec.name);
  }
  if (engineSpec.stats_history) seedStatsHistory(ctx, engine, engineSpec.stats_history);
  return { hashid: engine.hashid, name: engine.name, types: counts };
}

function writeInSlices(ctx: SandboxContext, engineId: number, type: string, items: Iterable<ItemDoc>): void {
  let slice: ItemDoc[] = [];
  for (const item of items) {
    slice.push(item);
    if (slice.length === SLICE) {
      ctx.items.put(engineId, type, slice);
      slice = [];
    }
  }
  if (slice.length > 0) ctx.items.put(engineId, type, slice);
}
