/**
 * A case's history: what moved between two runs and how each metric changed, and what the app
 * knows changed on the engine in between (syncs, CSV imports, feed runs) so a score change can
 * be traced to its cause.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINE, queryId, relevanceWorld } from './relevance-fixture';

let world: Awaited<ReturnType<typeof relevanceWorld>> | null = null;
afterEach(async () => {
  await world?.relevance.stop();
  world?.dbs.closeAll();
  world = null;
});

/** Lets the clock move on, so rows written next sort after what was written before. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
const now = () => new Date().toISOString();

describe('the history of a relevance case', () => {
  it('shows per query what moved between two runs and how its metrics changed', async () => {
    world = await relevanceWorld();
    const w = world;
    w.answer('a', ['x1', 'x2', 'x3']);
    w.answer('b', ['y1']);
    const created = w.makeCase(['a', 'b'], { k: 3 });
    const a = queryId(created, 'a');
    w.relevance.grade({ queryId: a, itemId: 'x3', grade: 3 });
    const before = await w.relevance.run({ caseId: created.id });

    w.answer('a', ['x3', 'x1', 'x4']);
    const after = await w.relevance.run({ caseId: created.id });
    const compared = w.relevance.compareRuns({ before: before.id, after: after.id });

    expect(compared.before.id).toBe(before.id);
    expect(compared.after.id).toBe(after.id);
    const [first, second] = compared.queries;
    expect(first?.query).toBe('a');
    expect(first?.moved).toEqual([
      { id: 'x3', title: 'Title x3', rankA: 3, rankB: 1, change: 'up' },
      { id: 'x1', title: 'Title x1', rankA: 1, rankB: 2, change: 'down' },
      { id: 'x4', title: 'Title x4', rankA: null, rankB: 3, change: 'new' },
      { id: 'x2', title: 'Title x2', rankA: 2, rankB: null, change: 'gone' },
    ]);
    // The perfect result went from rank 3 to rank 1.
    expect(first?.before).toMatchObject({ mrr: 1 / 3, err: 7 / 8 / 3 });
    expect(first?.after).toMatchObject({ ndcg: 1, mrr: 1, err: 7 / 8 });
    expect(second).toMatchObject({ query: 'b', moved: [] });

    expect(w.relevance.runs({ caseId: created.id }).runs.map((run) => run.id)).toEqual([before.id, after.id]);
    expect(() => w.relevance.compareRuns({ before: before.id, after: 12345 })).toThrow(/no relevance run/);
  });

  it('lists the syncs, imports and feed runs of the engine since the previous run', async () => {
    world = await relevanceWorld();
    const w = world;
    const { db } = w;
    w.answer('a', ['x1']);
    const created = w.makeCase(['a']);
    const feedRun = (engine: string, state: string, at: string) =>
      db
        .prepare(
          "INSERT INTO feed_runs (engine, origin, state, result, message, started_at) VALUES (?, 'app', ?, 'success', NULL, ?)",
        )
        .run(engine, state, at);
    feedRun(ENGINE, 'SUCCESS', now());
    await tick();

    const first = await w.relevance.run({ caseId: created.id });
    expect(first.changesSince).toEqual([]);
    await tick();

    const syncRun = (at: string, results: Array<[engine: string, id: string, outcome: string]>) => {
      const run = Number(
        db
          .prepare("INSERT INTO sync_runs (scope, state, started_at, ended_at) VALUES ('{}', 'completed', ?, ?)")
          .run(at, at).lastInsertRowid,
      );
      for (const [engine, id, outcome] of results)
        db.prepare(
          "INSERT INTO sync_results (run, engine, type, id, op, outcome) VALUES (?, ?, 'product', ?, 'patch', ?)",
        ).run(run, engine, id, outcome);
    };
    const syncAt = now();
    syncRun(syncAt, [
      [ENGINE, '1', 'synced'],
      [ENGINE, '2', 'synced'],
      [ENGINE, '3', 'synced'],
      [ENGINE, '4', 'failed'],
      ['other', '5', 'synced'],
    ]);
    // A sync that pushed only to another engine is not this engine's change.
    syncRun(now(), [['other', '6', 'synced']]);
    await tick();
    const importAt = now();
    db.prepare(
      `INSERT INTO csv_imports (engine, type, file, mode, dialect, mapping, state, counts, created_at, applied_at)
       VALUES (?, 'product', '/home/me/products.csv', 'merge', '{}', '{}', 'applied', ?, ?, ?)`,
    ).run(
      ENGINE,
      JSON.stringify({ new: 0, changed: 12, unchanged: 5, invalid: 0, deleted: 0, skipped: 0, warnings: 0 }),
      importAt,
      importAt,
    );
    db.prepare(
      `INSERT INTO csv_imports (engine, type, file, mode, dialect, mapping, state, created_at)
       VALUES (?, 'product', '/home/me/dry-run-only.csv', 'merge', '{}', '{}', 'staged', ?)`,
    ).run(ENGINE, now());
    await tick();
    const feedAt = now();
    feedRun(ENGINE, 'FAILURE', feedAt);
    feedRun('other', 'SUCCESS', feedAt);
    await tick();

    const second = await w.relevance.run({ caseId: created.id });
    expect(second.changesSince).toEqual([
      { kind: 'sync', at: syncAt, summary: 'Sync: 3 items pushed, 1 failed' },
      { kind: 'import', at: importAt, summary: 'CSV import products.csv: 12 changed' },
      { kind: 'feed', at: feedAt, summary: 'Feed processed: FAILURE' },
    ]);
    const third = await w.relevance.run({ caseId: created.id });
    expect(third.changesSince).toEqual([]);
    expect(w.relevance.runs({ caseId: created.id }).runs[1]?.changesSince).toEqual(second.changesSince);
  });
});
