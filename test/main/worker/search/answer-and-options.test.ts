/**
 * What the tester shows of an answer and of the engine's options: results with their rank over
 * the whole list, facets with the engine's labels (a click adds a filter that narrows the
 * results), options with the currency, facets, sort options, fields, geo fields and types.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchAnswerView, SearchOptionsView, SearchParamsView } from '../../../../preload/contract';
import { params, searchWorker, type SearchApp } from './search-fixture';

const fixture = searchWorker();
let app: SearchApp;

beforeAll(async () => {
  app = await fixture.boot();
  return () => fixture.worker.reset();
});

const run = (overrides: Partial<SearchParamsView>, engine = app.fashion) =>
  app.call<SearchAnswerView>('search:run', { engine, params: params(overrides) });

describe('an answer', () => {
  it('ranks results over the whole list, with title, price, image and link picked out', async () => {
    const first = await run({ rpp: 5, page: 1 });
    const second = await run({ rpp: 5, page: 2 });
    expect(first.results.map((result) => result.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(second.results.map((result) => result.rank)).toEqual([6, 7, 8, 9, 10]);
    const result = first.results[0];
    expect(result?.dfid).toMatch(new RegExp(`^${app.fashion}@product@[0-9a-f]{32}$`));
    expect(result?.title).toBe(result?.fields.title);
    expect(typeof result?.price).toBe('number');
    expect(result?.image).toBe(result?.fields.image_link);
    expect(result?.link).toBe(result?.fields.link);
    expect(first.total).toBe(first.totalFound);
    expect(first.tookMs).toBeGreaterThanOrEqual(0);
    expect(first.raw).toMatchObject({ hashid: app.fashion, results_per_page: 5 });
    expect(first.request.url).toContain('/5/search?hashid=');
    expect(first.request.curl).toMatch(/^curl -XGET -H 'Authorization: \{token\}' 'http/);
  });

  it('shows the terms and range facets with their labels, and a facet value as a filter narrows the results', async () => {
    const answer = await run({});
    const color = answer.facets.find((facet) => facet.name === 'color');
    const price = answer.facets.find((facet) => facet.name === 'price');
    expect(color).toMatchObject({ label: 'Color', kind: 'terms' });
    expect(price).toMatchObject({ label: 'Price', kind: 'range' });
    expect(price?.buckets[0]).toMatchObject({
      from: 0,
      min: expect.any(Number) as unknown,
      max: expect.any(Number) as unknown,
    });
    const bucket = color?.buckets[0];
    if (!bucket) throw new Error('the sandbox catalog has colors');
    const filtered = await run({ filters: [{ kind: 'terms', field: 'color', values: [bucket.key] }] });
    expect(filtered.total).toBe(bucket.count);
    expect(filtered.appliedFilter).toEqual({ terms: { color: [bucket.key] } });
  });

  it('with the basic transformer, results carry only the basic fields', async () => {
    const answer = await run({ transformer: 'basic', rpp: 1 });
    expect(Object.keys(answer.results[0]?.fields ?? {})).toEqual(
      expect.arrayContaining(['id', 'title', 'description', 'link', 'image_link']),
    );
    expect(answer.results[0]?.fields).not.toHaveProperty('color');
  });
});

describe("the engine's options", () => {
  it('give the currency, facets with labels, sort options and the engine’s types', async () => {
    const options = await app.call<SearchOptionsView>('search:options', { engine: app.fashion });
    expect(options.currency).toEqual({ code: 'EUR', symbol: '€', format: expect.any(String) as unknown });
    expect(options.facets).toContainEqual({ name: 'brand', label: 'Brand', kind: 'terms' });
    expect(options.facets).toContainEqual({ name: 'price', label: 'Price', kind: 'range' });
    expect(options.sortOptions).toEqual([
      { field: 'price', order: 'asc', label: 'Price: low to high' },
      { field: 'price', order: 'desc', label: 'Price: high to low' },
    ]);
    expect(options.types).toEqual(['product']);
  });

  it('find the fields and the geo field of an engine not mirrored yet from a few results', async () => {
    const options = await app.call<SearchOptionsView>('search:options', { engine: app.outdoor });
    expect(options.geoFields).toEqual(['location']);
    expect(options.fields).toContainEqual({ name: 'price', kind: 'price' });
    expect(options.fields.map((field) => field.name)).toEqual(expect.arrayContaining(['title', 'brand', 'location']));
  });

  it('take the fields of a mirrored engine from the mirror', async () => {
    await fixture.worker.mirrorFirstEngine(app.call);
    const options = await app.call<SearchOptionsView>('search:options', { engine: app.fashion });
    expect(options.fields).toContainEqual({ name: 'price', kind: 'price' });
    expect(options.fields).toContainEqual({ name: 'id', kind: 'id' });
  });
});

describe('the curl command', () => {
  it('hides the token unless revealed, and carries the same URL as the search', async () => {
    const input = { engine: app.fashion, params: params({ query: "kid's shoes" }) };
    const hidden = await app.call<{ curl: string }>('search:curl', { ...input, reveal: false });
    const shown = await app.call<{ curl: string }>('search:curl', { ...input, reveal: true });
    const token = app.apiKey.split('-')[1] ?? '';
    expect(hidden.curl).toContain("-H 'Authorization: {token}'");
    expect(hidden.curl).not.toContain(token);
    expect(shown.curl).toContain(`-H 'Authorization: ${token}'`);
    expect(shown.curl).toContain('query=kid%27s%20shoes');
    const answer = await app.call<SearchAnswerView>('search:run', input);
    expect(hidden.curl).toBe(answer.request.curl);
  });
});
