import { describe, expect, it } from 'vitest';
import type { RelevanceQueryView } from '../../../preload/contract';
import {
  coverageText,
  formatMetric,
  meanMetrics,
  metricDelta,
  METRICS,
} from '../../../renderer/pages/search/cases/metric-format';

/** Only how many results a query shows matters to its coverage line. */
const results = (n: number) =>
  Array.from({ length: n }, () => ({ grade: null }) as RelevanceQueryView['results'][number]);

describe('metrics as the relevance page writes them', () => {
  it('three decimals, and a dash for a query that has not run', () => {
    expect(formatMetric(0.81234)).toBe('0.812');
    expect(formatMetric(1)).toBe('1.000');
    expect(formatMetric(0)).toBe('0.000');
    expect(formatMetric(null)).toBe('–');
    expect(formatMetric(undefined)).toBe('–');
    expect(formatMetric(Number.NaN)).toBe('–');
  });

  it('a change says its direction and size; one too small to print reads as equal', () => {
    expect(metricDelta(0.5, 0.62)).toEqual({ tone: 'up', text: '▲ 0.120' });
    expect(metricDelta(0.62, 0.5)).toEqual({ tone: 'down', text: '▼ 0.120' });
    expect(metricDelta(0.5, 0.5002)).toEqual({ tone: 'same', text: '=' });
    expect(metricDelta(null, 0.5)).toEqual({ tone: 'none', text: '' });
    expect(metricDelta(0.5, undefined)).toEqual({ tone: 'none', text: '' });
  });

  it('graded coverage counts the top k the query shows, fewer when it found fewer', () => {
    expect(coverageText({ results: results(20), ungradedInTopK: 3 }, 10)).toBe('7/10 graded');
    expect(coverageText({ results: results(4), ungradedInTopK: 1 }, 10)).toBe('3/4 graded');
    expect(coverageText({ results: [], ungradedInTopK: 0 }, 10)).toBe('no results to grade');
  });

  it('the case means are over the queries that ran, not the ones still waiting', () => {
    const a = { ndcg: 1, precision: 0.5, mrr: 1, err: 0.9 };
    const b = { ndcg: 0.5, precision: 0.1, mrr: 0.25, err: 0.3 };
    const mean = meanMetrics([{ metrics: a }, { metrics: null }, { metrics: b }]);
    expect(mean?.ndcg).toBeCloseTo(0.75, 12);
    expect(mean?.precision).toBeCloseTo(0.3, 12);
    expect(mean?.mrr).toBeCloseTo(0.625, 12);
    expect(mean?.err).toBeCloseTo(0.6, 12);
    expect(meanMetrics([{ metrics: null }])).toBeNull();
    expect(meanMetrics([])).toBeNull();
  });

  it('labels carry k, and a single query shows its reciprocal rank (RR), the case its mean (MRR)', () => {
    expect(METRICS.map((metric) => metric.label(5))).toEqual(['nDCG@5', 'P@5', 'MRR', 'ERR@5']);
    expect(METRICS.map((metric) => metric.query(5))).toEqual(['nDCG@5', 'P@5', 'RR', 'ERR@5']);
  });
});
