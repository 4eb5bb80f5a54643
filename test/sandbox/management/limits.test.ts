/**
 * Management v1 limits and errors, each as management-api-v1.md words it: 401, the
 * 2 requests/s limit and the monthly plan (429), bulk and body sizes (413), wrong request
 * data (406), conflicts (409), switched-off methods (405), and one account never reaching
 * another's engines.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Throttle } from '../../../main/sandbox/http/throttle';
import { advanceClock, api, body, control, fixture, reseed, send, startTestSandbox, type TestSandbox } from './harness';

const documented = fixture('management-errors.json') as unknown as Record<string, { messages: string[] }>;
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

/** The answer carries one of the messages "API Errors" lists for its status, word for word. */
function expectDocumented(answer: { status: number; json: unknown }, status: number, message: string): void {
  expect({ status: answer.status, body: answer.json }).toEqual({ status, body: { detail: message } });
  const listed = (documented[String(status)]?.messages ?? []).map((text) => text.replace('<type>', 'product'));
  expect(listed).toContain(message);
}

const many = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `M${index}`, title: `m ${index}` }));

describe('401: authentication', () => {
  const paths = () => ['/v1/', '/v1/searchengines', `/v1/${hashid}/types`, itemsPath, `/v1/${hashid}/stats`];

  it('answers the documented message without a token, with a wrong one, or with another scheme', async () => {
    const headers: Array<string | null> = [
      null,
      'Token wrong',
      `Bearer ${t.a.token}`,
      t.a.token,
      'Token',
      `Basic ${t.a.token}`,
    ];
    for (const path of paths()) {
      for (const authorization of headers) {
        const answer = await send(t.url, 'GET', path, { authorization });
        expectDocumented(answer, 401, 'Autentication credentials where not provided');
        expect(answer.headers.get('www-authenticate')).toBe('Token');
      }
    }
  });

  it('checks the token before anything else, the body included', async () => {
    const answer = await send(t.url, 'POST', itemsPath, { authorization: 'Token nope', body: '{broken' });
    expect(answer.status).toBe(401);
  });
});

describe("one account's key and another's engines", () => {
  it('answers 404 for every endpoint of an engine the key does not own, and changes nothing', async () => {
    const other = t.b.hashids[0] ?? '';
    const before = await api(t, t.b).get(`/v1/${other}/items/product?rpp=100`);
    const attempts: Array<[string, string, unknown?]> = [
      ['GET', `/v1/searchengines/${other}`],
      ['PUT', `/v1/searchengines/${other}`, { name: 'x', site_url: 'http://x.com/', language: 'en', currency: 'EUR' }],
      ['PATCH', `/v1/searchengines/${other}`, { name: 'x' }],
      ['DELETE', `/v1/searchengines/${other}`],
      ['GET', `/v1/${other}/types`],
      ['POST', `/v1/${other}/types`, { name: 'stolen' }],
      ['GET', `/v1/${other}/types/product`],
      ['PUT', `/v1/${other}/types/product`, { sources: [] }],
      ['DELETE', `/v1/${other}/types/_all`],
      ['GET', `/v1/${other}/items/product`],
      ['POST', `/v1/${other}/items/product`, { id: 'B000', title: 'overwritten' }],
      ['PUT', `/v1/${other}/items/product`, [{ id: 'B000' }]],
      ['PATCH', `/v1/${other}/items/product`, [{ id: 'B000', title: 'x' }]],
      ['DELETE', `/v1/${other}/items/product`, [{ id: 'B000' }]],
      ['GET', `/v1/${other}/items/product/B000`],
      ['PUT', `/v1/${other}/items/product/B000`, { title: 'x' }],
      ['PATCH', `/v1/${other}/items/product/B000`, { title: 'x' }],
      ['DELETE', `/v1/${other}/items/product/B000`],
      ['GET', `/v1/${other}/stats`],
      ['GET', `/v1/${other}/stats/top_searches`],
    ];
    for (const [method, path, payload] of attempts) {
      const answer = await api(t, t.a).request(method, path, { body: payload });
      expect({ method, path, status: answer.status, body: answer.json }).toEqual({
        method,
        path,
        status: 404,
        body: { detail: 'Not found.' },
      });
    }
    const after = await api(t, t.b).get(`/v1/${other}/items/product?rpp=100`);
    expect(body(after).results).toEqual(body(before).results);
    expect(body(await api(t, t.b).get(`/v1/${other}/types`))).toEqual(['product']);
  });
});

