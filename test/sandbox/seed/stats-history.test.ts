/**
 * The stats history the Sandbox account starts with: two months of searches, clicks, API
 * and feed requests before today, read through the Management API's "Statistics" as the
 * app's stats page reads them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateItems } from '../../../main/sandbox/catalog/generate';
import { getV1, startSeededSandbox, type SeededSandbox } from './harness';

interface Aggregate {
  date: string;
  searches: number;
  queries: number;
  clicks: number;
  api: number;
  parser: number;
  requests: number;
}
interface Page {
  count: number;
  next: string | null;
  [list: string]: unknown;
}
interface TopEntry {
  term: string;
  count: number;
  url?: string;
}

const DAY_MS = 86_400_000;
const GENERATION_MS = 1_000;
const ITEMS = 300;

const yyyymmdd = (ms: number) => new Date(ms).toISOString().slice(0, 10).replace(/-/g, '');

/** The 30 days before the sandbox's today, as `from`/`to`. */
function lastThirtyDays(t: SeededSandbox): { from: string; to: string } {
  const today = Date.parse(`${new Date(t.sandbox.ctx.clock.now()).toISOString().slice(0, 10)}T00:00:00Z`);
  return { from: yyyymmdd(today - 30 * DAY_MS), to: yyyymmdd(today - DAY_MS) };
}

async function aggregates(t: SeededSandbox, engine: string, from: string, to: string): Promise<Aggregate[]> {
  const days: Aggregate[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await getV1<Page>(t, `/${t.engines.get(engine)}/stats?from=${from}&to=${to}&page=${page}`);
    days.push(...(answer.json.aggregates as Aggregate[]));
    if (!answer.json.next) return days;
  }
}

/** A whole top list: asks until it is generated (moving the sandbox clock), then every page. */
async function topList(t: SeededSandbox, engine: string, kind: string, period: { from: string; to: string }) {
  const path = `/${t.engines.get(engine)}/stats/top_${kind}?from=${period.from}&to=${period.to}`;
  const first = await getV1<Page>(t, path);
  expect(first.status, `${kind} is generated first`).toBe(202);
  t.sandbox.ctx.clock.advance(GENERATION_MS);
  const entries: TopEntry[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await getV1<Page>(t, `${path}&page=${page}`);
    expect(answer.status).toBe(200);
    entries.push(...(answer.json[kind] as TopEntry[]));
    if (!answer.json.next) return { entries, pages: page };
  }
}

const sum = (days: Aggregate[], field: keyof Omit<Aggregate, 'date'>) =>
  days.reduce((total, day) => total + day[field], 0);

let t: SeededSandbox;
beforeAll(async () => {
  t = await startSeededSandbox({ items: ITEMS, history: true, config: { statsGenerationMs: GENERATION_MS } });
});
afterAll(async () => {
  await t.close();
});

