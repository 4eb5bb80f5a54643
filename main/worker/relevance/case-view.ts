/**
 * The case as the page shows it: each query with the results of the latest run that ran it,
 * graded with the grades as they are now, and metrics recomputed from those (a run's own
 * stored metrics are its history and do not move; these follow the grades).
 */
import type {
  RelevanceCaseSummary,
  RelevanceCaseView,
  RelevanceMetricsView,
  RelevanceQueryView,
} from '../../../preload/contract';
import type { SqliteDatabase } from '../store/open';
import { listQueries, type CaseRow, type QueryRecord } from './case-store';
import { judgmentsOf } from './judgments';
import { meanMetricsView, metricsOfRanking, queryMetricsView } from './metrics-view';
import type { QueryMetrics } from './metrics';
import { latestQueryRun, listRuns, runResults } from './run-store';

interface QueryState {
  view: RelevanceQueryView;
  /** Null while the query has not run (or its latest run failed). */
  metrics: QueryMetrics | null;
}

function queryState(db: SqliteDatabase, row: CaseRow, query: QueryRecord): QueryState {
  const judgments = judgmentsOf(db, query.id);
  const latest = latestQueryRun(db, query.id);
  const stored = latest && latest.error === null ? runResults(db, latest.run_id, query.id) : [];
  const metrics =
    latest && latest.error === null
      ? metricsOfRanking(
          stored.map((result) => result.id),
          judgments,
          { k: row.k, threshold: row.threshold },
        )
      : null;
  return {
    metrics,
    view: {
      id: query.id,
      position: query.position,
      query: query.params.query,
      params: query.params,
      results: stored.map((result) => ({ ...result, fields: {}, grade: judgments.get(result.id) ?? null })),
      metrics: metrics ? queryMetricsView(metrics) : null,
      // Nothing run yet: nothing of the top k is graded.
      coverage: metrics ? metrics.coverage : 0,
      ungradedInTopK: metrics ? metrics.ungradedInTopK : 0,
      judged: judgments.size,
      lastRunAt: latest?.ran_at ?? null,
      error: latest?.error ?? null,
    },
  };
}

export function queryView(db: SqliteDatabase, row: CaseRow, query: QueryRecord): RelevanceQueryView {
  return queryState(db, row, query).view;
}

function caseMetrics(states: readonly QueryState[]): RelevanceMetricsView | null {
  return meanMetricsView(states.flatMap((state) => (state.metrics ? [state.metrics] : [])));
}

export function caseView(db: SqliteDatabase, row: CaseRow): RelevanceCaseView {
  const states = listQueries(db, row.id).map((query) => queryState(db, row, query));
  const runs = listRuns(db, row.id);
  return {
    id: row.id,
    name: row.name,
    engine: row.engine,
    k: row.k,
    threshold: row.threshold,
    queries: states.map((state) => state.view),
    metrics: caseMetrics(states),
    runs: runs.length,
    lastRunAt: runs.at(-1)?.started_at ?? null,
  };
}

export function caseSummary(db: SqliteDatabase, row: CaseRow): RelevanceCaseSummary {
  const view = caseView(db, row);
  return {
    id: view.id,
    name: view.name,
    engine: view.engine,
    queries: view.queries.length,
    runs: view.runs,
    lastRunAt: view.lastRunAt,
    metrics: view.metrics,
  };
}
