/**
 * The official Python client, pydoof 2.5.2, against the sandbox: every Management API call
 * it can make, replayed exactly (see pydoof-port.ts), and every field it reads checked. It
 * cannot be installed here (no PyPI); its source is at doofinder/pydoof, tag v2.5.2.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recordEvent } from '../../../main/sandbox/stats/events';
import { engineByHashid } from '../../../main/sandbox/store/engines';
import { advanceClock, body, control, reseed, startTestSandbox, type TestSandbox } from './harness';
import {
  BadRequest,
  ManagementApiClient,
  NotAllowed,
  NotFound,
  NotProcessedResponse,
  OBTAIN_ID,
  QuotaExhausted,
  REQUESTS_DEFAULT_HEADERS,
  SearchEngine,
  pythonJsonDumps,
} from './pydoof-port';

let t: TestSandbox;
let client: ManagementApiClient;
let engine: SearchEngine;

beforeAll(async () => {
  t = await startTestSandbox({ config: { statsGenerationMs: 1_000 } });
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  await reseed(t);
  client = new ManagementApiClient(`${t.url}/v1`, t.a.apiKey);
  engine = new SearchEngine(client, t.a.hashids[0] ?? '');
});

interface Logged {
  method: string;
  path: string;
  query: string;
  status: number;
  authorization: string | null;
  contentType: string | null;
  bodyBytes: number;
}

async function seen(): Promise<Logged[]> {
  return body<{ requests: Logged[] }>(await control(t, 'GET', '/requests')).requests;
}

describe('the requests pydoof makes', () => {
  it('are what python-requests sends: token header, JSON content type on every call, Python JSON bodies', async () => {
    await control(t, 'DELETE', '/requests');
    expect(await engine.addItem('product', { id: 'N1', title: 'El baño', price: 2.5 })).toBe('N1');
    // Python 2 escaped the ñ; the item stored is what the Python client meant.
    expect(await engine.getItem('product', 'N1')).toMatchObject({ title: 'El baño', price: 2.5 });
    expect(await engine.deleteItem('product', 'N1')).toBe(true);
    const [post, get, remove] = client.sent;
    expect(post?.body).toBe('{"id": "N1", "title": "El ba\\u00f1o", "price": 2.5}');
    expect(post?.headers).toEqual({
      ...REQUESTS_DEFAULT_HEADERS,
      Authorization: `Token ${t.a.token}`,
      'Content-Type': 'application/json',
      'Content-Length': String(post?.body?.length),
    });
    expect(get?.headers).not.toHaveProperty('Content-Length');
    expect(remove?.headers['Content-Length']).toBe('0');
    // The sandbox saw them as sent, and answered the body-less JSON DELETE normally.
    const log = await seen();
    expect(log.map((entry) => [entry.method, entry.status])).toEqual([
      ['POST', 201],
      ['GET', 200],
      ['DELETE', 204],
    ]);
    expect(log.every((entry) => entry.contentType === 'application/json')).toBe(true);
    expect(log[2]?.bodyBytes).toBe(0);
    expect(log[0]?.authorization).toBe(`Token ********${t.a.token.slice(-4)}`);
  });

  it('read the API root at /v1/ (with the slash) and list engines from it', async () => {
    const engines = await SearchEngine.all(client);
    expect(client.sent[0]?.url).toBe(`${t.url}/v1/`);
    expect(engines.map((found) => [found.hashid, found.name])).toEqual([
      [t.a.hashids[0], 'Shop A1'],
      [t.a.hashids[1], 'Shop A2'],
    ]);
  });
});

describe('types', () => {
  it('get_types, add_type and delete_type', async () => {
    expect(await engine.getTypes()).toEqual(['product', 'article']);
    expect(await engine.addType('new_type')).toEqual(['product', 'article', 'new_type']);
    expect(client.sent[1]?.body).toBe('{"name": "new_type"}');
    // pydoof 2.5.2 expects 204 from a type deletion; the document (and the sandbox) answer 202.
    expect(await engine.deleteType('new_type')).toBe(false);
    expect(await engine.getTypes()).toEqual(['product', 'article']);
  });

  it('add_type of an existing type raises BadRequest (409)', async () => {
    await expect(engine.addType('product')).rejects.toThrow(BadRequest);
    await expect(engine.addType('product')).rejects.toThrow(/The type is already created/);
  });
});

describe('items', () => {
  it('add_item and add_items find the ids in df_url with their expression', async () => {
    expect(await engine.addItem('product', { id: 'AAX023', title: 'sample product' })).toBe('AAX023');
    const madeUp = await engine.addItem('product', { title: 'no id' });
    expect(madeUp).toMatch(/^[\w-]+$/);
    expect((await engine.getItem('product', madeUp)).title).toBe('no id');
    expect(await engine.addItems('product', [{ id: 'AAX024' }, { id: 'with-dash_1' }, { title: 'no id' }])).toEqual([
      'AAX024',
      'with-dash_1',
      expect.stringMatching(/^[\w-]+$/),
    ]);
  });

  it('get_item answers the item with its df_url', async () => {
    const item = await engine.getItem('product', 'P001');
    expect(item).toMatchObject({ id: 'P001', title: 'P item 1', df_manual_boost: 1, df_indexed_text: null });
    expect(OBTAIN_ID.exec(String(item.df_url))?.groups).toEqual({ hashid: engine.hashid, id: 'P001' });
  });

  it('update_item is True for an existing item (200), update_items True for a list', async () => {
    expect(await engine.updateItem('product', 'P001', { title: 'changed', id: 'ignored' })).toBe(true);
    expect((await engine.getItem('product', 'P001')).title).toBe('changed');
    // A new id answers 201, which pydoof does not count as True; the item is created all the same.
    expect(await engine.updateItem('product', 'NEW', { title: 'new' })).toBeUndefined();
    expect(
      await engine.updateItems('product', [
        { id: 'P002', title: 'a' },
        { id: 'NEW2', title: 'b' },
      ]),
    ).toBe(true);
    expect((await engine.getItem('product', 'NEW2')).title).toBe('b');
  });

  it('delete_item is True (204), then get_item raises NotFound', async () => {
    expect(await engine.deleteItem('product', 'P003')).toBe(true);
    await expect(engine.getItem('product', 'P003')).rejects.toThrow(NotFound);
  });

  it('items() scrolls every item: count as len(), scroll_id from each page, stop on an empty page', async () => {
    await engine.addItems(
      'product',
      Array.from({ length: 30 }, (_, index) => ({ id: `S${index}`, title: `scrolled ${index}` })),
    );
    await control(t, 'DELETE', '/requests');
    const iterator = engine.items('product');
    const all = await iterator.toArray();
    expect(await iterator.length()).toBe(55);
    expect(new Set(all.map((item) => item.id)).size).toBe(55);
    const log = (await seen()).filter((entry) => entry.path.endsWith('/items/product'));
    // 10 a page (pydoof never sends rpp): six pages, then the empty one that stops it.
    expect(log).toHaveLength(7);
    expect(log[0]?.query).toBe('');
    expect(log.slice(1).every((entry) => /^scroll_id=[\w-]+$/.test(entry.query))).toBe(true);
    expect(log.every((entry) => entry.status === 200)).toBe(true);
  });
});

describe('stats', () => {
  function record(day: string, events: Array<Parameters<typeof recordEvent>[1]>): void {
    const { ctx } = t.sandbox;
    const offset = ctx.clock.offset();
    ctx.clock.setOffset(Date.parse(`${day}T12:00:00Z`) - Date.now());
    for (const event of events) recordEvent(ctx, event);
    ctx.clock.setOffset(offset);
  }

  it('stats(from, to) pages through the aggregates until a page comes back empty', async () => {
    await control(t, 'DELETE', '/requests');
    const iterator = await engine.stats('20240101', '20240125');
    const days = await iterator.toArray();
    expect(iterator.total).toBe(25);
    expect(days.map((day) => day.date)).toHaveLength(25);
    expect(days[24]).toEqual({
      date: '2024-01-25',
      searches: 0,
      clicks: 0,
      api: 0,
      parser: 0,
      queries: 0,
      requests: 0,
    });
    const queries = (await seen()).map((entry) => new URLSearchParams(entry.query));
    expect(queries.map((query) => query.get('page'))).toEqual([null, '2', '3', '4']);
    expect(queries.every((query) => query.get('from') === '20240101' && query.get('to') === '20240125')).toBe(true);
  });

  it('top_terms raises NotProcessedResponse while the period is generated, then pages through it', async () => {
    const engineId = engineByHashid(t.sandbox.ctx.db, engine.hashid)?.id ?? 0;
    record(
      '2024-02-10',
      Array.from({ length: 14 }, (_, index) => ({
        engineId,
        kind: 'query' as const,
        term: `term ${index}`,
        total: 0,
        queryName: 'fuzzy',
        detail: 'new',
      })),
    );
    for (const term of ['searches', 'opportunities', 'clicked']) {
      await expect(engine.topTerms(term, '20240201', '20240228')).rejects.toThrow(NotProcessedResponse);
    }
    await advanceClock(t, 1_000);
    const searches = await engine.topTerms('searches', '20240201', '20240228');
    expect(searches.total).toBe(14);
    expect((await searches.toArray()).map((entry) => entry.term)).toHaveLength(14);
    expect(await (await engine.topTerms('opportunities', '20240201', '20240228')).toArray()).toHaveLength(14);
    expect(await (await engine.topTerms('clicked', '20240201', '20240228')).toArray()).toEqual([]);
    expect(() => engine.topTerms('noresults')).toThrow(BadRequest);
  });
});

describe('errors, as pydoof maps them', () => {
  it('a wrong key raises NotAllowed, an unknown engine NotFound, a spent plan QuotaExhausted', async () => {
    const wrong = new SearchEngine(new ManagementApiClient(`${t.url}/v1`, 'eu1-0000'), engine.hashid);
    await expect(wrong.getTypes()).rejects.toThrow(NotAllowed);
    await expect(new SearchEngine(client, t.b.hashids[0] ?? '').getTypes()).rejects.toThrow(NotFound);
    await control(t, 'POST', '/quota', { apiKey: t.a.apiKey, monthly: 0 });
    await expect(engine.getTypes()).rejects.toThrow(QuotaExhausted);
  });

  it('406 and 413 raise BadRequest with the message', async () => {
    await expect(engine.updateItems('product', [])).rejects.toThrow(/There are no items to add/);
    const tooMany = Array.from({ length: 101 }, (_, index) => ({ id: `T${index}` }));
    await expect(engine.addItems('product', tooMany)).rejects.toThrow(/Too many items in bulk operation/);
  });
});

describe('pythonJsonDumps (the replay is only as good as it)', () => {
  it("writes what Python 2's json.dumps writes", () => {
    expect(pythonJsonDumps({ a: [1, 2.5, 'ñ', null, true], b: {} })).toBe(
      '{"a": [1, 2.5, "\\u00f1", null, true], "b": {}}',
    );
  });
});
