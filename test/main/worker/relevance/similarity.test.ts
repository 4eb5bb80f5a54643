import { describe, expect, it } from 'vitest';
import { jaccardAt, rankBiasedOverlap } from '../../../../main/worker/relevance/similarity';

describe('Jaccard of the top k', () => {
  it('is shared over all distinct ids of both top k', () => {
    expect(jaccardAt(['a', 'b', 'c'], ['b', 'c', 'd'], 3)).toBe(0.5);
    expect(jaccardAt(['a', 'b', 'c'], ['c', 'b', 'a'], 3)).toBe(1);
    expect(jaccardAt(['a', 'b', 'x'], ['a', 'y', 'b'], 2)).toBeCloseTo(1 / 3, 10);
  });

  it('treats two empty rankings as alike and one empty as disjoint', () => {
    expect(jaccardAt([], [], 10)).toBe(1);
    expect(jaccardAt(['a'], [], 10)).toBe(0);
  });
});

describe('rank-biased overlap (extrapolated)', () => {
  it('matches the published value 0.828 for 1 2 3 4 5 against 2 3 4 1 5 at p = 0.9', () => {
    // By hand: (1/9)(0 + 0.5*0.81 + (2/3)*0.729 + 0.6561 + 0.59049) + 0.59049 = 0.82800
    expect(rankBiasedOverlap(['1', '2', '3', '4', '5'], ['2', '3', '4', '1', '5'], 0.9)).toBeCloseTo(0.828, 5);
  });

  it('is 1 for identical rankings and 0 for disjoint ones', () => {
    expect(rankBiasedOverlap(['a', 'b', 'c'], ['a', 'b', 'c'], 0.9)).toBeCloseTo(1, 12);
    expect(rankBiasedOverlap(['a', 'b'], ['c', 'd'], 0.9)).toBe(0);
  });

  it('weighs a swap at the top more than the same swap at the bottom', () => {
    const top = rankBiasedOverlap(['a', 'b', 'c', 'd'], ['b', 'a', 'c', 'd'], 0.9);
    const bottom = rankBiasedOverlap(['a', 'b', 'c', 'd'], ['a', 'b', 'd', 'c'], 0.9);
    expect(top).toBeLessThan(bottom);
  });

  it('extrapolates a shorter list that agrees as far as it goes to full agreement (worked by hand, p = 0.5)', () => {
    // s = 1, l = 2: (1)(0.5 + 0.125 + 0.125) + (0 + 1)(0.25) = 1
    expect(rankBiasedOverlap(['a'], ['a', 'b'], 0.5)).toBeCloseTo(1, 12);
    // short [b] vs long [a, b]: X1 = Xs = 0, X2 = 1: (1)(0 + 0.5 * 0.25 + 0) + ((1 - 0) / 2 + 0)(0.25) = 0.25
    expect(rankBiasedOverlap(['b'], ['a', 'b'], 0.5)).toBeCloseTo(0.25, 12);
  });

  it('is symmetric and refuses a persistence outside (0, 1)', () => {
    const ab = rankBiasedOverlap(['a', 'b', 'c'], ['c', 'a'], 0.8);
    expect(rankBiasedOverlap(['c', 'a'], ['a', 'b', 'c'], 0.8)).toBeCloseTo(ab, 12);
    expect(() => rankBiasedOverlap(['a'], ['a'], 1)).toThrow(/persistence/);
  });
});
