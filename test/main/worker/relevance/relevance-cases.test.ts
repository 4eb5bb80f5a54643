/**
 * Relevance cases with a stand-in search: metrics worked out by hand from the grades, grading
 * that never searches, runs that go on past a failing query, cancel, and runs scored with the
 * grades as they are now (so two runs differ only by what the engine answered).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RelevanceMetricsView } from '../../../../preload/contract';
import { queryId, relevanceWorld } from './relevance-fixture';

let world: Awaited<ReturnType<typeof relevanceWorld>> | null = null;
afterEach(async () => {
  await world?.relevance.stop();
  world?.dbs.closeAll();
  world = null;
});

const log2 = Math.log2;

/** Three queries, k = 3, and grades chosen so each metric is easy to work out by hand. */
async function gradedCase() {
  world = await relevanceWorld();
  const w = world;
  w.answer('a', ['x1', 'x2', 'x3']);
  w.answer('b', ['y1', 'y2']);
  w.answer('c', ['z1', 'z2', 'z3']);
  const created = w.makeCase(['a', 'b', 'c'], { k: 3, threshold: 1 });
  const a = queryId(created, 'a');
  const b = queryId(created, 'b');
  w.relevance.grade({ queryId: a, itemId: 'x1', grade: 3 });
  w.relevance.grade({ queryId: a, itemId: 'x2', grade: 0 });
  // Judged perfect but never returned: it lowers a's nDCG (the ideal ranking has it).
  w.relevance.grade({ queryId: a, itemId: 'x9', grade: 3 });
  w.relevance.grade({ queryId: b, itemId: 'y2', grade: 1 });
  return { w, caseId: created.id, a, b };
}

const close = (actual: RelevanceMetricsView | null, expected: RelevanceMetricsView) => {
  expect(actual).not.toBeNull();
  for (const key of ['ndcg', 'precision', 'mrr', 'err'] as const) expect(actual?.[key]).toBeCloseTo(expected[key], 10);
};

