import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIG_HASHID, HASHID, type SearchSandbox, startSearchSandbox } from './fixture';

let box: SearchSandbox;
beforeAll(async () => {
  box = await startSearchSandbox();
});
afterAll(() => box.close());

describe('facets', () => {
  it('come for each facet in the engine options, in the documented terms shape', async () => {
    const { facets } = await box.search('query=&type=product');
    expect(Object.keys(facets)).toEqual(['brand', 'color', 'categories', 'price']);
    expect(facets.brand).toEqual({
      doc_count: 7,
      missing: { doc_count: 1 },
      terms: {
        // size 2: Acme (3), then Borealis and Cobalt (2 each) ordered by key.
        buckets: [
          { key: 'Acme', doc_count: 3 },
          { key: 'Borealis', doc_count: 2 },
        ],
        doc_count_error_upper_bound: 0,
        sum_other_doc_count: 2,
      },
    });
  });

  it('count every value of a list, so doc_count is the number of values', async () => {
    const { facets } = await box.search('query=&type=product');
    expect(facets.color?.doc_count).toBe(9);
    expect(facets.color?.terms?.buckets).toContainEqual({ key: 'blue', doc_count: 3 });
    expect(facets.color?.terms?.buckets).toContainEqual({ key: 'navy', doc_count: 1 });
    expect(facets.categories?.terms?.buckets[0]).toEqual({ key: 'Sale', doc_count: 2 });
    expect(facets.categories?.doc_count).toBe(10);
  });

  it('count range buckets with stats, numbers stored as text included', async () => {
    const { facets } = await box.search('query=&type=product');
    expect(facets.price).toEqual({
      doc_count: 8,
      range: {
        buckets: [
          {
            key: '*-50.0',
            to: 50,
            'to-as-string': '50.0',
            doc_count: 5,
            stats: { count: 5, min: 5, max: 49.5, avg: (19.99 + 49.5 + 5 + 35 + 12) / 5 },
          },
          {
            key: '50.0-*',
            from: 50,
            'from-as-string': '50.0',
            doc_count: 3,
            stats: { from: 50, count: 3, min: 60, max: 120, avg: (120 + 89 + 60) / 3 },
          },
        ],
      },
    });
  });

  it('follow the query and the other fields’ filters', async () => {
    const { facets } = await box.search('query=shirt&type=product&filter[price][lt]=30');
    expect(facets.brand?.terms?.buckets).toEqual([
      { key: 'Acme', doc_count: 1 },
      { key: 'Borealis', doc_count: 1 },
    ]);
  });

  it('leave out the facet’s own filter, so the other values stay visible', async () => {
    const body = await box.search('query=&type=product&filter[brand][]=Cobalt');
    expect(body.total).toBe(2);
    expect(body.facets.brand?.terms?.buckets).toEqual([
      { key: 'Acme', doc_count: 3 },
      { key: 'Borealis', doc_count: 2 },
    ]);
    expect(body.facets.color?.terms?.buckets).toEqual([
      { key: 'blue', doc_count: 1 },
      { key: 'brown', doc_count: 1 },
    ]);
  });

  it('are empty buckets with null stats when nothing matches', async () => {
    const { facets } = await box.search('query=zzzz&type=product');
    expect(facets.brand?.terms?.buckets).toEqual([]);
    expect(facets.price?.range?.buckets[0]?.stats).toEqual({ count: 0, min: null, max: null, avg: null });
  });

  it('are an empty object for an engine without facets', async () => {
    expect((await box.search('query=widget', BIG_HASHID)).facets).toEqual({});
  });

  it('follow facet changes made through the control API', async () => {
    const response = await fetch(`${box.url}/_sandbox/engines/${HASHID}`, {
      method: 'PUT',
      body: JSON.stringify({ options: { facets: [{ name: 'color', type: 'terms', size: 1 }] } }),
    });
    expect(response.status).toBe(200);
    const { facets } = await box.search('query=&type=product');
    expect(facets).toEqual({
      color: {
        doc_count: 9,
        missing: { doc_count: 0 },
        terms: { buckets: [{ key: 'blue', doc_count: 3 }], doc_count_error_upper_bound: 0, sum_other_doc_count: 6 },
      },
    });
  });
});