describe('the last 30 days of the Fashion store', () => {
  it('has searches every day, a few hundred of them, with queries, clicks and API requests in proportion', async () => {
    const { from, to } = lastThirtyDays(t);
    const days = await aggregates(t, 'Fashion store', from, to);
    expect(days).toHaveLength(30);
    for (const day of days) {
      expect(day.searches, day.date).toBeGreaterThanOrEqual(200);
      expect(day.searches, day.date).toBeLessThanOrEqual(800);
      expect(day.api, day.date).toBeGreaterThan(0);
      expect(day.requests, day.date).toBe(day.queries + day.api + day.parser);
    }
    const queriesPerSearch = sum(days, 'queries') / sum(days, 'searches');
    expect(queriesPerSearch).toBeGreaterThan(2);
    expect(queriesPerSearch).toBeLessThan(3);
    const clickRate = sum(days, 'clicks') / sum(days, 'searches');
    expect(clickRate).toBeGreaterThan(0.07);
    expect(clickRate).toBeLessThan(0.16);
  });

  it('is busier at weekends than midweek', async () => {
    const { from, to } = lastThirtyDays(t);
    const days = await aggregates(t, 'Fashion store', from, to);
    const average = (weekdays: number[]) => {
      const picked = days.filter((day) => weekdays.includes(new Date(`${day.date}T00:00:00Z`).getUTCDay()));
      return sum(picked, 'searches') / picked.length;
    };
    expect(average([0, 6])).toBeGreaterThan(average([2, 3]));
  });

  it('has a nightly feed run: parser requests every day, as many as the shop has products', async () => {
    const { from, to } = lastThirtyDays(t);
    const days = await aggregates(t, 'Fashion store', from, to);
    expect(days.map((day) => day.parser)).toEqual(days.map(() => ITEMS));
  });

  it('leaves today to live traffic', async () => {
    const today = yyyymmdd(t.sandbox.ctx.clock.now());
    const [day] = await aggregates(t, 'Fashion store', today, today);
    expect(day).toMatchObject({ searches: 0, clicks: 0 });
  });

  it("lists top searches over several pages, led by the catalog's own words", async () => {
    const { entries, pages } = await topList(t, 'Fashion store', 'searches', lastThirtyDays(t));
    expect(entries.length).toBeGreaterThan(100);
    expect(pages).toBeGreaterThan(1);
    expect(entries.map((entry) => entry.count)).toEqual(entries.map((entry) => entry.count).sort((a, b) => b - a));
    const catalog = [...generateItems({ count: ITEMS, seed: 1, profile: 'shop' })].map((item) =>
      [item.title, item.brand, item.color, item.categories, item.description].join(' ').toLowerCase(),
    );
    const inCatalog = (term: string) => catalog.some((text) => term.split(' ').every((word) => text.includes(word)));
    const top = entries.slice(0, 20).map((entry) => entry.term);
    expect(top.slice(0, 5).filter(inCatalog)).toEqual(top.slice(0, 5));
    // The rest: catalog words, and now and then a popular word misspelled.
    expect(top.filter(inCatalog).length).toBeGreaterThanOrEqual(14);
  });

  it("lists top clicked products by the shop's real titles and links", async () => {
    const { entries } = await topList(t, 'Fashion store', 'clicked', lastThirtyDays(t));
    const products = new Map(
      [...generateItems({ count: ITEMS, seed: 1, profile: 'shop' })].map((item) => [item.link, item.title]),
    );
    expect(entries.length).toBeGreaterThan(10);
    for (const entry of entries) expect(products.get(entry.url), entry.url).toBe(entry.term);
  });

  it('lists misspellings as opportunities and products the shop does not sell as no-results', async () => {
    const opportunities = await topList(t, 'Fashion store', 'opportunities', lastThirtyDays(t));
    const noResults = await topList(t, 'Fashion store', 'noresults', lastThirtyDays(t));
    expect(opportunities.entries.length).toBeGreaterThan(3);
    expect(noResults.entries.map((entry) => entry.term)).toContain('perfume');
  });
});

describe('the Outdoor shop', () => {
  it('has fewer searches than the Fashion store, and feed runs on Mondays and Thursdays only', async () => {
    const { from, to } = lastThirtyDays(t);
    const outdoor = await aggregates(t, 'Outdoor shop', from, to);
    const fashion = await aggregates(t, 'Fashion store', from, to);
    expect(outdoor.every((day) => day.searches > 0)).toBe(true);
    expect(sum(outdoor, 'searches')).toBeLessThan(sum(fashion, 'searches') / 2);
    const feedDays = outdoor
      .filter((day) => day.parser > 0)
      .map((day) => new Date(`${day.date}T00:00:00Z`).getUTCDay());
    expect(new Set(feedDays)).toEqual(new Set([1, 4]));
  });
});

describe('seeding again with the same seed', () => {
  it('gives the same figures and the same top list', async () => {
    const again = await startSeededSandbox({
      items: ITEMS,
      history: true,
      config: { statsGenerationMs: GENERATION_MS },
    });
    try {
      const period = lastThirtyDays(t);
      for (const engine of ['Fashion store', 'Outdoor shop']) {
        expect(await aggregates(again, engine, period.from, period.to)).toEqual(
          await aggregates(t, engine, period.from, period.to),
        );
      }
      const fresh = await topList(again, 'Fashion store', 'searches', period);
      const first = await getV1<Page>(
        t,
        `/${t.engines.get('Fashion store')}/stats/top_searches?from=${period.from}&to=${period.to}&rpp=100`,
      );
      expect(fresh.entries.slice(0, 100)).toEqual(first.json.searches);
    } finally {
      await again.close();
    }
  });
});

describe('a sandbox seeded without the history', () => {
  it('has no searches in the last 30 days', async () => {
    const plain = await startSeededSandbox({ items: 10 });
    try {
      const { from, to } = lastThirtyDays(plain);
      expect(sum(await aggregates(plain, 'Fashion store', from, to), 'searches')).toBe(0);
    } finally {
      await plain.close();
    }
  });
});
