/**
 * A run's metrics with the judgments as they are now. Every run of a case is scored against
 * the same grades, as IR evaluations score every run against one set of judgments: a
 * difference between two runs is then the engine's doing (a sync, an import, a feed), never
 * grades added after the earlier run, and a first run graded afterwards gets its score.
 */
import type { RelevanceMetricsView, RelevanceRunView } from '../../../preload/contract';
import type { SqliteDatabase } from '../store/open';
import { requireCase } from './case-store';
import { judgmentsOf } from './judgments';
import type { QueryMetrics } from './metrics';
import { meanMetricsView, metricsOfRanking, queryMetricsView } from './metrics-view';
import { runQueries, runResults, toRunView, type RunRow } from './run-store';

export interface RunScores {
  /** Per query that answered in the run (a failed query has none). */
  perQuery: Map<number, RelevanceMetricsView>;
  mean: RelevanceMetricsView | null;
}

export function scoreRun(db: SqliteDatabase, caseId: number, runId: number): RunScores {
  const { k, threshold } = requireCase(db, caseId);
  const perQuery = new Map<number, RelevanceMetricsView>();
  const all: QueryMetrics[] = [];
  for (const ran of runQueries(db, runId)) {
    if (ran.error !== null) continue;
    const ids = runResults(db, runId, ran.query_id).map((result) => result.id);
    const metrics = metricsOfRanking(ids, judgmentsOf(db, ran.query_id), { k, threshold });
    perQuery.set(ran.query_id, queryMetricsView(metrics));
    all.push(metrics);
  }
  return { perQuery, mean: meanMetricsView(all) };
}

/** A run as the page lists it, scored with today's grades. */
export function scoredRunView(db: SqliteDatabase, row: RunRow): RelevanceRunView {
  return toRunView(db, row, scoreRun(db, row.case_id, row.id).mean);
}
