/**
 * A worker's sync side against a sandbox, for the sync tests: an account (the sandbox as a
 * Doofinder account with host overrides), its types mirrored, the real services, the events
 * they send, and helpers to edit rows the way the grid stores an edit.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventChannel, EventPayload } from '../../../../preload/contract';
import { startSandbox, type Sandbox } from '../../../../main/sandbox/index';
import { AccountService } from '../../../../main/worker/accounts/service';
import { DoofinderClient, type RetryPolicy } from '../../../../main/worker/doofinder/client';
import { endpointFor, parseApiKey } from '../../../../main/worker/doofinder/endpoints';
import { CatalogService } from '../../../../main/worker/catalog/service';
import { Databases } from '../../../../main/worker/store/databases';
import { saveEngines, saveTypes } from '../../../../main/worker/store/engines';
import type { SqliteDatabase } from '../../../../main/worker/store/open';
import type { AutoSyncTimings } from '../../../../main/worker/sync/auto-sync';
import { mirrorType } from '../../../../main/worker/sync/mirror';
import { SyncService } from '../../../../main/worker/sync/sync-service';

export const TYPES = { product: 250, article: 40 } as const;
export type TypeName = keyof typeof TYPES;

export interface SandboxAccount {
  sandbox: Sandbox;
  apiKey: string;
  hashid: string;
}

export async function startSyncSandbox(): Promise<SandboxAccount> {
  const sandbox = await startSandbox({
    config: { managementRatePerSecond: null },
    seed: {
      accounts: [
        {
          engines: [
            {
              name: 'Shop',
              types: [
                { name: 'product', generate: { count: TYPES.product, seed: 21, profile: 'shop' } },
                { name: 'article', generate: { count: TYPES.article, seed: 22 } },
              ],
            },
          ],
        },
      ],
    },
  });
  const account = sandbox.seeded?.accounts[0];
  return { sandbox, apiKey: account?.apiKey ?? '', hashid: account?.engines[0]?.hashid ?? '' };
}

export async function control(sandbox: Sandbox, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${sandbox.url}/_sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json();
}

export type Recorded = { [K in EventChannel]: { channel: K; payload: EventPayload<K> } }[EventChannel];

export interface SyncWorld {
  dbs: Databases;
  db: SqliteDatabase;
  accounts: AccountService;
  sync: SyncService;
  events: Recorded[];
  /** Moves the auto-sync clock. */
  clock: { now: number };
  ids: Record<TypeName, string[]>;
  edit(type: TypeName, id: string, change: Record<string, unknown>): void;
  create(type: TypeName, id: string, doc: Record<string, unknown>): void;
  remove(type: TypeName, id: string): void;
  row(type: TypeName, id: string): { status: string; error: string | null; doc: Record<string, unknown> } | undefined;
  count(where: string): number;
  serverItem(type: TypeName, id: string): Promise<Record<string, unknown> | null>;
  newSyncService(): SyncService;
  payloads<K extends EventChannel>(channel: K): Array<EventPayload<K>>;
  close(): Promise<void>;
}

export const TEST_TIMINGS: AutoSyncTimings = { quietMs: 10_000, periodMs: 60_000, retryMs: 30_000, tickMs: 3_600_000 };

export async function syncWorld(
  { sandbox, apiKey, hashid }: SandboxAccount,
  options: { key?: string; policy?: Partial<RetryPolicy> } = {},
): Promise<SyncWorld> {
  const dbs = new Databases(mkdtempSync(join(tmpdir(), 'cs-sync-')));
  const events: Recorded[] = [];
  const emit = <K extends EventChannel>(channel: K, payload: EventPayload<K>) =>
    events.push({ channel, payload } as Recorded);
  const accounts = new AccountService(dbs, emit, {
    managementRate: 100,
    policy: { baseDelayMs: 5, maxDelayMs: 20, conflictDelayMs: 50, ...options.policy },
  });
  await accounts.start(null);
  accounts.create({
    id: 'acme',
    name: 'Acme',
    apiKey: options.key ?? apiKey,
    managementUrl: sandbox.url,
    searchUrl: sandbox.url,
  });
  const db = dbs.account('acme');
  saveEngines(db, [{ hashid, name: 'Shop', siteUrl: '', language: 'en', currency: 'EUR' }]);
  saveTypes(db, hashid, Object.keys(TYPES));
  // The mirror goes through a client of the right key, whatever key the account is given.
  const key = parseApiKey(apiKey);
  if (!key) throw new Error('the sandbox gave no API key');
  const mirrorClient = new DoofinderClient(endpointFor(key, { management: sandbox.url, search: sandbox.url }), {
    managementRate: 100,
  });
  const ids = {} as Record<TypeName, string[]>;
  for (const type of Object.keys(TYPES) as TypeName[]) {
    await mirrorType({ db, client: mirrorClient, engine: hashid, type });
    ids[type] = db.prepare('SELECT id FROM items WHERE type = ? ORDER BY rowid').pluck().all(type) as string[];
  }
  const catalog = new CatalogService(dbs, accounts, emit);
  const clock = { now: 1_000_000 };
  const newSyncService = () =>
    new SyncService(dbs, accounts, catalog, emit, { timings: TEST_TIMINGS, now: () => clock.now });
  const sync = newSyncService();
  const world: SyncWorld = {
    dbs,
    db,
    accounts,
    sync,
    events,
    clock,
    ids,
    edit(type, id, change) {
      const row = db
        .prepare('SELECT doc FROM items WHERE engine = ? AND type = ? AND id = ?')
        .get(hashid, type, id) as {
        doc: string;
      };
      const doc = { ...(JSON.parse(row.doc) as Record<string, unknown>), ...change };
      db.prepare(
        `UPDATE items SET doc = ?, base = coalesce(base, ?), rev = rev + 1,
           status = CASE WHEN status = 'clean' THEN 'dirty' ELSE status END
         WHERE engine = ? AND type = ? AND id = ?`,
      ).run(JSON.stringify(doc), row.doc, hashid, type, id);
    },
    create(type, id, doc) {
      db.prepare("INSERT INTO items (engine, type, id, doc, status, rev) VALUES (?, ?, ?, ?, 'new', 1)").run(
        hashid,
        type,
        id,
        JSON.stringify({ ...doc, id }),
      );
    },
    remove(type, id) {
      db.prepare(
        "UPDATE items SET status = 'deleted', base = coalesce(base, doc), rev = rev + 1 WHERE engine = ? AND type = ? AND id = ?",
      ).run(hashid, type, id);
    },
    row(type, id) {
      const row = db
        .prepare('SELECT status, error, doc FROM items WHERE engine = ? AND type = ? AND id = ?')
        .get(hashid, type, id) as { status: string; error: string | null; doc: string } | undefined;
      return row && { status: row.status, error: row.error, doc: JSON.parse(row.doc) as Record<string, unknown> };
    },
    count(where) {
      return db.prepare(`SELECT count(*) FROM items WHERE ${where}`).pluck().get() as number;
    },
    async serverItem(type, id) {
      const response = await fetch(`${sandbox.url}/v1/${hashid}/items/${type}/${id}`, {
        headers: { Authorization: `Token ${apiKey.split('-')[1]}` },
      });
      return response.status === 200 ? ((await response.json()) as Record<string, unknown>) : null;
    },
    newSyncService,
    payloads(channel) {
      return events.filter((event) => event.channel === channel).map((event) => event.payload) as never;
    },
    async close() {
      await world.sync.stop();
      catalog.stop();
      await accounts.stop();
      dbs.closeAll();
    },
  };
  return world;
}
