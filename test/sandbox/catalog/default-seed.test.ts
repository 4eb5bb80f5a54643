/**
 * What a new user (and every test that asks for `seed: 'default'`) meets: one account with
 * the "Fashion store" and the "Outdoor shop", filled with the sample catalog, as a
 * Management API client sees them over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateItems } from '../../../main/sandbox/catalog/generate';
import { startSandbox, type Sandbox } from '../../../main/sandbox/index';

interface Listed {
  results: Array<{ name: string; hashid: string; currency: string }>;
}
interface Scrolled {
  count: number;
  results: Array<Record<string, unknown> & { id: string }>;
}

async function get<T>(sandbox: Sandbox, path: string): Promise<T> {
  const token = sandbox.seeded?.accounts[0]?.apiKey.split('-')[1] ?? '';
  const response = await fetch(`${sandbox.url}${path}`, { headers: { Authorization: `Token ${token}` } });
  expect(response.status, `GET ${path}`).toBe(200);
  return (await response.json()) as T;
}

async function engines(sandbox: Sandbox): Promise<Map<string, { hashid: string; currency: string }>> {
  const listed = await get<Listed>(sandbox, '/v1/searchengines');
  return new Map(listed.results.map((engine) => [engine.name, engine]));
}

describe("startSandbox({seed: 'default'})", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 'default', config: { managementRatePerSecond: null } });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('serves the Fashion store with 3,000 products and the Outdoor shop with 1,500', async () => {
    const found = await engines(sandbox);
    expect([...found.keys()].sort()).toEqual(['Fashion store', 'Outdoor shop']);
    expect(found.get('Fashion store')?.currency).toBe('EUR');
    expect(found.get('Outdoor shop')?.currency).toBe('USD');
    for (const [name, expected] of [
      ['Fashion store', 3_000],
      ['Outdoor shop', 1_500],
    ] as const) {
      const scrolled = await get<Scrolled>(sandbox, `/v1/${found.get(name)?.hashid}/items/product?rpp=5`);
      expect(scrolled.count, name).toBe(expected);
    }
  });

  it('the products are the sample catalog: fashion items in one engine, store items with positions in the other', async () => {
    const found = await engines(sandbox);
    const fashion = await get<Scrolled>(sandbox, `/v1/${found.get('Fashion store')?.hashid}/items/product?rpp=3`);
    const outdoor = await get<Scrolled>(sandbox, `/v1/${found.get('Outdoor shop')?.hashid}/items/product?rpp=3`);
    const expected = {
      fashion: [...generateItems({ count: 3, seed: 1, profile: 'shop' })],
      outdoor: [...generateItems({ count: 3, seed: 2, profile: 'stores' })],
    };
    expect(fashion.results.map((item) => item.id)).toEqual(expected.fashion.map((item) => item.id));
    expect(outdoor.results.map((item) => item.id)).toEqual(expected.outdoor.map((item) => item.id));
    fashion.results.forEach((item, n) => expect(item).toMatchObject(expected.fashion[n] ?? {}));
    outdoor.results.forEach((item, n) => expect(item).toMatchObject(expected.outdoor[n] ?? {}));
    for (const item of outdoor.results) expect(item.location).toMatch(/^-?\d+\.\d+,-?\d+\.\d+$/);
  });
});

describe("startSandbox({seed: 'default', items})", () => {
  it('sizes the Fashion store to the number asked for, and the Outdoor shop to half of it', async () => {
    const sandbox = await startSandbox({ seed: 'default', items: 40, config: { managementRatePerSecond: null } });
    try {
      const found = await engines(sandbox);
      const fashion = await get<Scrolled>(sandbox, `/v1/${found.get('Fashion store')?.hashid}/items/product`);
      const outdoor = await get<Scrolled>(sandbox, `/v1/${found.get('Outdoor shop')?.hashid}/items/product`);
      expect([fashion.count, outdoor.count]).toEqual([40, 20]);
    } finally {
      await sandbox.close();
    }
  });
});
