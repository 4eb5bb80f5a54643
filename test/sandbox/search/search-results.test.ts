import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIG_HASHID, HASHID, ids, PRODUCTS, type SearchSandbox, sortedIds, startSearchSandbox } from './fixture';

let box: SearchSandbox;
beforeAll(async () => {
  box = await startSearchSandbox();
});
afterAll(() => box.close());

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

describe('GET /5/search answers', () => {
  it('in the documented shape, every result carrying dfid {hashid}@{type}@{md5(id)}, type and id', async () => {
    const response = await box.get('/search', `hashid=${HASHID}&query=sweater`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      results_per_page: 10,
      page: 1,
      total: 1,
      total_found: 1,
      query: 'sweater',
      hashid: HASHID,
      query_name: 'match_and',
    });
    expect(typeof body.max_score).toBe('number');
    expect(body.max_score).toBeGreaterThan(0);
    expect(body).not.toHaveProperty('query_counter');
    expect(body).not.toHaveProperty('filter');
    expect(body.results).toEqual([
      expect.objectContaining({ id: 'P2', type: 'product', dfid: `${HASHID}@product@${md5('P2')}` }),
    ]);
  });

  it('with every stored field when no transformer is given', async () => {
    const body = await box.search('query=sweater');
    expect(body.results[0]).toEqual({
      ...PRODUCTS[1],
      df_manual_boost: 1,
      df_indexed_text: null,
      dfid: `${HASHID}@product@${md5('P2')}`,
      type: 'product',
    });
  });

  it('with id, title, description, link and image_link (and url/image_url copies) for transformer=basic', async () => {
    const body = await box.search('query=sweater&transformer=basic');
    expect(body.results[0]).toEqual({
      id: 'P2',
      title: 'Red Wool Sweater',
      description: 'Warm knit for winter',
      link: 'https://shop.example.com/p/p2',
      image_link: 'https://shop.example.com/img/p2.jpg',
      url: 'https://shop.example.com/p/p2',
      image_url: 'https://shop.example.com/img/p2.jpg',
      dfid: `${HASHID}@product@${md5('P2')}`,
      type: 'product',
    });
  });

  it('with only the id (and dfid, type) for transformer=onlyid', async () => {
    const body = await box.search('query=sweater&transformer=onlyid');
    expect(body.results[0]).toEqual({ id: 'P2', dfid: `${HASHID}@product@${md5('P2')}`, type: 'product' });
  });

  it('echoing query_counter when the client sends it', async () => {
    const body = await box.search('query=shirt&query_counter=3');
    expect(body.query_counter).toBe(3);
  });

  it('every item of every type for an empty or blank query', async () => {
    expect((await box.search('query=')).total).toBe(10);
    expect((await box.search('query=%20')).total).toBe(10);
  });

  it('nothing for a query with no words in it', async () => {
    expect((await box.search('query=%21%21%21')).total).toBe(0);
  });

  it('only the asked types, whether type is sent once, as type[] or as type[0]', async () => {
    expect(sortedIds(await box.search('query=shirt&type=page'))).toEqual(['about']);
    expect(sortedIds(await box.search('query=shirt&type[]=page'))).toEqual(['about']);
    expect(sortedIds(await box.search('query=shirt&type[0]=page'))).toEqual(['about']);
    const both = await box.search('query=shirt&type[]=page&type[]=product');
    expect(both.results.map((result) => result.type).sort()).toContain('page');
    expect(both.total).toBe(5);
    expect((await box.search('query=shirt&type=nothing')).total).toBe(0);
  });

  it('results matched in the title above those matched only in the body', async () => {
    const body = await box.search('query=shirt&type=product');
    // P4 has "shirt" only in its description; P6 is boosted ×3.
    expect(ids(body).at(-1)).toBe('P4');
  });

  it('scores multiplied by df_manual_boost', async () => {
    const body = await box.search('query=shirt&type=product');
    expect(ids(body)[0]).toBe('P6');
    expect(body.max_score).toBeGreaterThan(0);
    const browse = await box.search('query=&type=product');
    expect(ids(browse)[0]).toBe('P6');
    expect(browse.max_score).toBe(3);
  });

  it('the same order every time, pages that neither overlap nor skip', async () => {
    const all = ids(await box.search('query=&rpp=100'));
    const pages = [];
    for (const page of [1, 2, 3, 4]) pages.push(...ids(await box.search(`query=&rpp=3&page=${page}`)));
    expect(pages).toEqual(all);
    expect(new Set(all).size).toBe(10);
  });

  it('total no higher than the 1,000 results that can be fetched, total_found with every match', async () => {
    const body = await box.search('query=widget&rpp=5', BIG_HASHID);
    expect(body.total_found).toBe(1_050);
    expect(body.total).toBe(1_000);
    const last = await box.search('query=widget&rpp=100&page=10', BIG_HASHID);
    expect(last.results).toHaveLength(100);
  });
});

describe('POST /5/search {"items": [dfid, …]}', () => {
  const post = (body: string, query = `hashid=${HASHID}`) =>
    fetch(`${box.url}/5/search?${query}`, {
      method: 'POST',
      headers: { Authorization: `Token ${box.token}`, 'Content-Type': 'application/json' },
      body,
    });

  it('answers those items of the engine in the order asked, skipping unknown ones', async () => {
    const dfids = [
      `${HASHID}@product@${md5('P8')}`,
      `${HASHID}@product@${md5('NOPE')}`,
      `${HASHID}@product@${md5('P1')}`,
    ];
    const response = await post(JSON.stringify({ items: [...dfids, `${BIG_HASHID}@product@${md5('B1')}`] }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { results: Array<{ id: string }>; total: number };
    expect(body.results.map((result) => result.id)).toEqual(['P8', 'P1']);
    expect(body.total).toBe(2);
  });

  it('applies the transformer', async () => {
    const response = await post(
      JSON.stringify({ items: [`${HASHID}@product@${md5('P8')}`] }),
      `hashid=${HASHID}&transformer=onlyid`,
    );
    expect(((await response.json()) as { results: unknown[] }).results).toEqual([
      { id: 'P8', dfid: `${HASHID}@product@${md5('P8')}`, type: 'product' },
    ]);
  });

  it('refuses a body without a list of dfids', async () => {
    for (const body of ['', 'not json', '{"items": "x"}', '{"items": [1]}']) {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: expect.stringContaining('items') as string });
    }
  });
});