describe('429: 2 requests per second per account', () => {
  it('is the default limit', async () => {
    const fresh = await startTestSandbox({ config: { managementRatePerSecond: 2 } });
    try {
      expect(body(await control(fresh, 'GET', '/config'))).toMatchObject({ managementRatePerSecond: 2 });
    } finally {
      await fresh.close();
    }
  });

  it('answers the third request within a second with 429 and Retry-After, per account', async () => {
    // The limit counts real time; a frozen time source makes "within a second" exact.
    let now = 1_000_000;
    const { ctx } = t.sandbox;
    const original = ctx.throttles.management;
    ctx.config.managementRatePerSecond = 2;
    ctx.throttles.management = new Throttle(
      () => ctx.config.managementRatePerSecond,
      () => now,
    );
    try {
      expect((await api(t, t.a).get('/v1/searchengines')).status).toBe(200);
      now += 400;
      expect((await api(t, t.a).get(`/v1/${hashid}/types`)).status).toBe(200);
      now += 400;
      const third = await api(t, t.a).get('/v1/searchengines');
      expect(third.status).toBe(429);
      expect(body(third)).toEqual({ detail: 'Request was throttled. Expected available in 1 second.' });
      expect(third.headers.get('retry-after')).toBe('1');
      // Another account has its own allowance.
      expect((await api(t, t.b).get('/v1/searchengines')).status).toBe(200);
      // A second after the first request, one more fits again.
      now += 200;
      expect((await api(t, t.a).get('/v1/searchengines')).status).toBe(200);
      expect((await api(t, t.a).get('/v1/searchengines')).status).toBe(429);
      const log = body<{ requests: Array<{ status: number; outcome: string | null }> }>(
        await control(t, 'GET', '/requests'),
      );
      expect(log.requests.filter((entry) => entry.status === 429).map((entry) => entry.outcome)).toEqual([
        'limit:429',
        'limit:429',
      ]);
    } finally {
      ctx.throttles.management = original;
      ctx.config.managementRatePerSecond = null;
    }
  });
});

describe('429: the monthly plan', () => {
  it('answers "Requests Limit Reached" once the plan is spent, until the next month', async () => {
    const set = await control(t, 'POST', '/quota', { apiKey: t.a.apiKey, monthly: 3 });
    expect(set.status).toBe(200);
    for (let used = 0; used < 3; used += 1) expect((await api(t, t.a).get('/v1/searchengines')).status).toBe(200);
    const spent = await api(t, t.a).get(`/v1/${hashid}/types`);
    expectDocumented(spent, 429, 'Requests Limit Reached');
    expect((await api(t, t.a).post(itemsPath, { body: { id: 'Q' } })).status).toBe(429);
    expect((await api(t, t.a).get(`${itemsPath}/Q`)).status).toBe(429);
    // Other accounts have their own plans.
    expect((await api(t, t.b).get('/v1/searchengines')).status).toBe(200);
    // A month later (on the sandbox clock) the plan starts again.
    await advanceClock(t, 32 * 86_400_000);
    expect((await api(t, t.a).get('/v1/searchengines')).status).toBe(200);
  });

  it('is lifted with monthly: null, and takes the token without its zone too', async () => {
    await control(t, 'POST', '/quota', { apiKey: t.a.apiKey, monthly: 0 });
    expect((await api(t, t.a).get('/v1/searchengines')).status).toBe(429);
    await control(t, 'POST', '/quota', { apiKey: t.a.token, monthly: null });
    expect((await api(t, t.a).get('/v1/searchengines')).status).toBe(200);
  });

  it('answers 404 for an unknown key', async () => {
    expect((await control(t, 'POST', '/quota', { apiKey: 'eu1-unknown', monthly: 1 })).status).toBe(404);
  });
});

