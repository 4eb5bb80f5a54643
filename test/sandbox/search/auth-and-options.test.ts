import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALLOWED_ORIGIN,
  BIG_HASHID,
  HASHID,
  OTHER_HASHID,
  OTHER_TOKEN,
  type SearchSandbox,
  startSearchSandbox,
  TOKEN,
} from './fixture';

let box: SearchSandbox;
beforeAll(async () => {
  box = await startSearchSandbox();
});
afterAll(() => box.close());

const searchWith = (headers: Record<string, string>, hashid = HASHID) =>
  box.get('/search', `hashid=${hashid}&query=shirt`, headers);

describe('Search v5 authorization', () => {
  it('takes the bare token (as the document shows) and Token {token} (as the npm client sends)', async () => {
    expect((await searchWith({ Authorization: TOKEN })).status).toBe(200);
    expect((await searchWith({ Authorization: `Token ${TOKEN}` })).status).toBe(200);
  });

  it('takes a browser Origin on the engine’s allowed domains or its site, and refuses others', async () => {
    const allowed = await searchWith({ Origin: ALLOWED_ORIGIN });
    expect(allowed.status).toBe(200);
    // ...and the browser may read the answer.
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect((await searchWith({ Origin: 'https://shop.example.com' })).status).toBe(200);
    const refused = await searchWith({ Origin: 'https://evil.example.com' });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: expect.stringContaining('evil.example.com') as string });
  });

  it('answers 401 without credentials or with a wrong token, 404 for another account’s engine', async () => {
    expect((await searchWith({})).status).toBe(401);
    expect((await searchWith({ Authorization: 'Token nope' })).status).toBe(401);
    expect((await searchWith({ Authorization: `Token ${OTHER_TOKEN}` })).status).toBe(404);
    expect((await searchWith({ Authorization: `Token ${OTHER_TOKEN}` }, OTHER_HASHID)).status).toBe(200);
  });

  it('never rate limits searches', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 30 }, () => searchWith({ Authorization: TOKEN }).then((response) => response.status)),
    );
    expect(new Set(statuses)).toEqual(new Set([200]));
  });

  it('applies to options and stats too', async () => {
    expect((await box.get(`/options/${HASHID}`, '', {})).status).toBe(401);
    expect((await box.get('/stats/init', `hashid=${HASHID}&session_id=s1`, {})).status).toBe(401);
    expect((await box.get(`/options/${HASHID}`, '', { Origin: ALLOWED_ORIGIN })).status).toBe(200);
  });
});

describe('GET /5/options/{hashid}', () => {
  it('answers the engine’s options with the documented keys and its currency', async () => {
    const response = await box.get(`/options/${HASHID}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      // The Shop engine is in Spanish and sells in euros.
      currency: { symbol: '€', precision: 2, decimal: ',', thousand: '.', format: '%v %s', label: 'euro' },
      layerSortOptions: [{ field: 'price', sort: 'asc', label: 'Cheapest' }],
      facets: [
        { name: 'brand', label: 'Brand', type: 'terms', size: 2 },
        { name: 'color', label: 'Color', type: 'terms', size: 20 },
        { name: 'categories', label: 'Category', type: 'terms', size: 20 },
        { name: 'price', label: 'Price', type: 'range', ranges: [{ to: 50 }, { from: 50 }] },
      ],
      geoFields: ['location'],
      noResultsHTML: '',
      checkoutURL: '',
      addons: {},
    });
  });

  it('formats other currencies the way their engine’s language writes them', async () => {
    const body = (await (await box.get(`/options/${BIG_HASHID}`)).json()) as { currency: unknown; facets: unknown };
    expect(body.currency).toEqual({
      symbol: '$',
      precision: 2,
      decimal: '.',
      thousand: ',',
      format: '%s%v',
      label: 'US Dollar',
    });
    expect(body.facets).toEqual([]);
  });

  it('ignores the domain suffix the npm client may add, and answers 404 for an unknown engine', async () => {
    expect((await box.get(`/options/${HASHID}`, 'shop.example.com')).status).toBe(200);
    expect((await box.get(`/options/${'f'.repeat(32)}`)).status).toBe(404);
  });
});
