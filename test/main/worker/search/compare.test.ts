/**
 * Compare: how each result moved from A to B (up, down, same, new, gone) and how alike the two
 * rankings are, on lists worked out by hand and on two searches of the sandbox.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchAnswerView, SearchCompareView, SearchResultView } from '../../../../preload/contract';
import { rankChanges, similarity } from '../../../../main/worker/search/compare';
import { params, searchWorker, type SearchApp } from './search-fixture';

const ranked = (ids: string[]): SearchResultView[] =>
  ids.map((id, index) => ({
    rank: index + 1,
    id,
    dfid: `h@product@${id}`,
    type: 'product',
    title: `Item ${id}`,
    price: null,
    salePrice: null,
    image: null,
    link: null,
    score: null,
    fields: {},
  }));

describe('rank changes', () => {
  it('marks up, down and new over both top k, in B’s order, with ranks over the whole lists', () => {
    const changes = rankChanges(ranked(['a', 'b', 'c', 'd']), ranked(['b', 'a', 'e', 'c']), 3);
    expect(changes.map(({ id, rankA, rankB, change }) => [id, rankA, rankB, change])).toEqual([
      ['b', 2, 1, 'up'],
      ['a', 1, 2, 'down'],
      ['e', null, 3, 'new'],
      // In A's top 3, fourth in B: it went down, it is not gone.
      ['c', 3, 4, 'down'],
    ]);
  });

  it('marks what B lost as gone, after B’s own results, and what stayed as same', () => {
    const changes = rankChanges(ranked(['a', 'b', 'c']), ranked(['x', 'b']), 3);
    expect(changes.map(({ id, change }) => [id, change])).toEqual([
      ['x', 'new'],
      ['b', 'same'],
      ['a', 'gone'],
      ['c', 'gone'],
    ]);
  });

  it('tells apart results of two types that share an id', () => {
    const a = ranked(['1']);
    const b = [{ ...(ranked(['1'])[0] as SearchResultView), dfid: 'h@page@1', type: 'page' }];
    expect(rankChanges(a, b, 1).map((change) => change.change)).toEqual(['new', 'gone']);
  });
});

describe('similarity of two rankings', () => {
  const answer = (ids: string[]) => ({ results: ranked(ids) }) as SearchAnswerView;

  it('two results swapped: the same set (Jaccard 1), and RBO equal to its persistence p', () => {
    // Worked by hand from RBO_EXT: ((1-p)/p)(0·p + (2/2)·p²) + (2/2)·p² = p.
    expect(similarity(answer(['x', 'y']), answer(['y', 'x']), 2, 0.8)).toEqual({
      jaccard: 1,
      rbo: expect.closeTo(0.8, 12) as unknown,
    });
  });

  it('nothing in common: 0 in both', () => {
    expect(similarity(answer(['a', 'b']), answer(['c', 'd']), 2, 0.9)).toEqual({ jaccard: 0, rbo: 0 });
  });

  it('reads only the top k: what differs below it does not count', () => {
    expect(similarity(answer(['a', 'b', 'c']), answer(['a', 'b', 'z']), 2, 0.9)).toMatchObject({ jaccard: 1 });
    expect(similarity(answer(['a', 'b', 'c']), answer(['a', 'b', 'z']), 2, 0.9).rbo).toBeCloseTo(1, 12);
  });
});

describe('comparing two searches', () => {
  const fixture = searchWorker();
  let app: SearchApp;
  beforeAll(async () => {
    app = await fixture.boot();
    return () => fixture.worker.reset();
  });

  it('finds the same ranking alike in every measure', async () => {
    const side = { engine: app.fashion, params: params({ query: 'dress' }) };
    const view = await app.call<SearchCompareView>('search:compare', { a: side, b: side, k: 5, p: 0.9 });
    expect(view).toMatchObject({ k: 5, p: 0.9, jaccard: 1 });
    expect(view.rbo).toBeCloseTo(1, 10);
    expect(view.changes.every((change) => change.change === 'same')).toBe(true);
  });

  it('sees a reversed ranking as the same set (Jaccard 1) in the opposite order (RBO below 1)', async () => {
    const first = await app.call<SearchAnswerView>('search:run', { engine: app.fashion, params: params({ rpp: 6 }) });
    const color = first.facets
      .find((facet) => facet.name === 'color')
      ?.buckets.find((bucket) => bucket.count >= 2 && bucket.count <= 6);
    if (!color) throw new Error('the sandbox catalog has a color with 2 to 6 items');
    const base = { rpp: 6, filters: [{ kind: 'terms' as const, field: 'color', values: [color.key] }] };
    const view = await app.call<SearchCompareView>('search:compare', {
      a: { engine: app.fashion, params: params({ ...base, sort: [{ kind: 'field', field: 'price', order: 'asc' }] }) },
      b: { engine: app.fashion, params: params({ ...base, sort: [{ kind: 'field', field: 'price', order: 'desc' }] }) },
      k: 6,
      p: 0.8,
    });
    expect(view.a.results).toHaveLength(color.count);
    expect(view.jaccard).toBe(1);
    expect(view.rbo).toBeLessThan(1);
    const pricesA = view.a.results.map((result) => result.price ?? 0);
    const pricesB = view.b.results.map((result) => result.price ?? 0);
    expect(pricesA).toEqual([...pricesA].sort((x, y) => x - y));
    expect(pricesB).toEqual([...pricesB].sort((x, y) => y - x));
    expect(view.changes.filter((change) => change.change === 'new' || change.change === 'gone')).toEqual([]);
  });

  it('compares two query_name values side by side, each answered by its own', async () => {
    const view = await app.call<SearchCompareView>('search:compare', {
      a: { engine: app.fashion, params: params({ query: 'dress', queryName: 'match_and' }) },
      b: { engine: app.fashion, params: params({ query: 'dress', queryName: 'fuzzy' }) },
      k: 10,
      p: 0.9,
    });
    expect([view.a.queryName, view.b.queryName]).toEqual(['match_and', 'fuzzy']);
    expect(view.a.request.url).toContain('query_name=match_and');
    expect(view.b.request.url).toContain('query_name=fuzzy');
  });

  it('refuses a side beyond the limits before sending either', async () => {
    const good = { engine: app.fashion, params: params() };
    const bad = { engine: app.fashion, params: params({ rpp: 500 }) };
    await expect(app.call('search:compare', { a: good, b: bad, k: 5, p: 0.9 })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { field: 'rpp' },
    });
  });
});
