/**
 * The grid's edits against a real push and mirror (the sandbox as Doofinder): they reach
 * the server, undo after a sync sends the reverse, an edit made while a push is out is
 * kept, and the mirror's changes show up as conflicts to settle and in the item's history.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EventChannel, EventPayload, ViewSpec } from '../../../../preload/contract';
import { startSandbox, type Sandbox } from '../../../../main/sandbox/index';
import { CatalogService } from '../../../../main/worker/catalog/service';
import { DoofinderClient } from '../../../../main/worker/doofinder/client';
import { endpointFor, parseApiKey } from '../../../../main/worker/doofinder/endpoints';
import { Databases } from '../../../../main/worker/store/databases';
import { saveEngines, saveTypes } from '../../../../main/worker/store/engines';
import type { Profile } from '../../../../main/worker/store/profiles';
import { mirrorType } from '../../../../main/worker/sync/mirror';
import { pushType } from '../../../../main/worker/sync/push';

let sandbox: Sandbox;
let hashid: string;
let token: string;
let apiKey: string;
const opened: Array<{ dbs: Databases; catalog: CatalogService }> = [];

beforeAll(async () => {
  sandbox = await startSandbox({
    config: { managementRatePerSecond: null },
    seed: {
      accounts: [{ engines: [{ name: 'Shop', types: [{ name: 'product', generate: { count: 60, seed: 5 } }] }] }],
    },
  });
  apiKey = sandbox.seeded?.accounts[0]?.apiKey ?? '';
  hashid = sandbox.seeded?.accounts[0]?.engines[0]?.hashid ?? '';
  token = apiKey.split('-')[1] ?? '';
});

afterAll(async () => {
  await sandbox.close();
});

afterEach(async () => {
  await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'DELETE' });
  for (const { dbs, catalog } of opened.splice(0)) {
    catalog.stop();
    dbs.closeAll();
  }
});

async function api(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${sandbox.url}/v1/${hashid}${path}`, {
    method,
    headers: { Authorization: `Token ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function serverItem(id: string): Promise<Record<string, unknown> | null> {
  const response = await api('GET', `/items/product/${id}`);
  return response.status === 200 ? ((await response.json()) as Record<string, unknown>) : null;
}

async function until<T>(find: () => T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const profile: Profile = {
  id: 'shop',
  name: 'Shop',
  kind: 'doofinder',
  zone: 'eu1',
  managementUrl: null,
  searchUrl: null,
  state: 'ok',
  createdAt: new Date(0).toISOString(),
};

/** A mirrored account with the grid's service on it; each test mirrors afresh (the sandbox keeps what earlier tests pushed). */
async function setup() {
  const dbs = new Databases(mkdtempSync(join(tmpdir(), 'cs-grid-sync-')));
  const db = dbs.account(profile.id);
  saveEngines(db, [{ hashid, name: 'Shop', siteUrl: '', language: 'en', currency: 'EUR' }]);
  saveTypes(db, hashid, ['product']);
  const client = new DoofinderClient(
    endpointFor(parseApiKey(apiKey) ?? { zone: 'eu1', token: 'x' }, { management: sandbox.url, search: sandbox.url }),
    { managementRate: 100, policy: { baseDelayMs: 5, maxDelayMs: 20 } },
  );
  const events: Array<{ channel: EventChannel; payload: unknown }> = [];
  const emit = <K extends EventChannel>(channel: K, payload: EventPayload<K>) => events.push({ channel, payload });
  const catalog = new CatalogService(dbs, { current: () => profile, requireCurrent: () => profile }, emit);
  opened.push({ dbs, catalog });
  const mirror = () => mirrorType({ db, client, engine: hashid, type: 'product' });
  await mirror();
  const view: ViewSpec = { engine: hashid, type: 'product', sort: [], filters: [], quick: '' };
  const ids = catalog.rows({ view, start: 0, end: 100 }).rows.map((row) => row.id);
  const status = (id: string) =>
    db.prepare('SELECT status FROM items WHERE id = ?').pluck().get(id) as string | undefined;
  const edit = (id: string, field: string, value: string | null) =>
    catalog.edit({ engine: hashid, type: 'product', origin: 'edit', cells: [{ id, field, value }] });
  const push = () => pushType({ db, client, engine: hashid, type: 'product' });
  return { db, catalog, events, mirror, view, ids, status, edit, push };
}

