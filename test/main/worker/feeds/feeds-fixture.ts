/**
 * A worker's feed side against a sandbox: one sandbox account per world, with an engine
 * whose `product` type reads a CSV feed file the test writes, the real feed and activity
 * services on a fresh account database, the events they send, and the sandbox's control API.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventChannel, EventPayload, FeedRunView } from '../../../../preload/contract';
import { startSandbox, type Sandbox } from '../../../../main/sandbox/index';
import { ActivityService } from '../../../../main/worker/activity/activity-service';
import { AccountService } from '../../../../main/worker/accounts/service';
import type { ClientOptions } from '../../../../main/worker/doofinder/client';
import { FeedService, type FeedServiceOptions } from '../../../../main/worker/feeds/feed-service';
import { Databases } from '../../../../main/worker/store/databases';
import { saveEngines, saveTypes } from '../../../../main/worker/store/engines';
import type { SqliteDatabase } from '../../../../main/worker/store/open';

export const ENGINE_NAME = 'Fashion store';

export async function startFeedSandbox(managementRatePerSecond: number | null = null): Promise<Sandbox> {
  return startSandbox({ config: { managementRatePerSecond } });
}

export async function control(sandbox: Sandbox, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${sandbox.url}/_sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json();
}

export type FeedRow = Record<string, string>;

/** `count` products, each with a title, a price and (unless told otherwise) a brand. */
export function products(count: number, fields: { brand?: boolean; from?: number } = {}): FeedRow[] {
  return Array.from({ length: count }, (_, i) => {
    const n = (fields.from ?? 0) + i + 1;
    const row: FeedRow = { id: `P${n}`, title: `Product ${n}`, price: `${(n % 90) + 9}.99` };
    if (fields.brand !== false) row.brand = `Brand ${n % 7}`;
    return row;
  });
}

/** A `|`-separated feed with a header row; a row may leave columns out (they are written empty). */
export function feedText(rows: FeedRow[], header?: string[]): string {
  const columns = header ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return (
    [columns.join('|'), ...rows.map((row) => columns.map((column) => row[column] ?? '').join('|'))].join('\n') + '\n'
  );
}

export type Recorded = { [K in EventChannel]: { channel: K; payload: EventPayload<K> } }[EventChannel];

export interface FeedWorld {
  sandbox: Sandbox;
  hashid: string;
  apiKey: string;
  feedFile: string;
  dataDir: string;
  dbs: Databases;
  db: SqliteDatabase;
  accounts: AccountService;
  activity: ActivityService;
  feeds: FeedService;
  events: Recorded[];
  writeFeed(text: string): void;
  /** A new feed service on the same databases, as after a worker restart. */
  restart(): FeedService;
  /** POST tasks/process straight to the sandbox, as the admin panel would. */
  processElsewhere(force?: boolean): Promise<{ state: string; link: string }>;
  payloads<K extends EventChannel>(channel: K): Array<EventPayload<K>>;
  /** The run's latest view from `feeds:changed`, once `find` accepts it. */
  runWhen(id: number, find: (run: FeedRunView) => boolean): Promise<FeedRunView>;
  close(): Promise<void>;
}

export interface WorldOptions {
  /** The feed file's first contents. */
  feed?: string;
  /** Items the type has on the server before any feed runs. */
  generate?: number;
  clientOptions?: ClientOptions;
  service?: FeedServiceOptions;
}

export const FAST: FeedServiceOptions = { schedule: { firstMs: 40, maxMs: 160 }, healthWaitMs: 10_000 };

export async function feedWorld(sandbox: Sandbox, options: WorldOptions = {}): Promise<FeedWorld> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cs-feeds-'));
  const feedFile = join(dataDir, 'feed.csv');
  writeFileSync(feedFile, options.feed ?? feedText(products(20)));
  const seeded = (await control(sandbox, 'POST', '/seed', {
    accounts: [
      {
        engines: [
          {
            name: ENGINE_NAME,
            types: [
              {
                name: 'product',
                sources: [feedFile],
                ...(options.generate ? { generate: { count: options.generate, seed: 5, profile: 'shop' } } : {}),
              },
            ],
          },
        ],
      },
    ],
  })) as { accounts: Array<{ apiKey: string; engines: Array<{ hashid: string }> }> };
  const account = seeded.accounts[0];
  const apiKey = account?.apiKey ?? '';
  const hashid = account?.engines[0]?.hashid ?? '';
  const dbs = new Databases(dataDir);
  const events: Recorded[] = [];
  const emit = <K extends EventChannel>(channel: K, payload: EventPayload<K>) =>
    events.push({ channel, payload } as Recorded);
  const accounts = new AccountService(
    dbs,
    emit,
    options.clientOptions ?? { managementRate: 100, policy: { baseDelayMs: 5, maxDelayMs: 20 } },
  );
  await accounts.start(null);
  accounts.create({ id: 'acme', name: 'Acme', apiKey, managementUrl: sandbox.url, searchUrl: sandbox.url });
  const db = dbs.account('acme');
  saveEngines(db, [{ hashid, name: ENGINE_NAME, siteUrl: '', language: 'en', currency: 'EUR' }]);
  saveTypes(db, hashid, ['product']);
  const activity = new ActivityService(dbs, accounts, emit);
  const service = () => new FeedService(dbs, accounts, activity, emit, { ...FAST, dataDir, ...options.service });
  const services: FeedService[] = [service()];
  const payloads = <K extends EventChannel>(channel: K) =>
    events.filter((event) => event.channel === channel).map((event) => event.payload) as Array<EventPayload<K>>;
  const world: FeedWorld = {
    sandbox,
    hashid,
    apiKey,
    feedFile,
    dataDir,
    dbs,
    db,
    accounts,
    activity,
    get feeds() {
      return services.at(-1) as FeedService;
    },
    events,
    writeFeed: (text) => writeFileSync(feedFile, text),
    restart() {
      const next = service();
      services.push(next);
      next.start();
      return next;
    },
    async processElsewhere(force = false) {
      const response = await fetch(`${sandbox.url}/v1/${hashid}/tasks/process${force ? '?force=true' : ''}`, {
        method: 'POST',
        headers: { Authorization: `Token ${apiKey.split('-')[1] ?? ''}` },
      });
      return (await response.json()) as { state: string; link: string };
    },
    payloads,
    async runWhen(id, find) {
      return until(() =>
        payloads('feeds:changed')
          .map((payload) => payload.run)
          .filter((run) => run.id === id)
          .find(find),
      );
    },
    async close() {
      for (const feeds of services) await feeds.stop();
      await accounts.stop();
      dbs.closeAll();
    },
  };
  return world;
}

/** Polls until find() gives something (vitest's test timeout bounds the wait). */
export async function until<T>(find: () => T | undefined | null | false): Promise<T> {
  for (;;) {
    const found = find();
    if (found) return found;
    await new Promise((done) => setTimeout(done, 15));
  }
}
