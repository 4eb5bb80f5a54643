/** Feed health: a feed that lost most of its products, or a field, is flagged in the history and the notification. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../../main/sandbox/index';
import { assessHealth, fieldShares, type TypeSample } from '../../../../main/worker/feeds/feed-health';
import { mirrorSamples } from '../../../../main/worker/feeds/health-samples';
import { mirrorType } from '../../../../main/worker/sync/mirror';
import { control, feedText, feedWorld, products, startFeedSandbox, until, type FeedWorld } from './feeds-fixture';

let sandbox: Sandbox;
let world: FeedWorld;

beforeAll(async () => {
  sandbox = await startFeedSandbox();
});

afterAll(async () => {
  await sandbox.close();
});

afterEach(async () => {
  await world?.close();
});

async function processAndSettle(force = false) {
  const run = await world.feeds.process({ engine: world.hashid, force });
  const ended = await world.runWhen(run.id, (view) => view.health !== null);
  const entry = await until(() => world.payloads('activity:added').find((added) => added.runId === run.id));
  return { run: ended, entry };
}

describe('feed health after a run', () => {
  it('flags a drop of more than 10% and a field that vanished, against the previous run', async () => {
    world = await feedWorld(sandbox, { feed: feedText(products(100)) });
    const first = await processAndSettle();
    expect(first.run.health).toMatchObject({ baseline: 'none', flags: [], counts: [{ type: 'product', count: 100 }] });
    expect(first.entry.level).toBe('success');

    world.writeFeed(feedText(products(40, { brand: false })));
    const second = await processAndSettle();
    expect(second.run.health?.baseline).toBe('previous-run');
    expect(second.run.health?.counts).toEqual([{ type: 'product', count: 40, previous: 100, mirror: null }]);
    expect(second.run.health?.flags).toEqual([
      expect.objectContaining({
        kind: 'drop',
        type: 'product',
        before: 100,
        after: 40,
        message: 'product: 100 → 40 items (−60%)',
      }),
      expect.objectContaining({ kind: 'field-vanished', type: 'product', field: 'brand', before: 1, after: 0 }),
    ]);
    // The notification says so: a success with something to look at.
    expect(second.entry).toMatchObject({ level: 'warning', title: 'Feed processed: Fashion store' });
    expect(second.entry.body).toContain('100 → 40 items');
    expect(second.entry.body).toContain('"brand"');
    // ...and so does the history.
    const listed = world.feeds.runs({ engine: world.hashid }).runs[0];
    expect(listed?.health?.flags).toHaveLength(2);
  });

  it('is not read from a newer run: a run that starts before the last one was counted stops that count', async () => {
    world = await feedWorld(sandbox, { feed: feedText(products(100)) });
    const first = await processAndSettle();
    world.writeFeed(feedText(products(40)));
    // Slow item reads keep the next run's count pending while a third run starts.
    await control(sandbox, 'POST', '/faults', { rules: [{ path: '/items/', methods: ['GET'], latencyMs: 1500 }] });
    try {
      const second = await world.feeds.process({ engine: world.hashid, force: false });
      await world.runWhen(second.id, (view) => view.result !== 'running');
      world.writeFeed(feedText(products(100)));
      const third = await processAndSettle(true);
      // The second run's entry is posted once its check is over (stopped, or read too late).
      await until(() => world.payloads('activity:added').find((added) => added.runId === second.id));
      // Counted after the third run, the second's check would have read 100 items and hidden its drop.
      expect(world.feeds.runs({ engine: world.hashid }).runs.find((run) => run.id === second.id)?.health).toBeNull();
      expect(third.run.health?.counts).toEqual([{ type: 'product', count: 100, previous: 100, mirror: null }]);
      expect(third.run.health?.baseline).toBe('previous-run');
      expect(first.run.health?.counts[0]?.count).toBe(100);
    } finally {
      await control(sandbox, 'DELETE', '/faults');
    }
  });

  it('keeps quiet about a drop within the threshold, and the threshold can be changed', async () => {
    world = await feedWorld(sandbox, { feed: feedText(products(100)) });
    await processAndSettle();
    world.writeFeed(feedText(products(92)));
    expect((await processAndSettle()).run.health?.flags).toEqual([]);
    expect(world.feeds.settings({ dropPercent: 5 })).toEqual({ dropPercent: 5 });
    world.writeFeed(feedText(products(85)));
    expect((await processAndSettle()).run.health?.flags.map((flag) => flag.kind)).toEqual(['drop']);
    world.feeds.settings({ dropPercent: 10 });
  });

  it('compares with the local mirror when there is no previous run, and offers to mirror again', async () => {
    world = await feedWorld(sandbox, { feed: feedText(products(30)), generate: 120 });
    await mirrorType({
      db: world.db,
      client: world.accounts.client(world.accounts.requireCurrent()),
      engine: world.hashid,
      type: 'product',
    });
    const { run, entry } = await processAndSettle();
    expect(run.health).toMatchObject({
      baseline: 'mirror',
      counts: [{ type: 'product', count: 30, previous: null, mirror: 120 }],
    });
    expect(run.health?.flags[0]).toMatchObject({ kind: 'drop', before: 120, after: 30 });
    expect(entry.offerRemirror).toBe(true);
  });
});

describe('health rules', () => {
  const sample = (type: string, count: number, fields: Record<string, number>): TypeSample => ({ type, count, fields });
  const assess = (now: TypeSample[], previous: TypeSample[] | null, mirror: TypeSample[] | null = null) =>
    assessHealth({ now, previous, mirror, dropPercent: 10, checkedAt: new Date(0) });

  it('flags a type that had items and has none as empty, not as every field vanishing', () => {
    const health = assess([sample('product', 0, {})], [sample('product', 1_200, { title: 1, price: 1 })]);
    expect(health.flags).toEqual([
      expect.objectContaining({ kind: 'empty-type', message: 'product: 1,200 → 0 items (empty)' }),
    ]);
  });

  it('only flags fields most items had, and that almost none have now', () => {
    const health = assess(
      [sample('product', 100, { title: 1, brand: 0.05, color: 0.2, rare: 0 })],
      [sample('product', 100, { title: 1, brand: 0.9, color: 0.9, rare: 0.3 })],
    );
    expect(health.flags.map((flag) => flag.field)).toEqual(['brand']);
    expect(health.flags[0]?.message).toBe('product: "brand" was on 90% of items, now on 5%');
  });

  it('prefers the previous run to the mirror as the baseline, and has none without either', () => {
    expect(assess([sample('product', 10, {})], [sample('product', 10, {})], [sample('product', 50, {})]).baseline).toBe(
      'previous-run',
    );
    expect(assess([sample('product', 10, {})], null, null)).toMatchObject({ baseline: 'none', flags: [] });
  });

  it('counts a field as present only with a value', () => {
    expect(
      fieldShares([
        { a: 'x', b: '' },
        { a: null, b: [] },
        { a: 0, c: false },
      ]),
    ).toEqual({ a: 2 / 3, c: 1 / 3 });
  });

  it('reads the mirror baseline from the items as they are on the server', async () => {
    world = await feedWorld(sandbox);
    world.db.prepare("UPDATE types SET last_mirror_at = '2026-01-01' WHERE engine = ?").run(world.hashid);
    const insert = world.db.prepare(
      'INSERT INTO items (engine, type, id, doc, base, status) VALUES (?, ?, ?, ?, ?, ?)',
    );
    insert.run(world.hashid, 'product', 'A', '{"id":"A","brand":"X"}', null, 'clean');
    // Edited here: the server still has the brand.
    insert.run(world.hashid, 'product', 'B', '{"id":"B"}', '{"id":"B","brand":"Y"}', 'dirty');
    // Created here, not on the server yet.
    insert.run(world.hashid, 'product', 'C', '{"id":"C"}', null, 'new');
    expect(mirrorSamples(world.db, world.hashid)).toEqual([{ type: 'product', count: 2, fields: { id: 1, brand: 1 } }]);
  });
});
