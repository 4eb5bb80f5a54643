/**
 * Metrics as the page writes them: three decimals, a before → after delta with ▲/▼, the
 * graded coverage of the top k, and the case's means recomputed after a grade (the mean over
 * the queries that ran, as the worker defines it).
 */
import type { RelevanceMetricsView, RelevanceQueryView } from '../../../../preload/contract';

export type MetricKey = keyof RelevanceMetricsView;

/** In the order the page shows them; a query's MRR is its reciprocal rank. */
export const METRICS: ReadonlyArray<{ key: MetricKey; label: (k: number) => string; query: (k: number) => string }> = [
  { key: 'ndcg', label: (k) => `nDCG@${k}`, query: (k) => `nDCG@${k}` },
  { key: 'precision', label: (k) => `P@${k}`, query: (k) => `P@${k}` },
  { key: 'mrr', label: () => 'MRR', query: () => 'RR' },
  { key: 'err', label: (k) => `ERR@${k}`, query: (k) => `ERR@${k}` },
];

export function formatMetric(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(3);
}

export interface MetricDelta {
  tone: 'up' | 'down' | 'same' | 'none';
  text: string;
}

/** Changes under half a thousandth read as "=" (they would print as 0.000). */
export function metricDelta(before: number | null | undefined, after: number | null | undefined): MetricDelta {
  if (before === null || before === undefined || after === null || after === undefined) {
    return { tone: 'none', text: '' };
  }
  const change = after - before;
  if (Math.abs(change) < 0.0005) return { tone: 'same', text: '=' };
  return change > 0
    ? { tone: 'up', text: `▲ ${change.toFixed(3)}` }
    : { tone: 'down', text: `▼ ${Math.abs(change).toFixed(3)}` };
}

/** "7/10 graded": of the top k results the query shows (fewer when it found fewer). */
export function coverageText(query: Pick<RelevanceQueryView, 'results' | 'ungradedInTopK'>, k: number): string {
  const shown = Math.min(k, query.results.length);
  if (shown === 0) return 'no results to grade';
  return `${shown - query.ungradedInTopK}/${shown} graded`;
}

/** The case's means after one query changed, without asking the worker again. */
export function meanMetrics(queries: ReadonlyArray<Pick<RelevanceQueryView, 'metrics'>>): RelevanceMetricsView | null {
  const ran = queries.flatMap((query) => (query.metrics ? [query.metrics] : []));
  if (ran.length === 0) return null;
  const mean = (key: MetricKey) => ran.reduce((sum, metrics) => sum + metrics[key], 0) / ran.length;
  return { ndcg: mean('ndcg'), precision: mean('precision'), mrr: mean('mrr'), err: mean('err') };
}
