import { describe, expect, it } from 'vitest';
import {
  dcg,
  expectedReciprocalRank,
  meanMetrics,
  ndcg,
  precisionAt,
  queryMetrics,
  reciprocalRank,
  type GainScheme,
} from '../../../../main/worker/relevance/metrics';

/** Järvelin and Kekäläinen (2002): the gain is the grade, ranks below b = 2 are not discounted, rank i >= 2 by log2(i). */
const jarvelinKekalainen: GainScheme = {
  gain: (grade) => grade,
  discount: (rank) => (rank < 2 ? 1 : Math.log2(rank)),
};

function expectClose(actual: number[], printed: number[]): void {
  expect(actual).toHaveLength(printed.length);
  actual.forEach((value, index) => expect(Math.abs(value - (printed[index] ?? NaN))).toBeLessThanOrEqual(0.0100001));
}

const at = (k: number, threshold = 1) => ({ k, threshold });

describe('DCG and nDCG', () => {
  it('reproduces the worked example of Järvelin and Kekäläinen (2002), rank by rank', () => {
    const gains = [3, 2, 3, 0, 0, 1, 2, 2, 3, 0];
    const ideal = [3, 3, 3, 2, 2, 2, 1, 1, 1, 1];
    const dcgVector = gains.map((_, index) => dcg(gains, index + 1, jarvelinKekalainen));
    const idealVector = ideal.map((_, index) => dcg(ideal, index + 1, jarvelinKekalainen));
    // The paper prints two decimals, rounding as it accumulates: agree within 0.01.
    expectClose(dcgVector, [3, 5, 6.89, 6.89, 6.89, 7.28, 7.99, 8.66, 9.61, 9.61]);
    expectClose(idealVector, [3, 6, 7.89, 8.89, 9.75, 10.52, 10.88, 11.21, 11.53, 11.83]);
    expect(ndcg(gains, ideal, 10, jarvelinKekalainen)).toBeCloseTo(9.61 / 11.83, 2);
  });

  it('uses 2^g - 1 over log2(rank + 1) by default (worked by hand)', () => {
    // 7/1 + 3/log2(3) + 7/2 + 0 + 1/log2(6) + 3/log2(7)
    expect(dcg([3, 2, 3, 0, 1, 2], 6)).toBeCloseTo(7 + 1.892789 + 3.5 + 0 + 0.386853 + 1.068622, 5);
  });

  it('compares with the best order of every judged result, returned or not', () => {
    // DCG = 7 + 0 + 1/2; ideal over judged [3, 2, 1] = 7 + 3/log2(3) + 1/2
    expect(ndcg([3, null, 1], [3, 1, 2], 3)).toBeCloseTo(7.5 / 9.392789, 5);
  });

  it('is 1 for a ranking with ties in the best order', () => {
    expect(ndcg([2, 2, 1], [1, 2, 2], 3)).toBeCloseTo(1, 10);
  });

  it('is 0 when no judged result has a gain', () => {
    expect(ndcg([0, 0, null], [0, 0], 3)).toBe(0);
    expect(ndcg([], [], 3)).toBe(0);
  });
});

describe('P@k and reciprocal rank', () => {
  it('counts a short list against k: missing results are not relevant', () => {
    expect(precisionAt([1], at(5))).toBeCloseTo(0.2, 10);
  });

  it('follows the relevance threshold', () => {
    expect(precisionAt([1, 2], at(2, 2))).toBe(0.5);
    expect(reciprocalRank([1, 2], at(2, 2))).toBe(0.5);
    expect(reciprocalRank([1, 2], at(2, 1))).toBe(1);
  });

  it('gives 0 when the first relevant result is below k', () => {
    expect(reciprocalRank([0, 0, 3], at(2))).toBe(0);
    expect(reciprocalRank([0, 0, 3], at(3))).toBeCloseTo(1 / 3, 10);
  });

  it('takes an ungraded result as not relevant', () => {
    expect(precisionAt([null, 3], at(2))).toBe(0.5);
    expect(reciprocalRank([null, 3], at(2))).toBe(0.5);
  });
});

describe('ERR@k (Chapelle et al. 2009)', () => {
  it('is the chance a perfect first result satisfies: (2^3 - 1) / 2^3', () => {
    expect(expectedReciprocalRank([3], 10)).toBeCloseTo(7 / 8, 10);
  });

  it('discounts a later result by the chance the user already stopped (worked by hand)', () => {
    // R = 7/8, 7/8: 7/8 + (1/8)(7/8)/2
    expect(expectedReciprocalRank([3, 3], 10)).toBeCloseTo(0.9296875, 10);
    // R = 7/8, 0, 1/8: 7/8 + 0 + (1/8)(1)(1/8)/3
    expect(expectedReciprocalRank([3, null, 1], 10)).toBeCloseTo(0.875 + 1 / 192, 10);
  });

  it("follows the paper's mapping on its own 5-grade scale (g_max = 4): a perfect result satisfies with 15/16", () => {
    expect(expectedReciprocalRank([4], 10, 4)).toBeCloseTo(15 / 16, 12);
    // The cascade: the second result is reached only when the first did not satisfy (1/16 of the time).
    expect(expectedReciprocalRank([4, 4], 10, 4)).toBeCloseTo(15 / 16 + ((1 / 16) * (15 / 16)) / 2, 12);
  });

  it('ignores results below k and is 0 without relevant results', () => {
    expect(expectedReciprocalRank([0, 3], 1)).toBe(0);
    expect(expectedReciprocalRank([], 5)).toBe(0);
  });
});

describe('one query and a case', () => {
  it('reports the ungraded results of the top k and the graded coverage', () => {
    const metrics = queryMetrics([3, null, 1, null], [3, 1, 2], at(3));
    expect(metrics.ungradedInTopK).toBe(1);
    expect(metrics.coverage).toBeCloseTo(2 / 3, 10);
    expect(metrics.precision).toBeCloseTo(2 / 3, 10);
    expect(metrics.reciprocalRank).toBe(1);
    expect(metrics.ndcg).toBeCloseTo(7.5 / 9.392789, 5);
    expect(metrics.err).toBeCloseTo(0.875 + 1 / 192, 10);
  });

  it('scores a query with no results as 0 with full coverage', () => {
    expect(queryMetrics([], [3], at(5))).toEqual({
      ndcg: 0,
      precision: 0,
      reciprocalRank: 0,
      err: 0,
      ungradedInTopK: 0,
      coverage: 1,
    });
  });

  it('averages each metric over the queries of a case', () => {
    const mean = meanMetrics([queryMetrics([3], [3], at(1)), queryMetrics([0, 2], [2], at(1))]);
    expect(mean).toMatchObject({ ndcg: 0.5, precision: 0.5, mrr: 0.5, queries: 2, ungradedInTopK: 0 });
    expect(mean.err).toBeCloseTo(7 / 16, 10);
    expect(meanMetrics([])).toMatchObject({ ndcg: 0, mrr: 0, queries: 0 });
  });
});
