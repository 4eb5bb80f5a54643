/**
 * Bad input never crashes the sandbox or corrupts its state: hostile bodies, query strings
 * and headers each get a documented 4xx, and a seeded loop of random requests ends with
 * every item, type and engine as it should be.
 */
import { Faker, en } from '@faker-js/faker';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { engineByHashid } from '../../../main/sandbox/store/engines';
import { api, body, reseed, scrollAll, send, startTestSandbox, type Answer, type TestSandbox } from './harness';

let t: TestSandbox;
let hashid: string;
let itemsPath: string;

beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  await reseed(t);
  hashid = t.a.hashids[0] ?? '';
  itemsPath = `/v1/${hashid}/items/product`;
});

const nested = (depth: number, open: string, close: string, inner: string) =>
  `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

describe('hostile bodies', () => {
  it('an item nested 50,000 levels deep fails that item (400), it does not overflow the stack', async () => {
    for (const deep of [nested(50_000, '[', ']', '1'), nested(50_000, '{"a":', '}', '1')]) {
      const answer = await api(t, t.a).post(itemsPath, {
        body: `{"id": "DEEP", "x": ${deep}}`,
        headers: { 'Content-Type': 'application/json' },
      });
      expect(answer.status).toBe(400);
      expect(body(answer)).toMatchObject({
        detail: 'Some items were not indexed. ',
        unindexed_items: { DEEP: { status: '400', type: 'illegal_argument_exception' } },
      });
    }
    expect((await api(t, t.a).get(`${itemsPath}/DEEP`)).status).toBe(404);
  });

  it('Elasticsearch depth limit: 20 levels are stored, 21 are not', async () => {
    const at = (depth: number) =>
      JSON.parse(`{"id": "D${depth}", "x": ${nested(depth - 1, '{"a":', '}', '{}')}}`) as object;
    expect((await api(t, t.a).post(itemsPath, { body: at(20) })).status).toBe(201);
    const refused = await api(t, t.a).post(itemsPath, { body: at(21) });
    expect(refused.status).toBe(400);
    expect(body(refused)).toMatchObject({
      unindexed_items: {
        D21: { reason: `Limit of mapping depth [20] has been exceeded due to object field [x${'.a'.repeat(20)}]` },
      },
    });
  });

  it('a deep body in a bulk fails only its item, and a deep PATCH fails its item', async () => {
    const deep = JSON.parse(nested(100, '[', ']', '1')) as unknown;
    const bulk = await api(t, t.a).put(itemsPath, { body: [{ id: 'OK' }, { id: 'BAD', x: deep }] });
    expect(bulk.status).toBe(400);
    expect(Object.keys(body<{ unindexed_items: object }>(bulk).unindexed_items)).toEqual(['BAD']);
    expect((await api(t, t.a).get(`${itemsPath}/OK`)).status).toBe(200);
    const patch = await api(t, t.a).patch(`${itemsPath}/OK`, { body: { x: deep } });
    expect(patch.status).toBe(400);
    expect(body(await api(t, t.a).get(`${itemsPath}/OK`))).not.toHaveProperty('x');
  });

  it('keys like __proto__ and constructor are plain fields', async () => {
    const text = '{"id": "PROTO", "__proto__": {"polluted": true}, "constructor": {"prototype": 1}, "toString": 3}';
    const answer = await api(t, t.a).post(itemsPath, { body: text, headers: { 'Content-Type': 'application/json' } });
    expect(answer.status).toBe(201);
    const stored = await api(t, t.a).get(`${itemsPath}/PROTO`);
    expect(stored.text).toContain('"__proto__":{"polluted":true}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await api(t, t.a).get('/v1/searchengines')).status).toBe(200);
  });

  it('odd but valid values are stored as JSON can hold them', async () => {
    const text = '{"id": "ODD", "big": 1e400, "nul": "a\\u0000b", "lone": "\\ud800", "neg": -0, "e": ""}';
    const answer = await api(t, t.a).post(itemsPath, { body: text, headers: { 'Content-Type': 'application/json' } });
    expect(answer.status).toBe(201);
    expect(body(await api(t, t.a).get(`${itemsPath}/ODD`))).toMatchObject({
      id: 'ODD',
      big: null,
      nul: 'a\u0000b',
      e: '',
    });
  });

  it('ids that are not words answer 400 naming the item, never 500', async () => {
    for (const id of ['has space', 'a/b', '../x', '', 'ü']) {
      const answer = await api(t, t.a).put(itemsPath, { body: [{ id }] });
      expect(answer.status, id).toBe(id === '' ? 409 : 400);
    }
  });

  it('bodies that are not UTF-8 or not JSON at all answer 406', async () => {
    const bodies: Array<string | Buffer> = [Buffer.from([0xff, 0xfe, 0x00, 0x7b]), 'id=1&title=x', '<item/>', '\u0000'];
    for (const payload of bodies) {
      const answer = await api(t, t.a).post(itemsPath, {
        body: payload,
        headers: { 'Content-Type': 'application/json' },
      });
      expect(answer.status).toBe(406);
    }
  });
});

describe('hostile query strings and headers', () => {
  it('bracketed, repeated and huge query parameters answer 200 or 400, never 500', async () => {
    const queries = [
      'rpp[]=5',
      'rpp[a]=5',
      'rpp=5&rpp=6',
      'scroll_id[]=x',
      'scroll_id[a][b]=x',
      `scroll_id=${'x'.repeat(20_000)}`,
      'rpp=99999999999999999999999',
      'a[__proto__][x]=1',
      '%ZZ=1',
      '&&&=&=',
    ];
    for (const query of queries) {
      const answer = await api(t, t.a).get(`${itemsPath}?${query}`);
      // 431: a URL over Node's 16 KB header limit never reaches the sandbox.
      expect([200, 400, 404, 431], query.slice(0, 60)).toContain(answer.status);
    }
    for (const query of [
      'page[]=2',
      'page=-1',
      'page=1e9',
      'from[]=20240101',
      'to=99999999',
      'from=20240101&from=20240102',
    ]) {
      const answer = await api(t, t.a).get(`/v1/${hashid}/stats?${query}`);
      expect([200, 400], query).toContain(answer.status);
    }
  });

  it('odd Content-Types and Authorization headers answer 4xx or work, never 500', async () => {
    const contentTypes = [
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'text/plain; charset=latin1',
      'application/json; charset=utf-16',
      'nonsense',
      ';;;',
    ];
    for (const contentType of contentTypes) {
      const answer = await api(t, t.a).post(itemsPath, {
        body: '{"id": "CT"}',
        headers: { 'Content-Type': contentType },
      });
      expect(answer.status, contentType).toBeLessThan(500);
    }
    for (const authorization of [
      'Token ' + 'x'.repeat(10_000),
      'Token  ',
      'token ' + t.a.token,
      'Token\t' + t.a.token,
    ]) {
      const answer = await send(t.url, 'GET', '/v1/searchengines', { authorization });
      expect(answer.status).toBeLessThan(500);
    }
  });

  it('paths with odd segments answer 4xx, never 500', async () => {
    const paths = [
      `/v1/${hashid}/items/${'p'.repeat(600)}`,
      `/v1/${hashid}/items/product/${encodeURIComponent('a b')}`,
      `/v1/${hashid}/items/product/%ZZ`,
      `/v1/${hashid}/types/${encodeURIComponent(',,,')}`,
      `/v1/${'0'.repeat(32)}/items/product`,
      '/v1/searchengines/../searchengines',
    ];
    for (const path of paths) {
      for (const method of ['GET', 'DELETE']) {
        const answer = await api(t, t.a).request(method, path);
        expect(answer.status, `${method} ${path}`).toBeLessThan(500);
      }
    }
  });
});

// ---- The property loop -----------------------------------------------------------------

/** A random JSON value: mostly items and lists of items, with odd keys and values mixed in. */
function randomValue(faker: Faker, depth = 0): unknown {
  const pick = faker.number.int({ max: depth > 4 ? 5 : 9 });
  switch (pick) {
    case 0:
      return null;
    case 1:
      return faker.datatype.boolean();
    case 2:
      return faker.helpers.arrayElement([0, -0, 1.5, -1e308, 2 ** 53 + 1, faker.number.int()]);
    case 3:
      return faker.string.sample({ min: 0, max: 40 });
    case 4:
      return faker.helpers.arrayElement(['', '\u0000', '\ud800', 'ñ', '2024-01-01', '12', 'true', 'http://x.test/']);
    case 5:
      return faker.lorem.words(3);
    case 6:
    case 7:
      return randomItem(faker, depth + 1);
    default:
      return Array.from({ length: faker.number.int({ max: 4 }) }, () => randomValue(faker, depth + 1));
  }
}

function randomItem(faker: Faker, depth = 0): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  if (faker.number.int({ max: 3 }) > 0) {
    item.id = faker.helpers.arrayElement([
      `R${faker.number.int({ max: 30 })}`,
      faker.string.sample(5),
      faker.number.int({ max: 30 }),
      null,
      '',
    ]);
  }
  const keys = ['title', 'price', 'brand', 'df_manual_boost', 'df_indexed_text', '__proto__', 'constructor', 'ñ', ''];
  for (let index = faker.number.int({ max: 4 }); index > 0; index -= 1) {
    const key = faker.helpers.arrayElement([...keys, faker.string.sample(6)]);
    item[key] = randomValue(faker, depth + 1);
  }
  return item;
}

function randomBody(faker: Faker): string | Buffer | undefined {
  const valid = JSON.stringify(
    faker.datatype.boolean()
      ? randomItem(faker)
      : Array.from({ length: faker.number.int({ max: 6 }) }, () => randomItem(faker)),
  );
  switch (faker.number.int({ max: 8 })) {
    case 0:
      return undefined;
    case 8: {
      const depth = faker.number.int({ min: 15, max: 30_000 });
      return `{"id": "R1", "x": ${faker.datatype.boolean() ? nested(depth, '[', ']', '1') : nested(depth, '{"a":', '}', '1')}}`;
    }
    case 1:
      return valid.slice(0, faker.number.int({ max: valid.length })); // truncated
    case 2:
      return Buffer.from(Array.from({ length: faker.number.int({ max: 40 }) }, () => faker.number.int({ max: 255 })));
    case 3:
      return faker.helpers.arrayElement(['null', 'true', '1e999', '""', '[]', '{}', '[null]', '[[]]', ' ', '\u0000']);
    case 4:
      return JSON.stringify(randomValue(faker));
    default:
      return valid;
  }
}

function randomQuery(faker: Faker): string {
  const parts = Array.from({ length: faker.number.int({ max: 3 }) }, () => {
    const key = faker.helpers.arrayElement(['rpp', 'scroll_id', 'page', 'from', 'to', 'rpp[]', 'scroll_id[x]', 'x']);
    const value = faker.helpers.arrayElement([
      String(faker.number.int({ min: -5, max: 200 })),
      faker.string.alphanumeric(8),
      '20240101',
      '',
      encodeURIComponent(faker.string.sample(6)),
    ]);
    return `${key}=${value}`;
  });
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** Requests go to engine A2 only; engine A1 and account B are the witnesses that nothing leaks. */
function randomRequest(
  faker: Faker,
  scratch: string,
): { method: string; path: string; headers: Record<string, string> } {
  const type = faker.helpers.arrayElement(['product', 'product', 'other', 'bad name']);
  const id = faker.helpers.arrayElement(['R1', 'R2', `R${faker.number.int({ max: 30 })}`, 'x y', '-']);
  const path = faker.helpers.arrayElement([
    `/v1/${scratch}/items/${encodeURIComponent(type)}`,
    `/v1/${scratch}/items/${encodeURIComponent(type)}/${encodeURIComponent(id)}`,
    `/v1/${scratch}/types`,
    `/v1/${scratch}/types/${encodeURIComponent(type)}`,
    `/v1/${scratch}/stats`,
    `/v1/${scratch}/stats/top_searches`,
    `/v1/searchengines/${scratch}`,
    '/v1/searchengines',
    '/api/v2/stats/visit',
  ]);
  let method = faker.helpers.arrayElement(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
  // Deleting the engine or all of its types would make the rest of the loop trivial.
  if (method === 'DELETE' && (path.includes('/searchengines') || path.endsWith('/types/product'))) method = 'GET';
  const headers: Record<string, string> = {};
  const auth = faker.number.int({ max: 9 });
  if (auth < 7) headers.Authorization = `Token ${t.a.token}`;
  else if (auth === 7) headers.Authorization = `Token ${t.b.token}`;
  else if (auth === 8) headers.Authorization = faker.string.alphanumeric(12);
  if (faker.datatype.boolean()) {
    headers['Content-Type'] = faker.helpers.arrayElement([
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'x/y',
    ]);
  }
  return { method, path: `${path}${randomQuery(faker)}`, headers };
}

async function snapshot(account: { token: string }, engineHashid: string) {
  const types = body<string[]>(await api(t, account).get(`/v1/${engineHashid}/types`));
  const items: Record<string, unknown> = {};
  for (const type of types) items[type] = await scrollAll(t, account, engineHashid, type);
  const engine = body(await api(t, account).get(`/v1/searchengines/${engineHashid}`));
  return { engine, types, items };
}

describe('random requests (seeded)', () => {
  it.each([1, 2, 3])('seed %i: 250 random requests, no 5xx, and the state is intact afterwards', async (seed) => {
    const faker = new Faker({ locale: [en] });
    faker.seed(seed);
    const [witnessA, scratch] = t.a.hashids as [string, string];
    const witnessB = t.b.hashids[0] ?? '';
    const before = { a: await snapshot(t.a, witnessA), b: await snapshot(t.b, witnessB) };

    const failures: string[] = [];
    for (let round = 0; round < 250; round += 1) {
      const { method, path, headers } = randomRequest(faker, scratch);
      const payload = method === 'GET' ? undefined : randomBody(faker);
      let answer: Answer;
      try {
        answer = await send(t.url, method, path, { body: payload, headers, authorization: null });
      } catch (error) {
        failures.push(`${method} ${path}: no answer (${String(error)})`);
        continue;
      }
      if (answer.status >= 500 || (answer.status !== 204 && answer.json === undefined)) {
        failures.push(
          `${method} ${path} ${JSON.stringify(payload?.toString().slice(0, 200))}: ${answer.status} ${answer.text.slice(0, 200)}`,
        );
      }
    }
    expect(failures).toEqual([]);

    // The witnesses are exactly as they were.
    expect(await snapshot(t.a, witnessA)).toEqual(before.a);
    expect(await snapshot(t.b, witnessB)).toEqual(before.b);
    // The scratch engine is consistent: every type scrolls to its count, every item reads
    // back as scrolled, and the search index holds one row per item.
    const types = body<string[]>(await api(t, t.a).get(`/v1/${scratch}/types`));
    let total = 0;
    for (const type of types) {
      const items = await scrollAll(t, t.a, scratch, type);
      const { count } = body<{ count: number }>(await api(t, t.a).get(`/v1/${scratch}/items/${type}`));
      expect(items).toHaveLength(count);
      total += count;
      for (const item of items.slice(0, 20)) {
        const read = await api(t, t.a).get(`/v1/${scratch}/items/${type}/${encodeURIComponent(String(item.id))}`);
        expect(read.json).toEqual(item);
      }
    }
    const { db } = t.sandbox.ctx;
    const engineId = engineByHashid(db, scratch)?.id ?? -1;
    const ftsExists =
      db.prepare('SELECT count(*) FROM sqlite_master WHERE name = ?').pluck().get(`fts_e${engineId}`) === 1;
    if (ftsExists) expect(db.prepare(`SELECT count(*) FROM fts_e${engineId}`).pluck().get()).toBe(total);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
