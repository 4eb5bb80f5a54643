import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HASHID, ids, type SearchSandbox, sortedIds, startSearchSandbox, TOKEN } from './fixture';

let box: SearchSandbox;
beforeAll(async () => {
  box = await startSearchSandbox({ config: { managementRatePerSecond: null } });
});
afterAll(() => box.close());

async function management(method: string, path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`${box.url}/v1/${HASHID}${path}`, {
    method,
    headers: { Authorization: `Token ${TOKEN}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status).toBeLessThan(300);
  return response;
}

describe('searches see item writes at once', () => {
  it('a new item is found by text, filters, facets and sorts', async () => {
    // Search first, so the engine's in-memory columns exist before the write.
    await box.search('query=&filter[color][]=teal&sort[price]=asc');
    await management('POST', '/items/product', {
      id: 'N1',
      title: 'Teal Raincoat',
      color: 'teal',
      price: 1,
      brand: 'Acme',
    });
    expect(ids(await box.search('query=raincoat'))).toEqual(['N1']);
    const filtered = await box.search('query=&filter[color][]=teal');
    expect(ids(filtered)).toEqual(['N1']);
    expect(filtered.facets.brand?.terms?.buckets).toContainEqual({ key: 'Acme', doc_count: 1 });
    expect(ids(await box.search('query=&type=product&sort[price]=asc'))[0]).toBe('N1');
    // The vocabulary learns its words too.
    expect(ids(await box.search('query=raincot&query_name=fuzzy'))).toEqual(['N1']);
  });

  it('a changed item is found by its new values only', async () => {
    await box.search('query=&filter[color][]=purple');
    await management('PATCH', '/items/product/P3', { color: 'purple', price: 500 });
    expect(ids(await box.search('query=&filter[color][]=purple'))).toEqual(['P3']);
    expect(ids(await box.search('query=&type=product&filter[color][]=green'))).toEqual([]);
    expect(ids(await box.search('query=&type=product&filter[price][gte]=400'))).toEqual(['P3']);
  });

  it('a boost change reorders results', async () => {
    const before = ids(await box.search('query=shirt&type=product'));
    expect(before[0]).toBe('P6');
    await management('PATCH', '/items/product/P1', { df_manual_boost: 10 });
    expect(ids(await box.search('query=shirt&type=product'))[0]).toBe('P1');
  });

  it('a deleted item is gone, and its dfid no longer names anything', async () => {
    const body = await box.search('query=boots');
    const dfid = body.results[0]?.dfid ?? '';
    await management('DELETE', '/items/product/P5');
    expect((await box.search('query=boots')).total).toBe(0);
    expect((await box.search('query=&filter[brand][]=Cobalt')).total).toBe(1);
    const click = await box.get('/stats/click', `hashid=${HASHID}&dfid=${dfid}`);
    expect(click.status).toBe(400);
  });

  it('a deleted type takes its items with it', async () => {
    expect((await box.search('query=&type=page')).total).toBe(2);
    await management('DELETE', '/types/page');
    expect((await box.search('query=&type=page')).total).toBe(0);
    expect(sortedIds(await box.search('query=shirt'))).not.toContain('about');
  });

  it('a reset and a new seed start from the new catalog', async () => {
    await box.search('query=shirt');
    const reset = await fetch(`${box.url}/_sandbox/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    const seeded = await fetch(`${box.url}/_sandbox/seed`, {
      method: 'POST',
      body: JSON.stringify({
        accounts: [
          {
            token: TOKEN,
            engines: [
              {
                name: 'Again',
                hashid: HASHID,
                types: [{ name: 'product', items: [{ id: 'X', title: 'Only shirt' }] }],
              },
            ],
          },
        ],
      }),
    });
    expect(seeded.status).toBe(200);
    expect(ids(await box.search('query=shirt'))).toEqual(['X']);
  });
});
