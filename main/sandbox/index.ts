/**
 * A local Doofinder-compatible server (Management v1, Search v5, Stats v2 visit) for the
 * app's Sandbox account, every integration test and every benchmark. Listens on 127.0.0.1
 * only.
 */
import type { SandboxConfig } from './config';
import { buildApp } from './app';
import { createContext, type SandboxContext } from './context';
import { openSandboxDb } from './store/database';
import { defaultSeed } from './seed/default';
import { applySeed, type SeedResult, type SeedSpec } from './seed/seed';

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** A SQLite file to keep state in; in memory by default. */
  dataFile?: string;
  config?: Partial<SandboxConfig>;
  /** What to seed at start: the sample catalog ('default'), a description, or nothing. */
  seed?: 'default' | SeedSpec | null;
  /** Items per engine in the default seed. */
  items?: number;
  /** better-sqlite3 built for Electron, when the sandbox runs inside the desktop app. */
  nativeBinding?: string | null;
}

export interface Sandbox {
  url: string;
  port: number;
  ctx: SandboxContext;
  seeded: SeedResult | null;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const db = openSandboxDb(options.dataFile ?? ':memory:', options.nativeBinding ?? null);
  const ctx = createContext(db, options.config);
  let seeded: SeedResult | null = null;
  if (options.seed === 'default') seeded = applySeed(ctx, defaultSeed({ items: options.items }));
  else if (options.seed) seeded = applySeed(ctx, options.seed);
  const app = await buildApp(ctx);
  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    ctx,
    seeded,
    async close() {
      await app.close();
      db.close();
    },
  };
}

export type { SeedResult, SeedSpec } from './seed/seed';
export type { SandboxConfig } from './config';
