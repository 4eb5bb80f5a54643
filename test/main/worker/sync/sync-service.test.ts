import Papa from 'papaparse';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SyncProgress } from '../../../../preload/contract';
import { control, startSyncSandbox, syncWorld, type SandboxAccount, type SyncWorld } from './sync-fixture';

let account: SandboxAccount;
let world: SyncWorld;

beforeAll(async () => {
  account = await startSyncSandbox();
});

afterAll(async () => {
  await account.sandbox.close();
});

afterEach(async () => {
  await world?.close();
  await control(account.sandbox, 'DELETE', '/faults');
  await control(account.sandbox, 'DELETE', '/requests');
});

async function requests(method: string): Promise<number> {
  const log = (await control(account.sandbox, 'GET', '/requests?limit=100000')) as {
    requests: Array<{ method: string; path: string }>;
  };
  return log.requests.filter((request) => request.method === method && request.path.includes('/items/')).length;
}

async function finished(): Promise<SyncProgress | null> {
  return world.sync.settled('acme');
}

describe('sync', () => {
  it('pushes every pending change, type after type, reporting items, batches and time left', async () => {
    world = await syncWorld(account);
    const products = world.ids.product.slice(0, 150);
    for (const id of products) world.edit('product', id, { color: 'Teal' });
    world.edit('article', world.ids.article[0] ?? '', { title: 'Rewritten' });
    world.create('article', 'ART-NEW', { title: 'Made here' });
    world.remove('article', world.ids.article[1] ?? '');

    const first = world.sync.start({});
    expect(first).toMatchObject({ state: 'running', accountId: 'acme' });
    const final = await finished();

    expect(final).toMatchObject({ state: 'completed', done: 153, total: 153, failed: 0, error: null, current: null });
    // article: a PATCH, a PUT and a DELETE; product: two PATCHes of 100 and 50.
    expect(final?.batches).toBe(5);
    const progress = world.payloads('sync:progress');
    expect(progress[0]).toMatchObject({ state: 'running', done: 0, total: 153, etaSeconds: 3 });
    const order = [...new Set(progress.flatMap((entry) => (entry.current ? [entry.current.type] : [])))];
    expect(order).toEqual(['article', 'product']);
    expect(progress.at(-1)?.state).toBe('completed');
    expect(world.count("status != 'clean'")).toBe(0);
    await expect(world.serverItem('product', products[149] ?? '')).resolves.toMatchObject({ color: 'Teal' });
    await expect(world.serverItem('article', 'ART-NEW')).resolves.toMatchObject({ title: 'Made here' });
    await expect(world.serverItem('article', world.ids.article[1] ?? '')).resolves.toBeNull();
  });

  it('tells the grid to refresh and sends the pending count after each batch', async () => {
    world = await syncWorld(account);
    for (const id of world.ids.product.slice(0, 120)) world.edit('product', id, { size: 'Sync size 2' });
    world.sync.start({});
    await finished();
    const refreshes = world.payloads('catalog:changed');
    expect(refreshes).toEqual([
      { accountId: 'acme', engine: account.hashid, type: 'product', reason: 'sync' },
      { accountId: 'acme', engine: account.hashid, type: 'product', reason: 'sync' },
    ]);
    expect(world.payloads('sync:pendingChanged').map((entry) => entry.total)).toEqual([20, 0, 0]);
  });

  it('syncs one type when asked, and leaves the other types pending', async () => {
    world = await syncWorld(account);
    world.edit('product', world.ids.product[3] ?? '', { title: 'Product only' });
    world.edit('article', world.ids.article[3] ?? '', { title: 'Waits' });
    world.sync.start({ engine: account.hashid, type: 'product' });
    await expect(finished()).resolves.toMatchObject({ state: 'completed', done: 1 });
    expect(world.row('product', world.ids.product[3] ?? '')?.status).toBe('clean');
    expect(world.row('article', world.ids.article[3] ?? '')?.status).toBe('dirty');
  });

  it('pausing settles the batch already out and leaves the rest pending; starting again goes on', async () => {
    await control(account.sandbox, 'POST', '/faults', {
      rules: [{ path: '/items/', methods: ['PATCH'], latencyMs: 200 }],
    });
    world = await syncWorld(account);
    const edited = world.ids.product.slice(0, 250);
    for (const id of edited) world.edit('product', id, { material: 'Linen' });
    world.sync.start({});
    // The first batch is marked and on its way before start() returns.
    expect(world.count("status = 'pushing'")).toBe(100);
    const paused = await world.sync.pause();
    expect(paused).toMatchObject({ state: 'paused', done: 100, total: 250, error: null });
    expect(world.count("status = 'clean' AND type = 'product'")).toBe(100);
    expect(world.count("status = 'dirty'")).toBe(150);
    expect(world.count("status = 'pushing'")).toBe(0);
    expect(world.sync.activity()).toBe('Sync paused');
    await expect(world.serverItem('product', edited[99] ?? '')).resolves.toMatchObject({ material: 'Linen' });
    await expect(world.serverItem('product', edited[100] ?? '')).resolves.not.toMatchObject({ material: 'Linen' });

    world.sync.start({});
    await expect(finished()).resolves.toMatchObject({ state: 'completed', done: 250, total: 250, batches: 3 });
    expect(world.count("status != 'clean'")).toBe(0);
  });

  it('a paused sync of one type says which, so Resume goes on with that type only and the same run', async () => {
    await control(account.sandbox, 'POST', '/faults', {
      rules: [{ path: '/items/', methods: ['PATCH'], latencyMs: 200 }],
    });
    world = await syncWorld(account);
    for (const id of world.ids.product.slice(0, 250)) world.edit('product', id, { material: 'Wool' });
    world.edit('article', world.ids.article[0] ?? '', { title: 'Not in this sync' });
    const scope = { engine: account.hashid, type: 'product' };
    const started = world.sync.start(scope);
    expect(started.scope).toEqual(scope);
    const paused = await world.sync.pause();
    expect(paused).toMatchObject({ state: 'paused', scope });
    world.sync.start(paused?.scope ?? {});
    await expect(finished()).resolves.toMatchObject({
      state: 'completed',
      done: 250,
      total: 250,
      runId: paused?.runId,
    });
    expect(world.row('article', world.ids.article[0] ?? '')?.status).toBe('dirty');
  });

  it('cancelling stops after the batch that is out; what is left stays pending for a fresh sync', async () => {
    await control(account.sandbox, 'POST', '/faults', {
      rules: [{ path: '/items/', methods: ['PATCH'], latencyMs: 200 }],
    });
    world = await syncWorld(account);
    for (const id of world.ids.product.slice(0, 150)) world.edit('product', id, { pattern: 'Striped' });
    world.sync.start({});
    await expect(world.sync.cancel()).resolves.toMatchObject({ state: 'cancelled', done: 100 });
    expect(world.count("status = 'dirty'")).toBe(50);
    world.sync.start({});
    await expect(finished()).resolves.toMatchObject({ state: 'completed', done: 50, total: 50 });
  });

  it('runs one sync at a time per account: asking again shows the running one, another scope is refused', async () => {
    await control(account.sandbox, 'POST', '/faults', {
      rules: [{ path: '/items/', methods: ['PATCH'], latencyMs: 200 }],
    });
    world = await syncWorld(account);
    world.edit('product', world.ids.product[5] ?? '', { title: 'Once' });
    world.sync.start({ engine: account.hashid, type: 'product' });
    expect(world.sync.start({ engine: account.hashid, type: 'product' }).state).toBe('running');
    expect(() => world.sync.start({})).toThrow(/already running/);
    await finished();
    expect(await requests('PATCH')).toBe(1);
  });

  it('marks the items the server refuses as failed with its reason; retry sends them again; export lists them', async () => {
    world = await syncWorld(account);
    const [good = '', bad = '', worse = ''] = world.ids.product.slice(10);
    world.edit('product', good, { title: 'Fine' });
    world.edit('product', bad, { price: 'not a number' });
    world.create('product', 'NEW-BAD', { title: 'Bad price', price: 'twelve' });
    world.edit('product', worse, { price: '=1+2', title: 'Formula' });
    world.sync.start({});
    await expect(finished()).resolves.toMatchObject({ state: 'completed', done: 4, failed: 3 });
    expect(world.row('product', good)?.status).toBe('clean');
    expect(world.row('product', bad)).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('failed to parse [price]') as unknown,
    });

    const exported = world.sync.exportFailed(account.hashid, 'product');
    expect(exported.rows).toBe(3);
    const table = Papa.parse<Record<string, string>>(exported.csv, { header: true }).data;
    expect(table.map((line) => line.id)).toEqual([bad, worse, 'NEW-BAD']);
    expect(table[0]).toMatchObject({ fields: 'price', price: 'not a number', title: '' });
    expect(table[0]?.reason).toContain('failed to parse [price]');
    expect(table[2]).toMatchObject({ price: 'twelve', title: 'Bad price' });
    // A spreadsheet would run a value that starts with "="; the export keeps it text.
    expect(table[1]?.price).toBe("'=1+2");

    world.edit('product', bad, { price: 19.5 });
    expect(world.sync.retryFailed(account.hashid, 'product')).toEqual({ retried: 3 });
    expect(world.row('product', 'NEW-BAD')?.status).toBe('new');
    expect(world.row('product', bad)).toMatchObject({ status: 'dirty', error: null });
    world.sync.start({});
    await expect(finished()).resolves.toMatchObject({ state: 'completed', failed: 2 });
    expect(world.row('product', bad)?.status).toBe('clean');
    await expect(world.serverItem('product', bad)).resolves.toMatchObject({ price: 19.5 });
  });

  it('a refused key stops the sync, the account asks for a new key, and every change is kept', async () => {
    world = await syncWorld(account, { key: `eu1-${'7'.repeat(40)}` });
    world.edit('product', world.ids.product[7] ?? '', { title: 'Kept' });
    world.sync.start({});
    const final = await finished();
    expect(final).toMatchObject({ state: 'failed' });
    expect(final?.error).toMatch(/did not accept the API key.*Your changes are kept/);
    expect(world.accounts.snapshot().accounts[0]).toMatchObject({ state: 'needs_key' });
    expect(world.row('product', world.ids.product[7] ?? '')?.status).toBe('dirty');
    expect(() => world.sync.start({})).toThrow(/refused this API key/);
    expect(() => world.sync.start({})).toThrow(expect.objectContaining({ code: 'auth_failed' }));
  });

  it('goes through server errors and dropped connections, and every change arrives once', async () => {
    await control(account.sandbox, 'POST', '/faults', {
      rules: [{ path: '/items/', error5xx: 0.3, drop: 0.15, status429: 0.1 }],
      seed: 4,
    });
    world = await syncWorld(account);
    for (const id of world.ids.product.slice(0, 200)) world.edit('product', id, { care: 'Hand wash' });
    for (let n = 0; n < 30; n += 1) world.create('article', `ART-${n}`, { title: `Article ${n}` });
    world.sync.start({});
    await expect(finished()).resolves.toMatchObject({ state: 'completed', done: 230, failed: 0 });
    await control(account.sandbox, 'DELETE', '/faults');
    expect(world.count("status != 'clean'")).toBe(0);
    for (const id of world.ids.product.slice(0, 200))
      await expect(world.serverItem('product', id)).resolves.toMatchObject({ care: 'Hand wash' });
    await expect(world.serverItem('article', 'ART-29')).resolves.toMatchObject({ title: 'Article 29' });
  });

  it('waits while the search engine is busy indexing (409), then pushes', async () => {
    await control(account.sandbox, 'POST', '/config', { typeDeletionMs: 300 });
    world = await syncWorld(account);
    const client = world.accounts.client(world.accounts.requireCurrent());
    const { createType, deleteTypes } = await import('../../../../main/worker/doofinder/management-v1');
    await createType(client, account.hashid, { name: 'doomed', sources: [] }, { priority: 'interactive' });
    await deleteTypes(client, account.hashid, ['doomed'], { priority: 'interactive' });
    world.edit('product', world.ids.product[9] ?? '', { title: 'After the wait' });
    world.sync.start({});
    await expect(finished()).resolves.toMatchObject({ state: 'completed', done: 1 });
    await expect(world.serverItem('product', world.ids.product[9] ?? '')).resolves.toMatchObject({
      title: 'After the wait',
    });
    const log = (await control(account.sandbox, 'GET', '/requests?limit=100000')) as {
      requests: Array<{ method: string; status: number }>;
    };
    const patches = log.requests.filter((request) => request.method === 'PATCH').map((request) => request.status);
    expect(patches[0]).toBe(409);
    expect(patches.at(-1)).toBe(200);
    await control(account.sandbox, 'POST', '/config', { typeDeletionMs: 2_000 });
  });
});
