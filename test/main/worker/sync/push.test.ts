import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../../main/sandbox/index';
import { DoofinderClient } from '../../../../main/worker/doofinder/client';
import { endpointFor, parseApiKey } from '../../../../main/worker/doofinder/endpoints';
import { Databases } from '../../../../main/worker/store/databases';
import { saveEngines, saveTypes } from '../../../../main/worker/store/engines';
import { mirrorType } from '../../../../main/worker/sync/mirror';
import { pushType } from '../../../../main/worker/sync/push';

let sandbox: Sandbox;
let apiKey: string;
let hashid: string;

beforeAll(async () => {
  sandbox = await startSandbox({
    config: { managementRatePerSecond: null },
    seed: {
      accounts: [{ engines: [{ name: 'Shop', types: [{ name: 'product', generate: { count: 120, seed: 8 } }] }] }],
    },
  });
  apiKey = sandbox.seeded?.accounts[0]?.apiKey ?? '';
  hashid = sandbox.seeded?.accounts[0]?.engines[0]?.hashid ?? '';
});

afterAll(async () => {
  await sandbox.close();
});

afterEach(async () => {
  await control('DELETE', '/faults');
  await control('POST', '/config', { bulkLimit: 100 });
});

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${sandbox.url}/_sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json();
}

async function serverItem(id: string): Promise<Record<string, unknown> | null> {
  const response = await fetch(`${sandbox.url}/v1/${hashid}/items/product/${id}`, {
    headers: { Authorization: `Token ${apiKey.split('-')[1]}` },
  });
  return response.status === 200 ? ((await response.json()) as Record<string, unknown>) : null;
}

async function setup(key = apiKey) {
  const dbs = new Databases(mkdtempSync(join(tmpdir(), 'cs-push-')));
  const db = dbs.account('p');
  saveEngines(db, [{ hashid, name: 'Shop', siteUrl: '', language: 'en', currency: 'EUR' }]);
  saveTypes(db, hashid, ['product']);
  const client = (k: string) =>
    new DoofinderClient(
      endpointFor(parseApiKey(k) ?? { zone: 'eu1', token: 'x' }, { management: sandbox.url, search: sandbox.url }),
      {
        managementRate: 100,
        policy: { baseDelayMs: 5, maxDelayMs: 20 },
      },
    );
  await mirrorType({ db, client: client(apiKey), engine: hashid, type: 'product' });
  const ids = db.prepare('SELECT id FROM items ORDER BY rowid').pluck().all() as string[];
  /** An edit as the grid stores it: doc changes, base keeps the server state, rev moves. */
  const edit = (id: string, change: Record<string, unknown>) => {
    const row = db.prepare('SELECT doc, base, status FROM items WHERE id = ?').get(id) as {
      doc: string;
      base: string | null;
      status: string;
    };
    const doc = { ...(JSON.parse(row.doc) as Record<string, unknown>), ...change };
    db.prepare(
      "UPDATE items SET doc = ?, base = coalesce(base, ?), status = CASE WHEN status = 'clean' THEN 'dirty' ELSE status END, rev = rev + 1 WHERE id = ?",
    ).run(JSON.stringify(doc), row.doc, id);
  };
  const status = (id: string) =>
    db.prepare('SELECT status, error FROM items WHERE id = ?').get(id) as
      { status: string; error: string | null } | undefined;
  const push = () => pushType({ db, client: client(key), engine: hashid, type: 'product' });
  return { db, ids, edit, status, push };
}

