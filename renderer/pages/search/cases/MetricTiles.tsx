/** The four metrics as tiles (the case's means) or inline (one query), with what each measures. */
import type { RelevanceMetricsView } from '../../../../preload/contract';
import { formatMetric, METRICS } from './metric-format';

const MEANING: Record<keyof RelevanceMetricsView, string> = {
  ndcg: 'graded gain of the order shown against the best order possible',
  precision: 'share of the top k that is relevant',
  mrr: 'how high the first relevant result is (1 = first)',
  err: 'chance a shopper finds what they want, reading down',
};

export function MetricTiles({
  metrics,
  k,
  testId,
}: {
  metrics: RelevanceMetricsView | null;
  k: number;
  testId: string;
}) {
  return (
    <div className="rel-tiles" data-testid={testId}>
      {METRICS.map((metric) => (
        <div className="rel-stat" key={metric.key} title={MEANING[metric.key]}>
          <span className="rel-stat__value" data-testid={`${testId}-${metric.key}`}>
            {formatMetric(metrics?.[metric.key])}
          </span>
          <span className="rel-stat__label">{metric.label(k)}</span>
          <span className="muted rel-stat__help">{MEANING[metric.key]}</span>
        </div>
      ))}
    </div>
  );
}

export function MetricsInline({
  metrics,
  k,
  testId,
}: {
  metrics: RelevanceMetricsView | null;
  k: number;
  testId?: string;
}) {
  if (!metrics) return <span className="muted">not run yet</span>;
  return (
    <span className="rel-inline-metrics" data-testid={testId}>
      {METRICS.map((metric) => (
        <span key={metric.key} data-metric={metric.key}>
          <span className="muted">{metric.query(k)}</span> {formatMetric(metrics[metric.key])}
        </span>
      ))}
    </span>
  );
}
