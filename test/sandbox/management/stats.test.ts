/**
 * Management v1 "Statistics", over HTTP: daily aggregates with from/to and pages, and the
 * four top lists (202 while being generated, then 200). The raw events are recorded the
 * way the search routes record them (`recordEvent`), on days set with the sandbox clock.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recordEvent, type EventInput } from '../../../main/sandbox/stats/events';
import { engineByHashid } from '../../../main/sandbox/store/engines';
import {
  advanceClock,
  api,
  body,
  control,
  fixture,
  reseed,
  shapeDifferences,
  startTestSandbox,
  type TestSandbox,
} from './harness';

const examples = fixture('management-stats.json');
const GENERATION_MS = 1_000;
let t: TestSandbox;
let hashid: string;

beforeAll(async () => {
  t = await startTestSandbox({ config: { statsGenerationMs: GENERATION_MS } });
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  await reseed(t);
  hashid = t.a.hashids[0] ?? '';
});

/** Records events at noon (UTC) of a day, then puts the clock back. */
function recordOn(day: string, events: Array<Omit<EventInput, 'engineId'>>, engineHashid = hashid): void {
  const { ctx } = t.sandbox;
  const engine = engineByHashid(ctx.db, engineHashid);
  if (!engine) throw new Error('no such engine');
  const offset = ctx.clock.offset();
  ctx.clock.setOffset(Date.parse(`${day}T12:00:00Z`) - Date.now());
  try {
    for (const event of events) recordEvent(ctx, { engineId: engine.id, ...event });
  } finally {
    ctx.clock.setOffset(offset);
  }
}

/** The sandbox clock at noon (UTC) of a day, so that "today" cannot change during a test. */
async function setToday(day: string): Promise<void> {
  await control(t, 'POST', '/clock', { offsetMs: Date.parse(`${day}T12:00:00Z`) - Date.now() });
}

const times = <T>(count: number, value: T): T[] => Array.from({ length: count }, () => value);
const query = (term: string, extra: Partial<EventInput> = {}): Omit<EventInput, 'engineId'> => ({
  kind: 'query',
  term,
  total: 12,
  queryName: 'match_and',
  detail: 'new',
  ...extra,
});

interface Aggregates {
  start: string;
  end: string;
  count: number;
  next: string | null;
  previous: string | null;
  aggregates: Array<Record<string, number | string>>;
}