describe('relevance cases', () => {
  it('scores each query and the case as worked out by hand from the grades', async () => {
    const { w, caseId } = await gradedCase();
    const before = w.relevance.caseView({ id: caseId });
    expect(before.metrics).toBeNull();
    expect(before.queries.map((query) => [query.metrics, query.coverage, query.lastRunAt])).toEqual([
      [null, 0, null],
      [null, 0, null],
      [null, 0, null],
    ]);

    const run = await w.relevance.run({ caseId });
    expect(run).toMatchObject({ state: 'completed', done: 3, total: 3, changesSince: [], error: null });

    const view = w.relevance.caseView({ id: caseId });
    const [a, b, c] = view.queries;
    // a: grades 3, 0, ungraded; ideal over every judgment of a (3, 3, 0).
    const aMetrics = { ndcg: 7 / (7 + 7 / log2(3)), precision: 1 / 3, mrr: 1, err: 7 / 8 };
    close(a?.metrics ?? null, aMetrics);
    expect(a).toMatchObject({ coverage: 2 / 3, ungradedInTopK: 1, judged: 3 });
    expect(a?.results.map((item) => [item.id, item.grade])).toEqual([
      ['x1', 3],
      ['x2', 0],
      ['x3', null],
    ]);
    // b: fewer results than k (P@3 still over 3); the first relevant at rank 2.
    const bMetrics = { ndcg: 1 / log2(3), precision: 1 / 3, mrr: 1 / 2, err: 1 / 8 / 2 };
    close(b?.metrics ?? null, bMetrics);
    expect(b).toMatchObject({ coverage: 1 / 2, ungradedInTopK: 1, judged: 1 });
    // c: nothing graded, so nothing relevant: every metric 0, none of the top k graded.
    close(c?.metrics ?? null, { ndcg: 0, precision: 0, mrr: 0, err: 0 });
    expect(c).toMatchObject({ coverage: 0, ungradedInTopK: 3, judged: 0 });

    const mean = { ndcg: (aMetrics.ndcg + bMetrics.ndcg) / 3, precision: 2 / 9, mrr: 1 / 2, err: 5 / 16 };
    close(view.metrics, mean);
    close(run.metrics, mean);
    expect(view).toMatchObject({ runs: 1, lastRunAt: run.startedAt });
    expect(w.relevance.cases().cases).toMatchObject([{ id: caseId, queries: 3, runs: 1 }]);
  });

  it('grades without searching again, and scores every run with the grades as they are now', async () => {
    const { w, caseId, a } = await gradedCase();
    const first = await w.relevance.run({ caseId });
    const searches = w.searched.length;

    const graded = w.relevance.grade({ queryId: a, itemId: 'x3', grade: 3 });
    expect(w.searched.length).toBe(searches);
    // Grades 3, 0, 3 against the ideal 3, 3, 3 (x9 judged, not returned).
    close(graded.metrics, {
      ndcg: (7 + 7 / 2) / (7 + 7 / log2(3) + 7 / 2),
      precision: 2 / 3,
      mrr: 1,
      err: 7 / 8 + (1 / 8) * (7 / 8) * (1 / 3),
    });
    expect(graded).toMatchObject({ coverage: 1, ungradedInTopK: 0, judged: 4 });

    const removed = w.relevance.grade({ queryId: a, itemId: 'x3', grade: null });
    expect(removed).toMatchObject({ ungradedInTopK: 1, judged: 3 });
    w.relevance.grade({ queryId: a, itemId: 'x3', grade: 3 });

    const history = w.relevance.runs({ caseId }).runs;
    expect(history).toHaveLength(1);
    // The run was graded after it ended: it is scored with today's grades, like the case.
    expect(first.metrics?.precision).not.toBeCloseTo((2 / 3 + 1 / 3) / 3, 10);
    expect(w.relevance.caseView({ id: caseId }).metrics?.precision).toBeCloseTo((2 / 3 + 1 / 3) / 3, 10);
    expect(history[0]?.metrics).toEqual(w.relevance.caseView({ id: caseId }).metrics);
  });

  it('records a failing query and goes on with the others', async () => {
    const { w, caseId, b } = await gradedCase();
    w.failing('b', 'Doofinder refused the filter: unknown field "colour".');
    const run = await w.relevance.run({ caseId });
    expect(run).toMatchObject({ state: 'completed', done: 3, total: 3 });
    expect(run.error).toBe('1 of 3 queries failed: Doofinder refused the filter: unknown field "colour".');
    expect(w.searched.map((params) => params.query)).toEqual(['a', 'b', 'c']);

    const view = w.relevance.caseView({ id: caseId });
    const failed = view.queries.find((query) => query.id === b);
    expect(failed).toMatchObject({ metrics: null, results: [], error: expect.stringContaining('colour') as string });
    // The case's mean is over the queries that ran: a and c.
    expect(view.metrics?.mrr).toBeCloseTo(1 / 2, 10);
    // A start, one per query, the end.
    expect(w.progress.map((progress) => [progress.state, progress.done])).toEqual([
      ['running', 0],
      ['running', 1],
      ['running', 2],
      ['running', 3],
      ['completed', 3],
    ]);
  });

  it('fails the run when every query fails, saying why', async () => {
    world = await relevanceWorld();
    const w = world;
    w.failing('a', 'Doofinder refused the API key.');
    const created = w.makeCase(['a']);
    const run = await w.relevance.run({ caseId: created.id });
    expect(run).toMatchObject({
      state: 'failed',
      metrics: null,
      error: '1 of 1 queries failed: Doofinder refused the API key.',
    });
  });

  it('runs only the queries asked for', async () => {
    const { w, caseId, b } = await gradedCase();
    const run = await w.relevance.run({ caseId, queryIds: [b] });
    expect(run).toMatchObject({ state: 'completed', done: 1, total: 1 });
    expect(w.searched.map((params) => params.query)).toEqual(['b']);
    await expect(w.relevance.run({ caseId, queryIds: [b, 9999] })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('stops between queries when cancelled, keeping what ran', async () => {
    const { w, caseId } = await gradedCase();
    let release: (ids: string[]) => void = () => undefined;
    w.answer('a', new Promise<string[]>((resolve) => (release = resolve)));
    const running = w.relevance.run({ caseId });
    while (w.searched.length === 0) await new Promise((resolve) => setImmediate(resolve));

    await expect(w.relevance.run({ caseId })).rejects.toMatchObject({ code: 'busy' });
    expect(w.relevance.cancel({ caseId })).toEqual({ cancelled: true });
    release(['x1', 'x2']);
    const run = await running;

    expect(run).toMatchObject({ state: 'cancelled', done: 1, total: 3 });
    expect(w.searched.map((params) => params.query)).toEqual(['a']);
    const view = w.relevance.caseView({ id: caseId });
    expect(view.queries.map((query) => query.results.length)).toEqual([2, 0, 0]);
    expect(w.relevance.cancel({ caseId })).toEqual({ cancelled: false });
  });

  it('deletes a query and its grades, but not the runs that ran it', async () => {
    const { w, caseId, a } = await gradedCase();
    const first = await w.relevance.run({ caseId });
    const view = w.relevance.deleteQuery({ caseId, id: a });
    expect(view.queries.map((query) => query.query)).toEqual(['b', 'c']);
    const second = await w.relevance.run({ caseId });
    const compared = w.relevance.compareRuns({ before: first.id, after: second.id });
    expect(compared.queries.map((query) => [query.query, query.after === null])).toEqual([
      ['b', false],
      ['c', false],
      ['a', true],
    ]);
    await expect(w.relevance.deleteCase({ id: caseId })).resolves.toEqual({ deleted: true });
    expect(() => w.relevance.caseView({ id: caseId })).toThrow(/no relevance case/);
  });

  it('cancels and waits for a run of a case being deleted', async () => {
    const { w, caseId } = await gradedCase();
    let release: (ids: string[]) => void = () => undefined;
    w.answer('a', new Promise<string[]>((resolve) => (release = resolve)));
    const running = w.relevance.run({ caseId });
    while (w.searched.length === 0) await new Promise((resolve) => setImmediate(resolve));
    const deleting = w.relevance.deleteCase({ id: caseId });
    release(['x1']);
    await expect(running).resolves.toMatchObject({ state: 'cancelled', done: 1 });
    await expect(deleting).resolves.toEqual({ deleted: true });
    expect(w.relevance.cases().cases).toEqual([]);
    expect(w.db.prepare('SELECT count(*) FROM relevance_results').pluck().get()).toBe(0);
  });

  it('closes a run a stopped worker left going, saying so', async () => {
    const { w, caseId } = await gradedCase();
    w.db
      .prepare("INSERT INTO relevance_runs (case_id, started_at, state, total) VALUES (?, ?, 'running', 3)")
      .run(caseId, new Date().toISOString());
    const [left] = w.restarted().runs({ caseId }).runs;
    expect(left).toMatchObject({ state: 'cancelled', done: 0, total: 3 });
    expect(left?.error).toMatch(/app stopped during this run/);
  });
});
