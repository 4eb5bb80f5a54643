/** Metrics as the renderer shows them: a query's reciprocal rank and a case's MRR share the `mrr` field. */
import type { RelevanceMetricsView } from '../../../preload/contract';
import { meanMetrics, queryMetrics, type MetricOptions, type QueryMetrics, type RankedGrade } from './metrics';

export function queryMetricsView(metrics: QueryMetrics): RelevanceMetricsView {
  return { ndcg: metrics.ndcg, precision: metrics.precision, mrr: metrics.reciprocalRank, err: metrics.err };
}

/** The case's score: the mean over the queries that ran; null when none did. */
export function meanMetricsView(perQuery: readonly QueryMetrics[]): RelevanceMetricsView | null {
  if (perQuery.length === 0) return null;
  const mean = meanMetrics(perQuery);
  return { ndcg: mean.ndcg, precision: mean.precision, mrr: mean.mrr, err: mean.err };
}

/**
 * One query's metrics from its results' ids in rank order and its judgments (item id to
 * grade): a result nobody graded is null, which metrics.ts counts as 0 and reports.
 */
export function metricsOfRanking(
  rankedIds: readonly string[],
  judgments: ReadonlyMap<string, number>,
  options: MetricOptions,
): QueryMetrics {
  const grades: RankedGrade[] = rankedIds.map((id) => judgments.get(id) ?? null);
  return queryMetrics(grades, [...judgments.values()], options);
}