describe('GET /v1/{hashid}/stats (aggregates)', () => {
  it('covers the last 15 days by default, 10 days a page, shaped as the example', async () => {
    await setToday('2024-06-15');
    const answer = await api(t, t.a).get(`/v1/${hashid}/stats`);
    expect(answer.status).toBe(200);
    expect(shapeDifferences(examples.aggregates?.response.body, answer.json)).toEqual([]);
    const first = body<Aggregates>(answer);
    expect(first).toMatchObject({ start: '2024-06-01', end: '2024-06-15', count: 15, previous: null });
    expect(first.aggregates.map((day) => day.date)).toHaveLength(10);
    expect(first.aggregates[0]?.date).toBe('2024-06-01');
    expect(first.next).toBe(`${t.url}/v1/${hashid}/stats?page=2`);
  });

  it('counts each day between from and to (YYYYMMDD)', async () => {
    recordOn('2024-03-02', [
      ...times(3, query('shirt')),
      query('shirt', { detail: '{"query_counter":2}' }),
      { kind: 'click', term: 'Red shirt', detail: 'https://shop/1', itemType: 'product', itemId: '1' },
      { kind: 'api' },
      { kind: 'api' },
      { kind: 'parser', amount: 40 },
    ]);
    recordOn('2024-03-04', [query('boots')]);
    recordOn('2024-03-09', [query('outside the period')]);
    const answer = await api(t, t.a).get(`/v1/${hashid}/stats?from=20240301&to=20240305`);
    expect(answer.status).toBe(200);
    expect(body(answer)).toEqual({
      start: '2024-03-01',
      end: '2024-03-05',
      count: 5,
      next: null,
      previous: null,
      aggregates: [
        { date: '2024-03-01', searches: 0, clicks: 0, api: 0, parser: 0, queries: 0, requests: 0 },
        { date: '2024-03-02', searches: 3, clicks: 1, api: 2, parser: 40, queries: 4, requests: 46 },
        { date: '2024-03-03', searches: 0, clicks: 0, api: 0, parser: 0, queries: 0, requests: 0 },
        { date: '2024-03-04', searches: 1, clicks: 0, api: 0, parser: 0, queries: 1, requests: 1 },
        { date: '2024-03-05', searches: 0, clicks: 0, api: 0, parser: 0, queries: 0, requests: 0 },
      ],
    });
  });

  it('counts each management request about the engine as "api" on its day', async () => {
    await setToday('2024-06-15');
    for (let index = 0; index < 3; index += 1) await api(t, t.a).get(`/v1/${hashid}/types`);
    await api(t, t.a).get(`/v1/${t.a.hashids[1]}/types`);
    const aggregates = body<Aggregates>(await api(t, t.a).get(`/v1/${hashid}/stats?from=20240615&to=20240615`));
    expect(aggregates.aggregates[0]).toMatchObject({ date: '2024-06-15', api: 3, requests: 3 });
  });

  it('pages with ?page=, with next and previous links, and answers pages past the last empty', async () => {
    const base = `/v1/${hashid}/stats?from=20240101&to=20240125`;
    const pages = await Promise.all(
      [1, 2, 3, 4].map(async (n) => body<Aggregates>(await api(t, t.a).get(`${base}&page=${n}`))),
    );
    expect(pages.map((p) => p.aggregates.length)).toEqual([10, 10, 5, 0]);
    expect(pages.map((p) => p.count)).toEqual([25, 25, 25, 25]);
    expect(pages[0]?.next).toBe(`${t.url}${base}&page=2`);
    expect(pages[1]?.previous).toBe(`${t.url}${base}&page=1`);
    expect(pages[2]?.next).toBeNull();
    expect(pages[3]?.next).toBeNull();
    expect(pages[2]?.aggregates[4]?.date).toBe('2024-01-25');
  });

  it('answers 400 for dates not in the YYYYMMDD format, or from after to', async () => {
    for (const query of [
      'from=2024-01-01',
      'to=20240230',
      'from=yesterday',
      'from[]=20240101',
      'from=20240105&to=20240101',
    ]) {
      const answer = await api(t, t.a).get(`/v1/${hashid}/stats?${query}`);
      expect(answer.status).toBe(400);
      expect(body<{ detail: string }>(answer).detail).toEqual(expect.any(String));
    }
  });

  it("is not readable with another account's key", async () => {
    expect((await api(t, t.b).get(`/v1/${hashid}/stats`)).status).toBe(404);
  });
});

const TOP_LISTS = [
  ['searches', 'searches'],
  ['clicked', 'clicked'],
  ['opportunities', 'opportunities'],
  ['noresults', 'noresults'],
] as const;

