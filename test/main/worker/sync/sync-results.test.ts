/**
 * After a sync, a result per item (issue 9): synced, failed with Doofinder's reason, in
 * conflict (not sent until settled) or not sent (the sync stopped first); problems first,
 * a page at a time, still there after a restart, and only the last few runs kept.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Databases } from '../../../../main/worker/store/databases';
import { saveEngines } from '../../../../main/worker/store/engines';
import {
  beginRun,
  endRun,
  KEPT_RUNS,
  readResults,
  recordSettled,
  type SettledItem,
} from '../../../../main/worker/sync/run-results';
import { control, startSyncSandbox, syncWorld, type SandboxAccount, type SyncWorld } from './sync-fixture';

let account: SandboxAccount;
let world: SyncWorld | null = null;

beforeAll(async () => {
  account = await startSyncSandbox();
});

afterAll(async () => {
  await account.sandbox.close();
});

afterEach(async () => {
  await world?.close();
  world = null;
  await control(account.sandbox, 'DELETE', '/faults');
});

const never = () => false;

describe('the results of a sync, item by item', () => {
  it('lists failures with the reason first, then conflicts, then what went through', async () => {
    const w = (world = await syncWorld(account));
    const [good = '', bad = '', torn = ''] = w.ids.product;
    w.edit('product', good, { title: 'Fine' });
    w.edit('product', bad, { price: 'not a number' });
    w.create('article', 'ART-NEW', { title: 'Made here' });
    w.edit('product', torn, { title: 'Mine' });
    w.db.prepare("UPDATE items SET status = 'conflict', error = 'title' WHERE id = ?").run(torn);

    const started = w.sync.start({});
    await w.sync.settled('acme');
    const page = w.sync.results({});

    expect(page.run).toMatchObject({
      id: started.runId,
      state: 'completed',
      counts: { synced: 2, failed: 1, conflict: 1, 'not-sent': 0 },
      failedTypes: [{ engine: account.hashid, engineName: 'Shop', type: 'product', failed: 1 }],
    });
    expect(page.total).toBe(4);
    expect(page.rows.map((row) => [row.id, row.outcome, row.change])).toEqual([
      [bad, 'failed', 'edit'],
      [torn, 'conflict', 'edit'],
      ['ART-NEW', 'synced', 'create'],
      [good, 'synced', 'edit'],
    ]);
    expect(page.rows[0]?.message).toContain('failed to parse [price]');
    expect(page.rows[1]?.message).toMatch(/settle the conflict.*\(title\)/);
    expect(w.sync.results({ outcome: 'synced' }).rows.map((row) => row.id)).toEqual(['ART-NEW', good]);
  });

  it('a cancelled sync lists what it did not send, and why', async () => {
    await control(account.sandbox, 'POST', '/faults', {
      rules: [{ path: '/items/', methods: ['PATCH'], latencyMs: 150 }],
    });
    const w = (world = await syncWorld(account));
    for (const id of w.ids.product.slice(0, 150)) w.edit('product', id, { pattern: 'Dotted' });
    w.sync.start({});
    await w.sync.cancel();
    const page = w.sync.results({ outcome: 'not-sent', limit: 10 });
    expect(page.run).toMatchObject({ state: 'cancelled', counts: { synced: 100, 'not-sent': 50 } });
    expect(page.total).toBe(50);
    expect(page.rows).toHaveLength(10);
    expect(page.rows[0]).toMatchObject({
      id: w.ids.product[100],
      message: 'Not sent: the sync was cancelled. It goes with the next sync.',
    });
  });

  it('a paused sync resumed is one run: what it had left unsent is sent and listed as synced', async () => {
    await control(account.sandbox, 'POST', '/faults', {
      rules: [{ path: '/items/', methods: ['PATCH'], latencyMs: 150 }],
    });
    const w = (world = await syncWorld(account));
    for (const id of w.ids.product.slice(0, 150)) w.edit('product', id, { pattern: 'Checked' });
    const first = w.sync.start({});
    await w.sync.pause();
    expect(w.sync.results({}).run).toMatchObject({ state: 'paused', counts: { synced: 100, 'not-sent': 50 } });
    await control(account.sandbox, 'DELETE', '/faults');
    expect(w.sync.start({}).runId).toBe(first.runId);
    await w.sync.settled('acme');
    expect(w.sync.results({}).run).toMatchObject({
      id: first.runId,
      state: 'completed',
      counts: { synced: 150, 'not-sent': 0 },
    });
  });

  it('a paused sync cancelled afterwards lists what it left as cancelled, not as paused', async () => {
    await control(account.sandbox, 'POST', '/faults', {
      rules: [{ path: '/items/', methods: ['PATCH'], latencyMs: 150 }],
    });
    const w = (world = await syncWorld(account));
    for (const id of w.ids.product.slice(0, 150)) w.edit('product', id, { pattern: 'Plain' });
    const first = w.sync.start({});
    await w.sync.pause();
    await expect(w.sync.cancel()).resolves.toMatchObject({ state: 'cancelled', runId: first.runId });
    const page = w.sync.results({ outcome: 'not-sent', limit: 1 });
    expect(page.run).toMatchObject({ id: first.runId, state: 'cancelled', counts: { 'not-sent': 50 } });
    expect(page.rows[0]?.message).toMatch(/cancelled/);
  });

  it('the last sync’s results are still there after a restart', async () => {
    const w = (world = await syncWorld(account));
    w.edit('product', w.ids.product[4] ?? '', { price: 'lots' });
    w.sync.start({});
    await w.sync.settled('acme');
    const restarted = new Databases(dirname(dirname(w.db.name)));
    try {
      const page = readResults(restarted.account('acme'), {}, never);
      expect(page.run).toMatchObject({ state: 'completed', counts: { failed: 1 } });
      expect(page.rows[0]).toMatchObject({ id: w.ids.product[4], outcome: 'failed' });
    } finally {
      restarted.closeAll();
    }
  });
});

describe('the stored results', () => {
  function store() {
    const dbs = new Databases(mkdtempSync(join(tmpdir(), 'cs-sync-results-')));
    const db = dbs.account('p');
    saveEngines(db, [{ hashid: 'e1', name: 'Outdoor shop', siteUrl: '', language: 'en', currency: 'EUR' }]);
    return { dbs, db };
  }

  const item = (id: string, outcome: SettledItem['outcome']): SettledItem => ({
    engine: 'e1',
    type: 'product',
    id,
    op: 'patch',
    outcome,
    message: outcome === 'failed' ? `refused ${id}` : null,
  });

  it('page through 20,000 results with every item once, the failures first', () => {
    const { dbs, db } = store();
    const run = beginRun(db, {});
    const settled = Array.from({ length: 20_000 }, (_, n) => item(`P${n}`, n % 1_000 === 7 ? 'failed' : 'synced'));
    db.transaction(() => recordSettled(db, run, settled))();
    endRun(db, run, {}, { state: 'completed', error: null });

    const seen: string[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = readResults(db, { offset, limit: 500 }, never);
      expect(page.total).toBe(20_000);
      if (page.rows.length === 0) break;
      seen.push(...page.rows.map((row) => row.id));
    }
    expect(seen).toHaveLength(20_000);
    expect(new Set(seen).size).toBe(20_000);
    expect(seen.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, n) => `P${n * 1_000 + 7}`));
    expect(seen[20]).toBe('P0');
    const page = readResults(db, { offset: 15, limit: 10 }, never);
    expect(page.rows.map((row) => row.outcome)).toEqual([
      ...Array<string>(5).fill('failed'),
      ...Array<string>(5).fill('synced'),
    ]);
    expect(page.rows[0]).toMatchObject({ engineName: 'Outdoor shop', message: 'refused P15007' });
    dbs.closeAll();
  });

  it(`keeps the last ${KEPT_RUNS} runs only`, () => {
    const { dbs, db } = store();
    const runs = Array.from({ length: KEPT_RUNS + 3 }, (_, n) => {
      const run = beginRun(db, {});
      recordSettled(db, run, [item(`R${n}`, 'synced')]);
      endRun(db, run, {}, { state: 'completed', error: null });
      return run;
    });
    expect(db.prepare('SELECT id FROM sync_runs ORDER BY id').pluck().all()).toEqual(runs.slice(-KEPT_RUNS));
    expect(db.prepare('SELECT count(*) FROM sync_results').pluck().get()).toBe(KEPT_RUNS);
    expect(readResults(db, { run: runs[0] ?? 0 }, never).run).toBeNull();
    expect(readResults(db, {}, never).rows.map((row) => row.id)).toEqual([`R${KEPT_RUNS + 2}`]);
    dbs.closeAll();
  });

  it('an edit made after a finished sync had sent its type is listed as waiting for the next sync', () => {
    const { dbs, db } = store();
    const run = beginRun(db, { engine: 'e1' });
    recordSettled(db, run, [item('A', 'synced')]);
    db.prepare(
      "INSERT INTO items (engine, type, id, doc, status, rev) VALUES ('e1', 'product', 'B', '{}', 'new', 1)",
    ).run();
    db.prepare(
      "INSERT INTO items (engine, type, id, doc, status, rev) VALUES ('e2', 'product', 'C', '{}', 'new', 1)",
    ).run();
    endRun(db, run, { engine: 'e1' }, { state: 'completed', error: null });
    const page = readResults(db, {}, never);
    expect(page.rows.map((row) => [row.id, row.outcome, row.change])).toEqual([
      ['B', 'not-sent', 'create'],
      ['A', 'synced', 'edit'],
    ]);
    expect(page.rows[0]?.message).toMatch(/after the sync had sent its type/);
    dbs.closeAll();
  });

  it('a run the app closed in the middle of reads as stopped, not as still running', () => {
    const { dbs, db } = store();
    const run = beginRun(db, {});
    expect(readResults(db, {}, (id) => id === run).run?.state).toBe('running');
    expect(readResults(db, {}, never).run).toMatchObject({
      state: 'failed',
      error: expect.stringContaining('The app closed during this sync') as unknown,
    });
    dbs.closeAll();
  });
});
