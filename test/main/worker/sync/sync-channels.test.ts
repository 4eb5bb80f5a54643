/**
 * The sync channels as the renderer reaches them (the worker's handlers over its runtime),
 * on the built-in Sandbox account; and a worker that starts with rows a kill left `pushing`
 * sends them by itself when auto-sync is on.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncProgress, SyncResultsPage } from '../../../../preload/contract';
import { sandboxWorker, until } from '../../../helpers/sandbox-worker';

const worker = sandboxWorker({ items: 120 });
const { events } = worker;

afterEach(() => worker.reset());

const boot = (dataDir: string) => worker.boot(dataDir);

/** The Sandbox account with its first engine's products mirrored. */
async function mirrored(dataDir: string) {
  const world = await boot(dataDir);
  const engine = await worker.mirrorFirstEngine(world.call);
  const db = world.runtime.dbs.account('sandbox');
  const ids = db
    .prepare("SELECT id FROM items WHERE engine = ? AND type = 'product' ORDER BY rowid")
    .pluck()
    .all(engine) as string[];
  const edit = (id: string, change: Record<string, unknown>) => {
    const doc = db.prepare('SELECT doc FROM items WHERE engine = ? AND id = ?').pluck().get(engine, id) as string;
    db.prepare(
      "UPDATE items SET doc = ?, base = coalesce(base, doc), status = 'dirty', rev = rev + 1 WHERE engine = ? AND id = ?",
    ).run(JSON.stringify({ ...(JSON.parse(doc) as object), ...change }), engine, id);
  };
  const status = (id: string) =>
    db.prepare('SELECT status FROM items WHERE engine = ? AND id = ?').pluck().get(engine, id) as string;
  return { ...world, engine, ids, edit, status, db };
}

describe('the sync channels', () => {
  it('push the Sandbox account’s changes, list and retry refusals, and keep the auto-sync choice', async () => {
    const world = await mirrored(mkdtempSync(join(tmpdir(), 'cs-sync-channels-')));
    const [good = '', bad = ''] = world.ids;
    world.edit(good, { title: 'Through the channel' });
    world.edit(bad, { price: 'free' });

    const started = await world.call<SyncProgress>('sync:start', {});
    expect(started).toMatchObject({ accountId: 'sandbox', state: 'running' });
    const final = await until(() =>
      events
        .filter((event) => event.channel === 'sync:progress')
        .map((event) => event.payload as SyncProgress)
        .find((progress) => progress.state !== 'running'),
    );
    expect(final).toMatchObject({ state: 'completed', done: 2, failed: 1 });
    const results = await world.call<SyncResultsPage>('sync:results', { outcome: 'failed' });
    expect(results.run).toMatchObject({ id: final.runId, counts: { synced: 1, failed: 1 } });
    expect(results.rows).toMatchObject([{ id: bad, outcome: 'failed', change: 'edit' }]);
    expect(world.status(good)).toBe('clean');
    expect(events.some((event) => event.channel === 'catalog:changed')).toBe(true);
    expect(events.filter((event) => event.channel === 'sync:pendingChanged').at(-1)?.payload).toEqual({ total: 1 });

    const exported = await world.call<{ csv: string; rows: number }>('sync:exportFailed', {
      engine: world.engine,
      type: 'product',
    });
    expect(exported.rows).toBe(1);
    expect(exported.csv.split('\n')[0]).toBe('id,reason,fields,price');
    expect(exported.csv).toContain(`${bad},`);
    await expect(world.call('sync:retryFailed', { engine: world.engine, type: 'product' })).resolves.toEqual({
      retried: 1,
    });
    expect(world.status(bad)).toBe('dirty');

    await expect(world.call('sync:pause')).resolves.toBeNull();
    await expect(world.call('sync:cancel')).resolves.toBeNull();
    await expect(world.call('sync:settings', {})).resolves.toEqual({ autoSync: false });
    await expect(world.call('sync:settings', { autoSync: true })).resolves.toEqual({ autoSync: true });
  });

  it('a worker that starts with auto-sync on sends the rows a kill left pushing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cs-sync-restart-'));
    const world = await mirrored(dataDir);
    await world.call('sync:settings', { autoSync: true });
    const id = world.ids[3] ?? '';
    world.edit(id, { title: 'Cut off by a kill' });
    world.db.prepare("UPDATE items SET status = 'pushing', pending_op = 'patch', batch = 'x' WHERE id = ?").run(id);
    await world.runtime.stop();

    const again = await boot(dataDir);
    const db = again.runtime.dbs.account('sandbox');
    await until(() => db.prepare('SELECT status FROM items WHERE id = ?').pluck().get(id) === 'clean');
    const progress = events.filter((event) => event.channel === 'sync:progress').at(-1)?.payload as SyncProgress;
    expect(progress).toMatchObject({ state: 'completed', done: 1 });
  });
});