describe('the top lists', () => {
  it.each(TOP_LISTS)(
    'top_%s answers 202 "being processed" the first time a period is asked for, then 200',
    async (kind, key) => {
      const path = `/v1/${hashid}/stats/top_${kind}?from=20240301&to=20240305`;
      const first = await api(t, t.a).get(path);
      expect(first.status).toBe(202);
      expect(shapeDifferences(examples[`top_${kind}-generating`]?.response.body, first.json)).toEqual([]);
      expect(body(first)).toEqual({
        url: `${t.url}${path}`,
        message: 'Your stats request is being processed. Please check this url again later.',
      });
      expect(first.headers.get('link')).toBe(`<${t.url}${path}>`);

      // Still being generated until statsGenerationMs have passed on the sandbox clock.
      await advanceClock(t, GENERATION_MS);
      for (let again = 0; again < 2; again += 1) {
        const ready = await api(t, t.a).get(path);
        expect(ready.status).toBe(200);
        expect(body(ready)).toEqual({
          start: '2024-03-01',
          end: '2024-03-05',
          count: 0,
          next: null,
          previous: null,
          [key]: [],
        });
      }
      // Another period is another report.
      expect((await api(t, t.a).get(`/v1/${hashid}/stats/top_${kind}?from=20240301&to=20240306`)).status).toBe(202);
    },
  );

  it('a 202 without a query string links to the path followed by "?", as the document shows', async () => {
    const answer = await api(t, t.a).get(`/v1/${hashid}/stats/top_searches`);
    expect(answer.status).toBe(202);
    expect(answer.headers.get('link')).toBe(`<${t.url}/v1/${hashid}/stats/top_searches?>`);
  });

  async function ready<T>(path: string): Promise<T> {
    if ((await api(t, t.a).get(path)).status === 202) await advanceClock(t, GENERATION_MS);
    const answer = await api(t, t.a).get(path);
    expect(answer.status).toBe(200);
    return body<T>(answer);
  }

  it('top_searches counts every search term in the period, most frequent first', async () => {
    recordOn('2024-03-02', [...times(3, query('Lightsaber ')), ...times(2, query('r2d2'))]);
    recordOn('2024-03-03', [query('lightsaber'), query('portable x-wing', { total: 0 })]);
    recordOn('2024-03-06', [query('after the period')]);
    const path = `/v1/${hashid}/stats/top_searches?from=20240301&to=20240305`;
    const list = await ready<Record<string, unknown>>(path);
    expect(shapeDifferences(examples.top_searches?.response.body, list)).toEqual([]);
    expect(list).toMatchObject({
      count: 3,
      searches: [
        { count: 4, term: 'lightsaber' },
        { count: 2, term: 'r2d2' },
        { count: 1, term: 'portable x-wing' },
      ],
    });
  });

  it('top_clicked counts clicks per item with its title and link', async () => {
    const click = (id: string, title: string) => ({
      kind: 'click' as const,
      term: title,
      detail: `http://shop.example.com/products/${id}`,
      itemType: 'product',
      itemId: id,
    });
    recordOn('2024-03-02', [
      ...times(3, click('443', 'Red lightsaber')),
      click('12', 'Protocol Droid spare batteries'),
    ]);
    const list = await ready<Record<string, unknown>>(`/v1/${hashid}/stats/top_clicked?from=20240301&to=20240305`);
    expect(shapeDifferences(examples.top_clicked?.response.body, list)).toEqual([]);
    expect(list).toMatchObject({
      count: 2,
      clicked: [
        { count: 3, term: 'Red lightsaber', url: 'http://shop.example.com/products/443' },
        { count: 1, term: 'Protocol Droid spare batteries', url: 'http://shop.example.com/products/12' },
      ],
    });
  });

  it('top_opportunities counts the searches fuzzy or phonetic matching answered', async () => {
    recordOn('2024-03-02', [
      ...times(2, query('chocolate buiscuits', { queryName: 'fuzzy' })),
      query('free beer', { queryName: 'phonetic_text' }),
      query('exact', { queryName: 'match_and' }),
    ]);
    const list = await ready<Record<string, unknown>>(
      `/v1/${hashid}/stats/top_opportunities?from=20240301&to=20240305`,
    );
    expect(shapeDifferences(examples.top_opportunities?.response.body, list)).toEqual([]);
    expect(list).toMatchObject({
      opportunities: [
        { count: 2, term: 'chocolate buiscuits' },
        { count: 1, term: 'free beer' },
      ],
    });
  });

  it('top_noresults counts the searches that found nothing', async () => {
    recordOn('2024-03-02', [...times(2, query('neverending batteries', { total: 0 })), query('found', { total: 3 })]);
    const list = await ready<Record<string, unknown>>(`/v1/${hashid}/stats/top_noresults?from=20240301&to=20240305`);
    expect(shapeDifferences(examples.top_noresults?.response.body, list)).toEqual([]);
    expect(list).toMatchObject({ count: 1, noresults: [{ count: 2, term: 'neverending batteries' }] });
  });

  it('pages the top lists with ?page=; pages past the last are empty', async () => {
    recordOn(
      '2024-03-02',
      Array.from({ length: 23 }, (_, index) => query(`term ${String(index).padStart(2, '0')}`)),
    );
    const base = `/v1/${hashid}/stats/top_searches?from=20240301&to=20240305`;
    const first = await ready<{ count: number; next: string; searches: unknown[] }>(base);
    expect(first.count).toBe(23);
    expect(first.searches).toHaveLength(10);
    expect(first.next).toBe(`${t.url}${base}&page=2`);
    const third = body<{ next: null; searches: unknown[] }>(await api(t, t.a).get(`${base}&page=3`));
    expect(third.searches).toHaveLength(3);
    expect(third.next).toBeNull();
    const past = await api(t, t.a).get(`${base}&page=4`);
    expect(past.status).toBe(200);
    expect(body(past)).toMatchObject({ count: 23, next: null, searches: [] });
  });

  it('keeps each engine and each account to itself', async () => {
    recordOn('2024-03-02', [query('only on A2')], t.a.hashids[1]);
    const list = await ready<{ searches: unknown[] }>(`/v1/${hashid}/stats/top_searches?from=20240301&to=20240305`);
    expect(list.searches).toEqual([]);
    expect((await api(t, t.b).get(`/v1/${hashid}/stats/top_searches`)).status).toBe(404);
  });
});