describe('413: sizes', () => {
  it('takes 100 items in a bulk and refuses 101 with "Too many items in bulk operation", storing none', async () => {
    expect((await api(t, t.a).post(itemsPath, { body: many(100) })).status).toBe(200);
    const writes = [
      () => api(t, t.a).post(itemsPath, { body: many(101) }),
      () => api(t, t.a).put(itemsPath, { body: many(101) }),
      () => api(t, t.a).patch(itemsPath, { body: many(101) }),
      () => api(t, t.a).delete(itemsPath, { body: many(101) }),
    ];
    await api(t, t.a).delete(itemsPath, { body: many(100) });
    for (const write of writes) expectDocumented(await write(), 413, 'Too many items in bulk operation');
    expect(body<{ count: number }>(await api(t, t.a).get(itemsPath)).count).toBe(25);
  });

  it('refuses bodies over 8 MB with 413, and takes one just under', async () => {
    const limit = 8 * 1024 * 1024;
    const filler = 'x'.repeat(150_000);
    const under = JSON.stringify(Array.from({ length: 55 }, (_, index) => ({ id: `BIG${index}`, text: filler })));
    expect(under.length).toBeLessThan(limit);
    expect(under.length).toBeGreaterThan(limit - 200_000);
    const accepted = await api(t, t.a).post(itemsPath, {
      body: under,
      headers: { 'Content-Type': 'application/json' },
    });
    expect(accepted.status).toBe(200);
    const over = `[${'{"id":"x"},'.repeat(Math.ceil(limit / 11))}{"id":"y"}]`;
    expect(over.length).toBeGreaterThan(limit);
    const refused = await api(t, t.a).post(itemsPath, { body: over, headers: { 'Content-Type': 'application/json' } });
    expect(refused.status).toBe(413);
    expect(body(refused)).toEqual({ detail: 'Payload Too Large' });
    expect((await api(t, t.a).get('/v1/searchengines')).status).toBe(200);
  });
});

describe('406: wrong request data', () => {
  const json = { 'Content-Type': 'application/json' };

  it('"put/post operation needs proper JSON to be submitted" for malformed JSON on every write', async () => {
    const writes: Array<[string, string]> = [
      ['POST', itemsPath],
      ['PUT', itemsPath],
      ['PATCH', itemsPath],
      ['DELETE', itemsPath],
      ['PUT', `${itemsPath}/P001`],
      ['PATCH', `${itemsPath}/P001`],
    ];
    for (const [method, path] of writes) {
      for (const broken of ['{"id": "x"', "{'id': 'x'}", '[{"id": "x"},]', 'undefined', '{"a": NaN}']) {
        const answer = await api(t, t.a).request(method, path, { body: broken, headers: json });
        expectDocumented(answer, 406, 'put/post operation needs proper JSON to be submitted');
      }
    }
  });

  it('"Please specify some item to index" for a one-item write without an item', async () => {
    for (const method of ['POST', 'PUT', 'PATCH']) {
      const path = method === 'POST' ? itemsPath : `${itemsPath}/P001`;
      for (const nothing of [undefined, 'null', '   ']) {
        const answer = await api(t, t.a).request(method, path, { body: nothing, headers: json });
        expectDocumented(answer, 406, 'Please specify some item to index');
      }
    }
  });

  it('"There are no items to add" for an empty bulk', async () => {
    for (const method of ['POST', 'PUT', 'PATCH']) {
      expectDocumented(await api(t, t.a).request(method, itemsPath, { body: [] }), 406, 'There are no items to add');
    }
    expectDocumented(await api(t, t.a).put(itemsPath, { body: '', headers: json }), 406, 'There are no items to add');
  });

  it('"Bulk operatio needs a list of items" for a bulk write without a list', async () => {
    for (const method of ['PUT', 'PATCH']) {
      for (const notList of [{ id: 'P001' }, 'P001', 3]) {
        const answer = await api(t, t.a).request(method, itemsPath, { body: JSON.stringify(notList), headers: json });
        expectDocumented(answer, 406, 'Bulk operatio needs a list of items');
      }
    }
    expectDocumented(
      await api(t, t.a).post(itemsPath, { body: [{ id: 'x' }, 'y'] }),
      406,
      'Bulk operatio needs a list of items',
    );
  });

  it('"Single item op attempted with a list of items" for a list sent to one item', async () => {
    for (const method of ['PUT', 'PATCH']) {
      const answer = await api(t, t.a).request(method, `${itemsPath}/P001`, { body: [{ id: 'P001', title: 'x' }] });
      expectDocumented(answer, 406, 'Single item op attempted with a list of items');
    }
  });

  it('"A list of ids should be provided" for a bulk delete without ids', async () => {
    for (const payload of [undefined, [], [{ title: 'no id' }], ['P001'], { id: 'P001' }]) {
      const answer = await api(t, t.a).delete(itemsPath, { body: payload });
      expectDocumented(answer, 406, 'A list of ids should be provided');
    }
    expect(body<{ count: number }>(await api(t, t.a).get(itemsPath)).count).toBe(25);
  });
});

