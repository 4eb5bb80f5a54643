import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../../main/sandbox/index';
import { DoofinderClient } from '../../../../main/worker/doofinder/client';
import { endpointFor, parseApiKey } from '../../../../main/worker/doofinder/endpoints';
import { Databases } from '../../../../main/worker/store/databases';
import { saveEngines, saveTypes } from '../../../../main/worker/store/engines';
import { mirrorType, type MirrorProgress } from '../../../../main/worker/sync/mirror';

let sandbox: Sandbox;
let apiKey: string;
let hashid: string;
let token: string;

beforeAll(async () => {
  sandbox = await startSandbox({
    config: { managementRatePerSecond: null },
    seed: {
      accounts: [
        {
          engines: [{ name: 'Shop', types: [{ name: 'product', generate: { count: 250, seed: 3, profile: 'shop' } }] }],
        },
      ],
    },
  });
  const account = sandbox.seeded?.accounts[0];
  apiKey = account?.apiKey ?? '';
  hashid = account?.engines[0]?.hashid ?? '';
  token = apiKey.split('-')[1] ?? '';
});

afterAll(async () => {
  await sandbox.close();
});

afterEach(async () => {
  await control('DELETE', '/faults');
  await control('POST', '/clock', { offsetMs: 0 });
});

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${sandbox.url}/_sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json();
}

