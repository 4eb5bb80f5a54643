import { describe, expect, it } from 'vitest';
import type { RankChangeView, SearchAnswerView, SearchResultView } from '../../../preload/contract';
import {
  alignByRank,
  biggestChangesFirst,
  countChanges,
  rankMark,
} from '../../../renderer/pages/search/compare/rank-marks';
import { rboSentence, rboWeightOfTop } from '../../../renderer/pages/search/compare/rbo-weight';

const change = (id: string, rankA: number | null, rankB: number | null, kind: RankChangeView['change']) => ({
  id,
  title: id,
  rankA,
  rankB,
  change: kind,
});

function answer(ids: string[]): Pick<SearchAnswerView, 'results'> {
  return {
    results: ids.map((id, index): SearchResultView => ({
      rank: index + 1,
      id,
      dfid: `x@product@${id}`,
      type: 'product',
      title: id,
      price: null,
      salePrice: null,
      image: null,
      link: null,
      score: null,
      fields: {},
    })),
  };
}

describe('rank changes between the two sides of a comparison', () => {
  it('a result higher in B is marked up by the places it gained, lower is down', () => {
    expect(rankMark(change('a', 5, 2, 'up'))).toMatchObject({
      tone: 'up',
      symbol: '▲ 3',
      words: 'up 3 places (was #5)',
    });
    expect(rankMark(change('a', 1, 2, 'down'))).toMatchObject({
      tone: 'down',
      symbol: '▼ 1',
      words: 'down 1 place (was #1)',
    });
  });

  it('a result only in B is new, one only in A is gone, one that kept its rank is equal', () => {
    expect(rankMark(change('a', null, 4, 'new')).symbol).toBe('new');
    expect(rankMark(change('a', 4, null, 'gone')).symbol).toBe('gone');
    expect(rankMark(change('a', 4, 4, 'same')).symbol).toBe('=');
  });

  it('the columns line up by rank: B marked against A, and A marked only when B lost it', () => {
    // A: x y z   B: y x w
    const view = {
      a: answer(['x', 'y', 'z']),
      b: answer(['y', 'x', 'w']),
      changes: [
        change('y', 2, 1, 'up'),
        change('x', 1, 2, 'down'),
        change('w', null, 3, 'new'),
        change('z', 3, null, 'gone'),
      ],
    } as Parameters<typeof alignByRank>[0];
    const rows = alignByRank(view);
    expect(rows.map((row) => [row.a?.id, row.markA?.symbol ?? '', row.b?.id, row.markB?.symbol ?? ''])).toEqual([
      ['x', '', 'y', '▲ 1'],
      ['y', '', 'x', '▼ 1'],
      ['z', 'gone', 'w', 'new'],
    ]);
  });

  it('when one side found fewer, its column ends early and the rest of the other still shows', () => {
    const view = {
      a: answer(['x']),
      b: answer(['x', 'y']),
      changes: [change('x', 1, 1, 'same'), change('y', null, 2, 'new')],
    } as Parameters<typeof alignByRank>[0];
    const rows = alignByRank(view);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.a).toBeNull();
    expect(rows[1]?.markB?.tone).toBe('new');
  });

  it('counts each kind of change for the summary line', () => {
    expect(countChanges([change('a', 1, 2, 'down'), change('b', 2, 1, 'up'), change('c', null, 3, 'new')])).toEqual({
      up: 1,
      down: 1,
      same: 0,
      new: 1,
      gone: 0,
    });
  });
});

describe('the results that moved between two runs, most telling first', () => {
  it('lost results, then new ones, then the largest moves; unchanged ones are left out', () => {
    const ordered = biggestChangesFirst([
      change('up1', 3, 2, 'up'),
      change('same', 1, 1, 'same'),
      change('down5', 2, 7, 'down'),
      change('new', null, 4, 'new'),
      change('gone', 5, null, 'gone'),
      change('down1', 4, 5, 'down'),
    ]);
    expect(ordered.map((each) => each.id)).toEqual(['gone', 'new', 'down5', 'down1', 'up1']);
  });
});

describe('what RBO’s persistence means, in words', () => {
  it('p = 0.9 puts about 86% of the weight on the first 10 ranks (Webber et al. 2010, table 1)', () => {
    expect(rboWeightOfTop(0.9, 10)).toBeCloseTo(0.8556, 4);
    expect(rboSentence(0.9, 10)).toBe('p = 0.9 puts about 86% of the weight on the first 10 ranks');
  });

  it('a lower p puts more of the weight on the top (p = 0.5: almost all on the first 5 ranks)', () => {
    expect(rboWeightOfTop(0.5, 5)).toBeGreaterThan(0.99);
    expect(rboWeightOfTop(0.98, 10)).toBeLessThan(0.5);
    expect(rboSentence(0.9, 1)).toMatch(/on the first 1 rank$/);
  });

  it('refuses a p outside (0, 1)', () => {
    expect(() => rboWeightOfTop(1, 10)).toThrow(RangeError);
    expect(() => rboWeightOfTop(0, 10)).toThrow(RangeError);
  });
});