describe('409: conflicts', () => {
  it('"Undefined type. Please create it first" for items of a type that does not exist', async () => {
    const path = `/v1/${hashid}/items/nothing`;
    const attempts: Array<[string, string, unknown?]> = [
      ['GET', path],
      ['POST', path, { id: 'x' }],
      ['PUT', path, [{ id: 'x' }]],
      ['PATCH', path, [{ id: 'x' }]],
      ['DELETE', path, [{ id: 'x' }]],
      ['GET', `${path}/x`],
      ['PUT', `${path}/x`, { title: 'x' }],
      ['PATCH', `${path}/x`, { title: 'x' }],
      ['DELETE', `${path}/x`],
    ];
    for (const [method, url, payload] of attempts) {
      expectDocumented(
        await api(t, t.a).request(method, url, { body: payload }),
        409,
        'Undefined type. Please create it first',
      );
    }
    expect(body(await api(t, t.a).get(`/v1/${hashid}/types`))).toEqual(['product', 'article']);
  });

  it('the documented message for each other conflict', async () => {
    expectDocumented(
      await api(t, t.a).post(`/v1/${hashid}/types`, { body: { name: 'product' } }),
      409,
      'The type is already created',
    );
    expectDocumented(
      await api(t, t.a).put(itemsPath, { body: [{ title: 'x' }] }),
      409,
      "Some items don't have required 'id' field",
    );
    await control(t, 'PUT', `/engines/${hashid}`, { type_kinds: { product: 'crawling' } });
    expectDocumented(
      await api(t, t.a).post(itemsPath, { body: { id: 'x' } }),
      409,
      'You can not modify the product type using the API',
    );
    await api(t, t.a).delete(`/v1/${hashid}/types/article`);
    expectDocumented(
      await api(t, t.a).post(`/v1/${hashid}/items/product`, { body: { id: 'x' } }),
      409,
      'Indexing operation in progress',
    );
  });
});

describe('405: methods switched off', () => {
  it('answers "That operation is not allowed" for the methods and paths a notAllowed fault names', async () => {
    await control(t, 'POST', '/faults', { rules: [{ path: '/items/', methods: ['DELETE', 'PUT'], notAllowed: true }] });
    expectDocumented(await api(t, t.a).delete(`${itemsPath}/P001`), 405, 'That operation is not allowed');
    expectDocumented(
      await api(t, t.a).put(itemsPath, { body: [{ id: 'P001' }] }),
      405,
      'That operation is not allowed',
    );
    expect((await api(t, t.a).get(`${itemsPath}/P001`)).status).toBe(200);
    // DELETE elsewhere is not switched off.
    expect((await api(t, t.a).delete(`/v1/searchengines/${t.a.hashids[1]}`)).status).toBe(204);
    await control(t, 'DELETE', '/faults');
    expect((await api(t, t.a).delete(`${itemsPath}/P001`)).status).toBe(204);
  });
});