describe('push', () => {
  it('sends edits, new items and deletions, and leaves every row clean', async () => {
    const { db, ids, edit, status, push } = await setup();
    const [a = '', b = '', c = ''] = ids;
    edit(a, { title: 'Edited title' });
    edit(b, { price: 12.5 });
    db.prepare("INSERT INTO items (engine, type, id, doc, status) VALUES (?, 'product', 'NEW-1', ?, 'new')").run(
      hashid,
      JSON.stringify({ id: 'NEW-1', title: 'Made here' }),
    );
    db.prepare("UPDATE items SET status = 'deleted', base = doc WHERE id = ?").run(c);
    const result = await push();
    expect(result).toMatchObject({ state: 'completed', done: 4, failed: 0 });
    await expect(serverItem(a)).resolves.toMatchObject({ title: 'Edited title' });
    await expect(serverItem(b)).resolves.toMatchObject({ price: 12.5 });
    await expect(serverItem('NEW-1')).resolves.toMatchObject({ title: 'Made here' });
    await expect(serverItem(c)).resolves.toBeNull();
    expect(db.prepare("SELECT count(*) FROM items WHERE status != 'clean'").pluck().get()).toBe(0);
    expect(status(c)).toBeUndefined();
  });

  it('marks only the items the server refused as failed, with its reason', async () => {
    const { ids, edit, status, push } = await setup();
    const [good = '', bad = ''] = ids.slice(10);
    edit(good, { title: 'Fine' });
    edit(bad, { price: 'not a number' });
    const result = await push();
    expect(result).toMatchObject({ state: 'completed', failed: 1 });
    expect(status(good)?.status).toBe('clean');
    expect(status(bad)).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('failed to parse [price]') as unknown,
    });
    await expect(serverItem(good)).resolves.toMatchObject({ title: 'Fine' });
  });

  it('splits a batch the server finds too large (413) and loses nothing', async () => {
    await control('POST', '/config', { bulkLimit: 7 });
    const { ids, edit, push, db } = await setup();
    for (const id of ids.slice(20, 50)) edit(id, { color: 'Plum' });
    const result = await push();
    expect(result).toMatchObject({ state: 'completed', done: 30, failed: 0 });
    expect(result.batches).toBeGreaterThan(4);
    expect(db.prepare("SELECT count(*) FROM items WHERE status != 'clean'").pluck().get()).toBe(0);
    for (const id of ids.slice(20, 50)) await expect(serverItem(id)).resolves.toMatchObject({ color: 'Plum' });
  });

  it('sends again what a crash left in pushing', async () => {
    const { db, ids, edit, push, status } = await setup();
    const id = ids[60] ?? '';
    edit(id, { title: 'Sent before the crash' });
    db.prepare("UPDATE items SET status = 'pushing', pending_op = 'patch', batch = 'lost' WHERE id = ?").run(id);
    await expect(push()).resolves.toMatchObject({ state: 'completed', done: 1 });
    expect(status(id)?.status).toBe('clean');
    await expect(serverItem(id)).resolves.toMatchObject({ title: 'Sent before the crash' });
  });

  it('keeps an edit made while its batch was out, and sends it next', async () => {
    await control('POST', '/faults', { rules: [{ path: '/items/', methods: ['PATCH'], latencyMs: 300 }] });
    await control('DELETE', '/requests');
    const { db, ids, edit, push } = await setup();
    const id = ids[70] ?? '';
    edit(id, { title: 'First' });
    const pushing = push();
    await new Promise((done) => setTimeout(done, 100));
    edit(id, { price: 99 });
    await expect(pushing).resolves.toMatchObject({ state: 'completed' });
    expect(db.prepare('SELECT status FROM items WHERE id = ?').pluck().get(id)).toBe('clean');
    await expect(serverItem(id)).resolves.toMatchObject({ title: 'First', price: 99 });
    // Two requests: the first batch, then the edit made while it was out (only the new field).
    const log = (await control('GET', '/requests')) as { requests: Array<{ method: string }> };
    expect(log.requests.filter((request) => request.method === 'PATCH')).toHaveLength(2);
  });

  it('puts rows back as they were when the key is refused, and says why', async () => {
    const { ids, edit, push, status } = await setup(`eu1-${'9'.repeat(40)}`);
    const id = ids[80] ?? '';
    edit(id, { title: 'Never sent' });
    const result = await push();
    expect(result.state).toBe('failed');
    expect(result.error).toMatch(/did not accept the API key/);
    expect(status(id)?.status).toBe('dirty');
  });

  it('sends again the fields of a batch cut off mid-flight, even when the user has set them back since', async () => {
    const { db, ids, push, status } = await setup();
    const id = ids[90] ?? '';
    const original = (await serverItem(id))?.title;
    // The batch reached the server, then the app was killed before the answer settled the row.
    await fetch(`${sandbox.url}/v1/${hashid}/items/product`, {
      method: 'PATCH',
      headers: { Authorization: `Token ${apiKey.split('-')[1]}`, 'content-type': 'application/json' },
      body: JSON.stringify([{ id, title: 'Sent, answer lost' }]),
    });
    // Back in the app, the title was set back to what the server had before.
    db.prepare(
      `UPDATE items SET status = 'pushing', pending_op = 'patch', base = doc, rev = rev + 2,
         batch = '{"id":"lost","fields":["title"]}' WHERE id = ?`,
    ).run(id);
    await expect(push()).resolves.toMatchObject({ state: 'completed', done: 1 });
    expect(status(id)?.status).toBe('clean');
    await expect(serverItem(id)).resolves.toMatchObject({ title: original });
  });

  it('deletes on the server an item whose create was cut off, deleted here since', async () => {
    const { db, push, status } = await setup();
    await fetch(`${sandbox.url}/v1/${hashid}/items/product`, {
      method: 'PUT',
      headers: { Authorization: `Token ${apiKey.split('-')[1]}`, 'content-type': 'application/json' },
      body: JSON.stringify([{ id: 'CUT-NEW', title: 'Created, answer lost' }]),
    });
    db.prepare(
      `INSERT INTO items (engine, type, id, doc, status, pending_op, batch, rev)
       VALUES (?, 'product', 'CUT-NEW', '{"id":"CUT-NEW","title":"Created, answer lost"}', 'deleted', 'put', '{"id":"lost"}', 2)`,
    ).run(hashid);
    await expect(push()).resolves.toMatchObject({ state: 'completed', done: 1 });
    expect(status('CUT-NEW')).toBeUndefined();
    await expect(serverItem('CUT-NEW')).resolves.toBeNull();
  });

  it('puts back on the server an item whose deletion was cut off, undone here since', async () => {
    const { db, ids, push, status } = await setup();
    const id = ids[95] ?? '';
    await fetch(`${sandbox.url}/v1/${hashid}/items/product`, {
      method: 'DELETE',
      headers: { Authorization: `Token ${apiKey.split('-')[1]}`, 'content-type': 'application/json' },
      body: JSON.stringify([{ id }]),
    });
    db.prepare(
      `UPDATE items SET status = 'dirty', base = doc, pending_op = 'delete', batch = '{"id":"lost"}', rev = rev + 2 WHERE id = ?`,
    ).run(id);
    await expect(push()).resolves.toMatchObject({ state: 'completed', done: 1 });
    expect(status(id)?.status).toBe('clean');
    await expect(serverItem(id)).resolves.toMatchObject({ id });
  });

  it('keeps rows pushing when the connection drops for good, and sends them next time', async () => {
    const { ids, edit, push, status } = await setup();
    const id = ids[100] ?? '';
    edit(id, { title: 'Through a bad line' });
    await control('POST', '/faults', { rules: [{ path: '/items/', methods: ['PATCH'], drop: 1 }] });
    await expect(push()).resolves.toMatchObject({
      state: 'paused',
      error: expect.stringContaining('could not be reached') as unknown,
    });
    expect(status(id)?.status).toBe('pushing');
    await control('DELETE', '/faults');
    await expect(push()).resolves.toMatchObject({ state: 'completed', done: 1 });
    expect(status(id)?.status).toBe('clean');
    await expect(serverItem(id)).resolves.toMatchObject({ title: 'Through a bad line' });
  });
});
