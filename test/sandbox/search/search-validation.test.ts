import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIG_HASHID, HASHID, type SearchSandbox, startSearchSandbox } from './fixture';

let box: SearchSandbox;
beforeAll(async () => {
  box = await startSearchSandbox();
});
afterAll(() => box.close());

async function rejected(query: string): Promise<string> {
  const response = await box.get('/search', query);
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: string };
  expect(typeof body.error).toBe('string');
  return body.error;
}

describe('GET /5/search refuses with 400 and a JSON error saying why', () => {
  it('a request without hashid', async () => {
    expect(await rejected('query=shirt')).toMatch(/hashid/);
  });

  it('a request without query (an empty query is fine)', async () => {
    expect(await rejected(`hashid=${HASHID}`)).toMatch(/query/);
    expect((await box.get('/search', `hashid=${HASHID}&query=`)).status).toBe(200);
  });

  it('a query longer than 200 characters', async () => {
    expect(await rejected(`hashid=${HASHID}&query=${'a'.repeat(201)}`)).toMatch(/200 characters/);
    expect((await box.get('/search', `hashid=${HASHID}&query=${'a'.repeat(200)}`)).status).toBe(200);
  });

  it('rpp above 100, or not a whole number', async () => {
    expect(await rejected(`hashid=${HASHID}&query=&rpp=101`)).toMatch(/rpp/);
    expect(await rejected(`hashid=${HASHID}&query=&rpp=ten`)).toMatch(/rpp/);
    expect(await rejected(`hashid=${HASHID}&query=&rpp=0`)).toMatch(/rpp/);
    expect(await rejected(`hashid=${HASHID}&query=&page=0`)).toMatch(/page/);
  });

  it('pages past the 1,000 results a search can fetch', async () => {
    expect(await rejected(`hashid=${BIG_HASHID}&query=&rpp=100&page=11`)).toMatch(/1000 search results/);
    expect(await rejected(`hashid=${BIG_HASHID}&query=&rpp=7&page=143`)).toMatch(/1001/);
    expect((await box.get('/search', `hashid=${BIG_HASHID}&query=&rpp=100&page=10`)).status).toBe(200);
  });

  it('an unknown query_name or transformer', async () => {
    expect(await rejected(`hashid=${HASHID}&query=a&query_name=exact`)).toMatch(/match_and/);
    expect(await rejected(`hashid=${HASHID}&query=a&transformer=full`)).toMatch(/basic/);
    expect(await rejected(`hashid=${HASHID}&query=a&filter_execution=xor`)).toMatch(/filter_execution/);
  });

  it('a range with an unknown operator', async () => {
    expect(await rejected(`hashid=${HASHID}&query=&filter[price][above]=3`)).toMatch(/gte/);
  });

  it('a geo filter or sort on a field that is not a geo field, or missing its distance', async () => {
    expect(
      await rejected(`hashid=${HASHID}&query=&filter[geo_distance][distance]=5km&filter[geo_distance][brand]=1,1`),
    ).toMatch(/not a geo field/);
    expect(await rejected(`hashid=${HASHID}&query=&filter[geo_distance][location]=40,-3`)).toMatch(/mandatory/);
    expect(
      await rejected(`hashid=${HASHID}&query=&filter[geo_distance][distance]=far&filter[geo_distance][location]=40,-3`),
    ).toMatch(/distance/);
    expect(await rejected(`hashid=${HASHID}&query=&sort[_geo_distance][brand]=40,-3`)).toMatch(/not a geo field/);
  });

  it('a sort order other than asc or desc', async () => {
    expect(await rejected(`hashid=${HASHID}&query=&sort[price]=up`)).toMatch(/asc or desc/);
  });
});
