/**
 * Two runs of a case side by side, per query: the metrics of each with today's grades, and the
 * results that moved, appeared or went between them (the search tester's rank changes).
 */
import type { RankChangeView, RelevanceRunCompareView, SearchResultView } from '../../../preload/contract';
import { AppError } from '../../errors';
import { rankChanges } from '../search/compare';
import type { SqliteDatabase } from '../store/open';
import { requireRun, runQueries, runResults, type RunQueryRow } from './run-store';
import { scoredRunView, scoreRun } from './run-scores';

const withFields = (runId: number, queryId: number, db: SqliteDatabase): SearchResultView[] =>
  runResults(db, runId, queryId).map((result) => ({ ...result, fields: {} }));

function moved(db: SqliteDatabase, before: number, after: number, queryId: number): RankChangeView[] {
  const a = withFields(before, queryId, db);
  const b = withFields(after, queryId, db);
  // Every result either run returned, not only a top k: the runs' pages are the case's choice.
  return rankChanges(a, b, Math.max(a.length, b.length)).filter((change) => change.change !== 'same');
}

export function compareRuns(db: SqliteDatabase, beforeId: number, afterId: number): RelevanceRunCompareView {
  const before = requireRun(db, beforeId);
  const after = requireRun(db, afterId);
  if (before.case_id !== after.case_id)
    throw new AppError(
      'invalid_input',
      'These two runs belong to different relevance cases: compare runs of one case.',
    );
  // Both runs scored with the same (today's) grades: what differs is what the engine answered.
  const scoresBefore = scoreRun(db, before.case_id, before.id);
  const scoresAfter = scoreRun(db, after.case_id, after.id);
  const queriesBefore = new Map(runQueries(db, before.id).map((row) => [row.query_id, row]));
  const queriesAfter = runQueries(db, after.id);
  // The later run's queries in its order, then those only the earlier one ran.
  const rows: Array<{ id: number; before?: RunQueryRow; after?: RunQueryRow }> = queriesAfter.map((row) => ({
    id: row.query_id,
    before: queriesBefore.get(row.query_id),
    after: row,
  }));
  const inAfter = new Set(queriesAfter.map((row) => row.query_id));
  for (const row of queriesBefore.values())
    if (!inAfter.has(row.query_id)) rows.push({ id: row.query_id, before: row });
  return {
    before: scoredRunView(db, before),
    after: scoredRunView(db, after),
    queries: rows.map((row) => ({
      queryId: row.id,
      query: (row.after ?? row.before)?.query ?? '',
      before: row.before ? (scoresBefore.perQuery.get(row.id) ?? null) : null,
      after: row.after ? (scoresAfter.perQuery.get(row.id) ?? null) : null,
      moved: moved(db, before.id, after.id, row.id),
    })),
  };
}
