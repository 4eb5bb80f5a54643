import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HASHID, type SearchSandbox, sortedIds, startSearchSandbox, TOKEN } from './fixture';

let box: SearchSandbox;
beforeAll(async () => {
  box = await startSearchSandbox({ config: { managementRatePerSecond: null, statsGenerationMs: 0 } });
});
afterAll(() => box.close());

const products = (query: string) => box.search(`type=product&rpp=100&${query}`);

describe('query_name', () => {
  it('match_and needs every word, match_or any of them', async () => {
    const and = await products('query=blue%20shirt&query_name=match_and');
    expect(sortedIds(and)).toEqual(['P1', 'P4', 'P6']);
    expect(and.query_name).toBe('match_and');
    const or = await products('query=blue%20shirt&query_name=match_or');
    expect(sortedIds(or)).toEqual(['P1', 'P3', 'P4', 'P6', 'P8']);
    expect(or.query_name).toBe('match_or');
  });

  it('fuzzy finds indexed words a typo or two away', async () => {
    const body = await products('query=sweatr&query_name=fuzzy');
    // "sweater" is one edit away (in P2's title); "wear" two (in P4's description).
    expect(body.results.map((result) => result.id)).toEqual(['P2', 'P4']);
    expect(body.query_name).toBe('fuzzy');
    expect(sortedIds(await products('query=kiten%20heals&query_name=fuzzy'))).toEqual(['P7']);
  });

  it('phonetic_text finds words that sound alike', async () => {
    const body = await products('query=fone&query_name=phonetic_text');
    expect(sortedIds(body)).toEqual(['P8']);
    expect(body.query_name).toBe('phonetic_text');
  });

  it('asked for explicitly, is the only one tried', async () => {
    const body = await products('query=sweatr&query_name=match_and');
    expect(body.total).toBe(0);
    expect(body.query_name).toBe('match_and');
  });

  it('by default is the first of match_and, match_or, fuzzy, phonetic_text that finds something', async () => {
    expect((await products('query=blue%20shirt')).query_name).toBe('match_and');
    const or = await products('query=blue%20zebra');
    expect(or.query_name).toBe('match_or');
    expect(sortedIds(or)).toEqual(['P1', 'P4', 'P6', 'P8']);
    expect((await products('query=sweatr')).query_name).toBe('fuzzy');
    expect((await products('query=fone')).query_name).toBe('phonetic_text');
  });

  it('by default counts filters when deciding whether a query_name found something', async () => {
    const body = await products('query=blue%20sweater&filter[color][]=blue');
    expect(body.query_name).toBe('match_or');
    expect(sortedIds(body)).toEqual(['P1', 'P4', 'P6']);
  });

  it('reports the last one tried when none finds anything', async () => {
    const body = await products('query=qqqqqqqq');
    expect(body.total).toBe(0);
    expect(body.query_name).toBe('phonetic_text');
  });

  it('ignores accents and case like the index does', async () => {
    expect(sortedIds(await products('query=SWÉATER'))).toEqual(['P2']);
  });
});

describe('searches feed Management v1 stats', () => {
  const management = (path: string) =>
    fetch(`${box.url}/v1/${HASHID}/stats${path}`, { headers: { Authorization: `Token ${TOKEN}` } });

  async function top(kind: string): Promise<Array<{ term: string; count: number }>> {
    expect((await management(`/top_${kind}`)).status).toBe(202);
    const response = await management(`/top_${kind}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as Record<string, Array<{ term: string; count: number }>>)[kind] ?? [];
  }

  it('top searches, no-results and opportunities, leaving out nostats searches', async () => {
    await box.search('query=Leather&query_counter=1');
    await box.search('query=leather&query_counter=2');
    await box.search('query=sweatr');
    await box.search('query=zzzzzzzz');
    await box.search('query=hidden&nostats');
    await box.search('query=hidden&nostats=1');

    const searches = await top('searches');
    expect(searches).toContainEqual({ term: 'leather', count: 2 });
    expect(searches.map((entry) => entry.term)).not.toContain('hidden');
    expect(await top('noresults')).toContainEqual({ term: 'zzzzzzzz', count: 1 });
    const opportunities = (await top('opportunities')).map((entry) => entry.term);
    expect(opportunities).toContain('sweatr');
    expect(opportunities).not.toContain('leather');
  });

  it('count a search once per new query_counter, every request as a query', async () => {
    const before = await daily();
    await box.search('query=boots');
    await box.search('query=boots&query_counter=1');
    await box.search('query=boots&query_counter=2&page=1');
    await box.search('query=boots&nostats');
    const after = await daily();
    expect(after.searches - before.searches).toBe(2);
    expect(after.queries - before.queries).toBe(3);
  });

  async function daily(): Promise<{ searches: number; queries: number }> {
    const today = new Date().toISOString().slice(0, 10).replaceAll('-', '');
    const response = await management(`?from=${today}&to=${today}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { aggregates: Array<{ searches: number; queries: number }> };
    return body.aggregates.reduce(
      (sum, day) => ({ searches: sum.searches + day.searches, queries: sum.queries + day.queries }),
      { searches: 0, queries: 0 },
    );
  }
});