async function api(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${sandbox.url}/v1/${hashid}${path}`, {
    method,
    headers: { Authorization: `Token ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

function setup(key = apiKey) {
  const dbs = new Databases(mkdtempSync(join(tmpdir(), 'cs-mirror-')));
  const db = dbs.account('p1');
  saveEngines(db, [{ hashid, name: 'Shop', siteUrl: '', language: 'en', currency: 'EUR' }]);
  saveTypes(db, hashid, ['product']);
  const parsed = parseApiKey(key);
  if (!parsed) throw new Error('bad key');
  const client = new DoofinderClient(endpointFor(parsed, { management: sandbox.url, search: sandbox.url }), {
    managementRate: 100,
    policy: { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 10 },
  });
  const progress: MirrorProgress[] = [];
  const mirror = (signal?: AbortSignal) =>
    mirrorType({
      db,
      client,
      engine: hashid,
      type: 'product',
      signal,
      onProgress: (p) => progress.push(p),
      progressIntervalMs: 0,
    });
  const count = () => db.prepare('SELECT count(*) FROM items').pluck().get() as number;
  const row = (id: string) =>
    db.prepare('SELECT doc, base, theirs, status, error FROM items WHERE id = ?').get(id) as
      { doc: string; base: string | null; theirs: string | null; status: string; error: string | null } | undefined;
  return { db, client, mirror, progress, count, row };
}

describe('mirror', () => {
  it('scrolls every item into SQLite with progress, counts and a completed run', async () => {
    const { mirror, progress, count, db } = setup();
    const result = await mirror();
    expect(result).toMatchObject({ state: 'completed', fetched: 250, total: 250, percent: 100 });
    expect(count()).toBe(250);
    expect(progress[0]?.state).toBe('running');
    expect(progress.some((p) => p.state === 'running' && p.fetched === 100)).toBe(true);
    expect(db.prepare("SELECT server_count FROM types WHERE name = 'product'").pluck().get()).toBe(250);
    // Read-only URLs from the server are not stored as item fields.
    const doc = JSON.parse(db.prepare('SELECT doc FROM items LIMIT 1').pluck().get() as string) as Record<
      string,
      unknown
    >;
    expect(doc).not.toHaveProperty('df_url');
    expect(doc).toHaveProperty('title');
  });

  it('detects items deleted on the server at the next complete pass', async () => {
    const { mirror, count } = setup();
    await mirror();
    const first = (await (await api('GET', '/items/product?rpp=2')).json()) as { results: Array<{ id: string }> };
    const gone = first.results.map((item) => item.id);
    expect(
      (
        await api(
          'DELETE',
          '/items/product',
          gone.map((id) => ({ id })),
        )
      ).status,
    ).toBe(200);
    const result = await mirror();
    expect(result).toMatchObject({ state: 'completed', deletedOnServer: 2 });
    expect(count()).toBe(248);
    await api(
      'PUT',
      '/items/product',
      gone.map((id) => ({ id, title: `restored ${id}` })),
    );
  });

  it('merges three ways: takes untouched server changes, keeps local edits, flags real conflicts', async () => {
    const { mirror, db, row } = setup();
    await mirror();
    const [a, b] = (
      db.prepare('SELECT id, doc FROM items ORDER BY rowid LIMIT 2').all() as Array<{ id: string; doc: string }>
    ).map((r) => ({
      id: r.id,
      doc: JSON.parse(r.doc) as Record<string, unknown>,
    }));
    if (!a || !b) throw new Error('no items');
    // Local edits: A's title, B's price (as the grid will store them).
    const edit = db.prepare("UPDATE items SET doc = ?, base = ?, status = 'dirty', rev = rev + 1 WHERE id = ?");
    edit.run(JSON.stringify({ ...a.doc, title: 'Local title' }), JSON.stringify(a.doc), a.id);
    edit.run(JSON.stringify({ ...b.doc, price: 1.5 }), JSON.stringify(b.doc), b.id);
    // Server edits: A's price (untouched here), B's price (changed here too).
    await api('PATCH', '/items/product', [
      { id: a.id, price: 77 },
      { id: b.id, price: 88 },
    ]);
    const result = await mirror();
    expect(result.conflicts).toBe(1);
    const merged = JSON.parse(row(a.id)?.doc ?? '{}') as Record<string, unknown>;
    expect(merged).toMatchObject({ title: 'Local title', price: 77 });
    expect(row(a.id)?.status).toBe('dirty');
    expect(row(b.id)).toMatchObject({ status: 'conflict' });
    expect(JSON.parse(row(b.id)?.doc ?? '{}')).toMatchObject({ price: 1.5 });
    expect(JSON.parse(row(b.id)?.theirs ?? '{}')).toMatchObject({ price: 88 });
    expect(row(b.id)?.error).toContain('price');
  });

  it('cancels, then resumes where it stopped without storing anything twice or losing a page', async () => {
    const { mirror, progress, count, db } = setup();
    const controller = new AbortController();
    const cancelled = mirror(controller.signal);
    // Stop as soon as the first page is in.
    while (!progress.some((p) => p.fetched >= 100)) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(new Error('cancelled'));
    const stopped = await cancelled;
    expect(stopped.state).toBe('paused');
    const stoppedAt = count();
    expect(stoppedAt).toBeLessThan(250);
    const resumed = await mirror();
    expect(resumed).toMatchObject({ state: 'completed', fetched: 250, pass: stopped.pass });
    expect(count()).toBe(250);
    expect(db.prepare('SELECT count(DISTINCT id) FROM items').pluck().get()).toBe(250);
  });

  it('restarts an expired scroll in the same pass and completes with every item once', async () => {
    const { mirror, progress, count } = setup();
    const controller = new AbortController();
    const first = mirror(controller.signal);
    while (!progress.some((p) => p.fetched >= 100)) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(new Error('pause'));
    await first;
    await control('POST', '/clock', { advanceMs: 6 * 60_000 });
    const result = await mirror();
    expect(result).toMatchObject({ state: 'completed', fetched: 250, deletedOnServer: 0 });
    expect(count()).toBe(250);
  });

  it('gets through 5xx answers, 429s and dropped connections with every item exactly once', async () => {
    await control('POST', '/faults', {
      rules: [{ path: '/items/', error5xx: 0.5, status429: 0.2, drop: 0.2 }],
      seed: 1,
    });
    const { mirror, count, db } = setup();
    const result = await mirror();
    expect(result).toMatchObject({ state: 'completed', fetched: 250 });
    expect(count()).toBe(250);
    expect(db.prepare('SELECT count(DISTINCT id) FROM items').pluck().get()).toBe(250);
    const requests = (await control('GET', '/requests?limit=5000')) as { requests: Array<{ outcome: string | null }> };
    const outcomes = new Set(requests.requests.map((r) => r.outcome));
    expect([...outcomes].filter((outcome) => outcome?.startsWith('fault:')).length).toBeGreaterThanOrEqual(2);
  });

  it('stops on a refused key, keeps the run resumable and says why', async () => {
    const { mirror } = setup(`eu1-${'0'.repeat(40)}`);
    const result = await mirror();
    expect(result.state).toBe('paused');
    expect(result.error).toMatch(/did not accept the API key \(401\)/);
    expect(result.error).not.toContain('0'.repeat(40));
  });
});