describe('the grid with push', () => {
  it('sends edits, new and deleted items, and undo after the sync sends the reverse edits', async () => {
    const { catalog, ids, edit, push, status } = await setup();
    const [a = '', b = '', d = ''] = ids;
    const original = await serverItem(b);
    edit(a, 'title', 'Edited in the grid');
    edit(b, 'price', '12,5');
    catalog.create({ engine: hashid, type: 'product', id: 'GRID-NEW', copyOf: a });
    catalog.delete({ engine: hashid, type: 'product', ids: [d] });
    await expect(push()).resolves.toMatchObject({ state: 'completed', failed: 0 });
    await expect(serverItem(a)).resolves.toMatchObject({ title: 'Edited in the grid' });
    await expect(serverItem(b)).resolves.toMatchObject({ price: 12.5 });
    await expect(serverItem('GRID-NEW')).resolves.toMatchObject({ title: 'Edited in the grid' });
    await expect(serverItem(d)).resolves.toBeNull();

    // Roll the whole sync back, one undo per action, then sync again.
    for (let n = 0; n < 4; n += 1) catalog.undo();
    expect(status(d)).toBe('new');
    expect(status('GRID-NEW')).toBe('deleted');
    expect(status(b)).toBe('dirty');
    await expect(push()).resolves.toMatchObject({ state: 'completed', failed: 0 });
    await expect(serverItem(b)).resolves.toMatchObject({ price: original?.price });
    await expect(serverItem(a)).resolves.not.toMatchObject({ title: 'Edited in the grid' });
    await expect(serverItem('GRID-NEW')).resolves.toBeNull();
    await expect(serverItem(d)).resolves.not.toBeNull();
    expect(catalog.pending()).toMatchObject({ total: 0 });
  });

  it('keeps an edit made while its row is being pushed, and sends it too', async () => {
    const { ids, edit, push, status, db } = await setup();
    const id = ids[10] ?? '';
    edit(id, 'title', 'First');
    await fetch(`${sandbox.url}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rules: [{ path: '/items/', methods: ['PATCH'], latencyMs: 300 }] }),
    });
    const pushing = push();
    await until(() => status(id) === 'pushing');
    edit(id, 'color', 'Saffron');
    expect(status(id)).toBe('pushing');
    expect(db.prepare('SELECT rev FROM items WHERE id = ?').pluck().get(id)).toBe(2);
    // The push settles the first batch, sees the rev moved, and sends the colour in a second one.
    await expect(pushing).resolves.toMatchObject({ state: 'completed', batches: 2 });
    await expect(serverItem(id)).resolves.toMatchObject({ title: 'First', color: 'Saffron' });
    expect(status(id)).toBe('clean');
  });
});

describe('the grid with the mirror', () => {
  it('shows conflicts with the server values, and settles them by keeping mine or taking theirs', async () => {
    const { catalog, ids, edit, mirror, push, view, status } = await setup();
    const [a = '', b = '', c = ''] = ids.slice(20);
    edit(a, 'price', '1');
    edit(b, 'price', '2');
    edit(c, 'price', '3');
    edit(c, 'title', 'Mine, no conflict');
    await api('PATCH', '/items/product', [
      { id: a, price: 91 },
      { id: b, price: 92 },
      { id: c, price: 93 },
    ]);
    await mirror();
    const conflicts = catalog.rows({ view: { ...view, pendingOnly: true }, start: 0, end: 10 }).rows;
    expect(conflicts.find((row) => row.id === c)).toMatchObject({
      status: 'conflict',
      conflicts: ['price'],
      theirs: { price: 93 },
      doc: { price: 3, title: 'Mine, no conflict' },
    });
    catalog.resolve({ view, target: { id: a, field: 'price' }, keep: 'mine' });
    catalog.resolve({ view, target: { id: b, field: null }, keep: 'theirs' });
    expect(status(a)).toBe('dirty');
    expect(status(b)).toBe('clean');
    expect(catalog.undoState().undoSummary).toBe(`Took the server's values for 1 item`);
    catalog.undo();
    expect(status(b)).toBe('conflict');
    const all = catalog.resolve({ view, target: 'view', keep: 'theirs' });
    expect(all.itemsChanged).toBe(2);
    expect(status(c)).toBe('dirty');
    await push();
    await expect(serverItem(a)).resolves.toMatchObject({ price: 1 });
    await expect(serverItem(b)).resolves.toMatchObject({ price: 92 });
    await expect(serverItem(c)).resolves.toMatchObject({ price: 93, title: 'Mine, no conflict' });
  });

  it('offers an item deleted on the server after it was changed here: keep mine creates it again', async () => {
    const { catalog, ids, edit, mirror, push, view, status } = await setup();
    const id = ids[30] ?? '';
    edit(id, 'title', 'Still wanted');
    await api('DELETE', '/items/product', [{ id }]);
    await mirror();
    expect(catalog.rows({ view: { ...view, quick: id }, start: 0, end: 1 }).rows[0]).toMatchObject({
      status: 'conflict',
      error: 'Deleted on the server after it was changed here',
    });
    expect(catalog.itemHistory(hashid, 'product', id)[0]).toMatchObject({
      origin: 'server',
      field: null,
      summary: 'Deleted on the server after it was changed here',
    });
    catalog.resolve({ view, target: { id, field: null }, keep: 'mine' });
    expect(status(id)).toBe('new');
    await push();
    await expect(serverItem(id)).resolves.toMatchObject({ title: 'Still wanted' });
  });

  it("writes the server's changes into the item's history next to the edits, and tells the grid", async () => {
    const { catalog, ids, edit, mirror, events } = await setup();
    const id = ids[40] ?? '';
    const before = await serverItem(id);
    edit(id, 'title', 'Grid title');
    catalog.undo();
    await api('PATCH', '/items/product', [{ id, color: 'Server colour' }]);
    await mirror();
    const history = catalog.itemHistory(hashid, 'product', id);
    expect(history.map((entry) => [entry.origin, entry.field])).toEqual([
      ['server', 'color'],
      ['undo', 'title'],
      ['edit', 'title'],
    ]);
    expect(history[0]).toMatchObject({
      before: before?.color ?? null,
      after: 'Server colour',
      summary: 'Changed on the server',
    });
    expect(history[2]).toMatchObject({ before: before?.title, after: 'Grid title', summary: `Edit of title on ${id}` });
    expect(history[0]?.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await until(() =>
      events.find(
        (event) => event.channel === 'catalog:changed' && (event.payload as { reason: string }).reason === 'server',
      ),
    );
  });
});
