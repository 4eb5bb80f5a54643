/**
 * The control API (`/_sandbox/...`, not part of Doofinder): reset, seed, faults, quota, the
 * request log, the clock, config, engine settings and accounts, as tests and benchmarks use them.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  api,
  body,
  control,
  reseed,
  send,
  startTestSandbox,
  TOKEN_A,
  twoAccounts,
  type Answer,
  type TestSandbox,
} from '../management/harness';

let t: TestSandbox;
let hashid: string;

beforeAll(async () => {
  t = await startTestSandbox({ config: { scrollTtlMs: 60_000 } });
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  await reseed(t);
  hashid = t.a.hashids[0] ?? '';
});

async function statuses(count: number, path = '/v1/searchengines'): Promise<number[]> {
  const seen: number[] = [];
  for (let index = 0; index < count; index += 1) {
    try {
      seen.push((await api(t, t.a).get(path)).status);
    } catch {
      seen.push(0); // the connection was dropped
    }
  }
  return seen;
}

describe('GET /_sandbox', () => {
  it('lists the control endpoints', async () => {
    const answer = await control(t, 'GET', '');
    expect(answer.status).toBe(200);
    expect(Object.keys(body<{ endpoints: object }>(answer).endpoints)).toEqual(
      expect.arrayContaining(['POST /_sandbox/reset', 'POST /_sandbox/seed', 'GET|POST|DELETE /_sandbox/faults']),
    );
  });
});

describe('reset', () => {
  it('empties everything: accounts, faults, the clock, the request log, and config changes', async () => {
    await control(t, 'POST', '/faults', { rules: [{ path: '^/v1/nothing$', error5xx: 1 }] });
    await control(t, 'POST', '/clock', { advanceMs: 3_600_000 });
    await control(t, 'POST', '/config', { scrollTtlMs: 5, bulkLimit: 3 });
    await api(t, t.a).get('/v1/searchengines');
    expect(body(await control(t, 'POST', '/reset'))).toEqual({ reset: true });
    expect(body(await control(t, 'GET', '/accounts'))).toEqual({ accounts: [] });
    expect(body(await control(t, 'GET', '/faults'))).toEqual({ rules: [] });
    expect(body(await control(t, 'GET', '/clock'))).toMatchObject({ offsetMs: 0 });
    expect(body(await control(t, 'GET', '/requests'))).toEqual({ requests: [] });
    // Back to how this sandbox was started (scrollTtlMs 60 s), not to the documented defaults.
    expect(body(await control(t, 'GET', '/config'))).toMatchObject({ scrollTtlMs: 60_000, bulkLimit: 100 });
    expect((await api(t, t.a).get('/v1/searchengines')).status).toBe(401);
  });

  it('seeds the sample catalog again with {"seed": "default"}', async () => {
    const answer = await control(t, 'POST', '/reset', { seed: 'default' });
    expect(answer.status).toBe(200);
    const seeded = body<{
      accounts: Array<{ apiKey: string; engines: Array<{ name: string; types: Record<string, number> }> }>;
    }>(answer);
    expect(seeded.accounts).toHaveLength(1);
    expect(seeded.accounts[0]?.apiKey).toMatch(/^eu1-[a-f0-9]{40}$/);
    expect(seeded.accounts[0]?.engines.map((engine) => engine.name)).toEqual(['Fashion store', 'Outdoor shop']);
    for (const engine of seeded.accounts[0]?.engines ?? []) expect(engine.types.product).toBeGreaterThan(0);
  });
});

describe('seed', () => {
  it('adds accounts, engines, types and items, answering keys and hashids', async () => {
    const answer = await control(t, 'POST', '/seed', {
      accounts: [
        { zone: 'us1', engines: [{ name: 'Extra', types: [{ name: 'page', items: [{ id: 1, title: 'x' }] }] }] },
      ],
    });
    expect(answer.status).toBe(200);
    const { accounts } = body<{
      accounts: Array<{ apiKey: string; engines: Array<{ hashid: string; types: object }> }>;
    }>(answer);
    const [account] = accounts;
    expect(account?.apiKey).toMatch(/^us1-[a-f0-9]{40}$/);
    expect(account?.engines[0]?.types).toEqual({ page: 1 });
    const token = (account?.apiKey ?? '').slice(4);
    const item = await api(t, { token }).get(`/v1/${account?.engines[0]?.hashid}/items/page/1`);
    expect(body(item)).toMatchObject({ id: '1', title: 'x' });
    // The accounts seeded before are still there.
    expect((await api(t, t.a).get('/v1/searchengines')).status).toBe(200);
  });

  it('answers 400 with the issues for a description it does not take', async () => {
    const answer = await control(t, 'POST', '/seed', { accounts: [{ zone: 'mars', engines: [{ types: [] }] }] });
    expect(answer.status).toBe(400);
    expect(body<{ issues: Array<{ path: string }> }>(answer).issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['accounts.0.zone', 'accounts.0.engines.0.name']),
    );
    expect((await control(t, 'POST', '/seed', '{nope')).status).toBe(400);
  });

  it('answers 409, adding nothing, when a token or hashid is taken', async () => {
    const before = body<{ accounts: unknown[] }>(await control(t, 'GET', '/accounts')).accounts.length;
    const again = await control(t, 'POST', '/seed', twoAccounts());
    expect(again.status).toBe(409);
    expect(body<{ error: string }>(again).error).toEqual(expect.any(String));
    expect(body<{ accounts: unknown[] }>(await control(t, 'GET', '/accounts')).accounts).toHaveLength(before);
  });
});

describe('faults', () => {
  it('5xx: 500 and 503 with a JSON detail, 502 as a proxy HTML page', async () => {
    await control(t, 'POST', '/faults', { rules: [{ error5xx: 1 }], seed: 1 });
    const answers: Answer[] = [];
    for (let index = 0; index < 30; index += 1) answers.push(await api(t, t.a).get('/v1/searchengines'));
    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([500, 502, 503]));
    for (const answer of answers) {
      if (answer.status === 502) {
        expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
        expect(answer.text).toContain('502 Bad Gateway');
      } else {
        expect(body(answer)).toEqual({ detail: 'A server error occurred.' });
      }
    }
  });

  it('429 with Retry-After', async () => {
    await control(t, 'POST', '/faults', { rules: [{ status429: 1 }] });
    const answer = await api(t, t.a).get('/v1/searchengines');
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('1');
    expect(body(answer)).toEqual({ detail: 'Request was throttled. Expected available in 1 second.' });
  });

  it('dropped connections: the client gets no answer at all', async () => {
    await control(t, 'POST', '/faults', { rules: [{ drop: 1 }] });
    await expect(api(t, t.a).get('/v1/searchengines')).rejects.toThrow();
    const log = body<{ requests: Array<{ status: number; outcome: string }> }>(await control(t, 'GET', '/requests'));
    expect(log.requests.at(-1)).toMatchObject({ status: 0, outcome: 'fault:drop' });
  });

  it('latency: answers no sooner than asked', async () => {
    await control(t, 'POST', '/faults', { rules: [{ path: '/types$', latencyMs: 150 }] });
    const started = performance.now();
    expect((await api(t, t.a).get(`/v1/${hashid}/types`)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });

  it('apply only to the paths and methods a rule names, never to the control API', async () => {
    await control(t, 'POST', '/faults', {
      rules: [
        { path: '^/v1/searchengines$', error5xx: 1 },
        { path: '/items/', methods: ['post'], status429: 1 },
      ],
    });
    expect((await api(t, t.a).get('/v1/searchengines')).status).toBeGreaterThanOrEqual(500);
    expect((await api(t, t.a).get(`/v1/searchengines/${hashid}`)).status).toBe(200);
    expect((await api(t, t.a).get(`/v1/${hashid}/items/product/P001`)).status).toBe(200);
    expect((await api(t, t.a).post(`/v1/${hashid}/items/product`, { body: { id: 'F' } })).status).toBe(429);
    expect((await control(t, 'GET', '/accounts')).status).toBe(200);
    const visit = await send(t.url, 'POST', '/api/v2/stats/visit', { token: t.a.token, body: { store: 's' } });
    expect(visit.status).toBe(200);
  });

  it('with a seed, the same rules give the same outcomes, request by request', async () => {
    const rules = { rules: [{ error5xx: 0.3, status429: 0.3, drop: 0.1 }], seed: 42 };
    await control(t, 'POST', '/faults', rules);
    const first = await statuses(40);
    await control(t, 'POST', '/faults', rules);
    const second = await statuses(40);
    expect(second).toEqual(first);
    expect(new Set(first.map((status) => (status >= 500 ? '5xx' : String(status))))).toEqual(
      new Set(['200', '429', '5xx', '0']),
    );
    await control(t, 'POST', '/faults', { ...rules, seed: 43 });
    expect(await statuses(40)).not.toEqual(first);
  });

  it('are shown, cleared, and refused (400) when malformed', async () => {
    const rules = [{ path: 'x', methods: ['GET'], error5xx: 0.5, latencyMs: [1, 2] }];
    expect(body(await control(t, 'POST', '/faults', { rules }))).toEqual({ rules });
    expect(body(await control(t, 'GET', '/faults'))).toEqual({ rules });
    expect(body(await control(t, 'DELETE', '/faults'))).toEqual({ rules: [] });
    for (const bad of [{ rules: [{ error5xx: 2 }] }, { rules: [{ typo: 1 }] }, { rules: 'all' }, {}]) {
      expect((await control(t, 'POST', '/faults', bad)).status).toBe(400);
    }
    expect(body(await control(t, 'GET', '/faults'))).toEqual({ rules: [] });
  });
});

describe('quota', () => {
  it('sets a monthly plan by API key, and refuses a malformed body', async () => {
    expect(body(await control(t, 'POST', '/quota', { apiKey: t.a.apiKey, monthly: 1 }))).toEqual({
      apiKey: t.a.apiKey,
      monthly: 1,
    });
    expect((await api(t, t.a).get('/v1/searchengines')).status).toBe(200);
    expect(body(await api(t, t.a).get('/v1/searchengines'))).toEqual({ detail: 'Requests Limit Reached' });
    expect(
      body<{ accounts: Array<{ monthlyQuota: number | null }> }>(await control(t, 'GET', '/accounts')).accounts[0],
    ).toMatchObject({
      monthlyQuota: 1,
    });
    for (const bad of [{ apiKey: t.a.apiKey }, { apiKey: t.a.apiKey, monthly: -1 }, { monthly: 3 }]) {
      expect((await control(t, 'POST', '/quota', bad)).status).toBe(400);
    }
  });
});

describe('the request log', () => {
  it('records what clients sent, with tokens masked, and never the control API', async () => {
    await control(t, 'DELETE', '/requests');
    await api(t, t.a).post(`/v1/${hashid}/items/product?x=1`, { body: { id: 'L1', title: 'logged' } });
    await send(t.url, 'GET', '/v1/searchengines', { authorization: 'Token wrong-token-1234' });
    await send(t.url, 'POST', '/api/v2/stats/visit', {
      authorization: 'Bearer aaaa.bbbb.cccc',
      body: { store: 's' },
      headers: { Origin: 'https://shop.example.com' },
    });
    await control(t, 'GET', '/accounts');
    const answer = await control(t, 'GET', '/requests');
    const { requests } = body<{ requests: Array<Record<string, unknown>> }>(answer);
    expect(requests).toHaveLength(3);
    expect([typeof requests[0]?.seq, typeof requests[0]?.at]).toEqual(['number', 'number']);
    expect(requests[0]).toMatchObject({
      method: 'POST',
      path: `/v1/${hashid}/items/product`,
      query: 'x=1',
      status: 201,
      authorization: `Token ********${TOKEN_A.slice(-4)}`,
      origin: null,
      contentType: 'application/json',
      bodyBytes: JSON.stringify({ id: 'L1', title: 'logged' }).length,
      outcome: null,
    });
    expect(requests[1]).toMatchObject({ status: 401, authorization: 'Token ********1234' });
    expect(requests[2]).toMatchObject({
      path: '/api/v2/stats/visit',
      status: 401,
      authorization: 'Bearer ********cccc',
      origin: 'https://shop.example.com',
    });
    expect(answer.text).not.toContain(TOKEN_A);
    expect(answer.text).not.toContain('wrong-token');
  });

  it('pages with since and limit, and is cleared with DELETE', async () => {
    await control(t, 'DELETE', '/requests');
    for (let index = 0; index < 5; index += 1) await api(t, t.a).get('/v1/searchengines');
    const all = body<{ requests: Array<{ seq: number }> }>(await control(t, 'GET', '/requests')).requests;
    expect(all).toHaveLength(5);
    const since = all[1]?.seq ?? 0;
    const page = body<{ requests: Array<{ seq: number }> }>(
      await control(t, 'GET', `/requests?since=${since}&limit=2`),
    );
    expect(page.requests.map((entry) => entry.seq)).toEqual([all[2]?.seq, all[3]?.seq]);
    expect(body(await control(t, 'DELETE', '/requests'))).toEqual({ requests: [] });
    expect(body(await control(t, 'GET', '/requests'))).toEqual({ requests: [] });
  });
});

describe('the clock', () => {
  it('is read, set and moved; it expires scroll ids', async () => {
    const now = body<{ now: number; offsetMs: number }>(await control(t, 'GET', '/clock'));
    expect(now.offsetMs).toBe(0);
    expect(Math.abs(now.now - Date.now())).toBeLessThan(60_000);
    expect(body(await control(t, 'POST', '/clock', { offsetMs: 1_000 }))).toMatchObject({ offsetMs: 1_000 });
    expect(body(await control(t, 'POST', '/clock', { advanceMs: 500 }))).toMatchObject({ offsetMs: 1_500 });
    const first = body<{ next: string }>(await api(t, t.a).get(`/v1/${hashid}/items/product`));
    await control(t, 'POST', '/clock', { advanceMs: 60_000 });
    expect((await send(first.next, 'GET', '', { token: t.a.token })).status).toBe(404);
    for (const bad of [{}, { advanceMs: 'soon' }, { offsetMs: 1, advanceMs: 1 }]) {
      expect((await control(t, 'POST', '/clock', bad)).status).toBe(400);
    }
  });
});

describe('config', () => {
  it('shows the documented limits by default', async () => {
    const fresh = await startTestSandbox({ config: { managementRatePerSecond: 2, visitRatePerSecond: 20 } });
    try {
      expect(body(await control(fresh, 'GET', '/config'))).toMatchObject({
        scrollTtlMs: 300_000,
        managementRatePerSecond: 2,
        visitRatePerSecond: 20,
        bodyLimitBytes: 8 * 1024 * 1024,
        bulkLimit: 100,
      });
    } finally {
      await fresh.close();
    }
  });

  it('changes limits for the next requests, and refuses unknown or invalid settings', async () => {
    expect(body(await control(t, 'POST', '/config', { bulkLimit: 3 }))).toMatchObject({ bulkLimit: 3 });
    const items = Array.from({ length: 4 }, (_, index) => ({ id: `C${index}` }));
    const refused = await api(t, t.a).post(`/v1/${hashid}/items/product`, { body: items });
    expect(body(refused)).toEqual({ detail: 'Too many items in bulk operation' });
    for (const bad of [{ bulkLimit: 0 }, { bodyLimitBytes: 1 }, { typo: 1 }, { scrollTtlMs: 'long' }]) {
      expect((await control(t, 'POST', '/config', bad)).status).toBe(400);
    }
    expect(body(await control(t, 'GET', '/config'))).toMatchObject({ bulkLimit: 3 });
  });
});

describe('engine settings', () => {
  it('sets search options, allowed origins and type kinds', async () => {
    const settings = {
      options: { facets: [{ name: 'brand', type: 'terms', size: 5 }] },
      allowed_origins: ['https://www.example.com'],
      type_kinds: { product: 'crawling', feed_only: 'shopify' },
    };
    const answer = await control(t, 'PUT', `/engines/${hashid}`, settings);
    expect(body(answer)).toEqual({ hashid, ...settings });
    expect(body(await api(t, t.a).get(`/v1/${hashid}/types`))).toEqual(['product', 'article', 'feed_only']);
    expect((await api(t, t.a).post(`/v1/${hashid}/items/product`, { body: { id: 'K' } })).status).toBe(409);
    // And back: an api type can be written again, its items kept.
    await control(t, 'PUT', `/engines/${hashid}`, { type_kinds: { product: 'api' } });
    expect((await api(t, t.a).post(`/v1/${hashid}/items/product`, { body: { id: 'K' } })).status).toBe(201);
    expect(body<{ count: number }>(await api(t, t.a).get(`/v1/${hashid}/items/product`)).count).toBe(26);
  });

  it('answers 404 for an unknown engine and 400 for settings it does not take', async () => {
    expect((await control(t, 'PUT', `/engines/${'0'.repeat(32)}`, {})).status).toBe(404);
    for (const bad of [{ type_kinds: { product: 'ftp' } }, { type_kinds: { 'bad name': 'api' } }, { colour: 'red' }]) {
      expect((await control(t, 'PUT', `/engines/${hashid}`, bad)).status).toBe(400);
    }
  });
});

describe('accounts', () => {
  it('lists every account with its API key', async () => {
    const { accounts } = body<{ accounts: Array<Record<string, unknown>> }>(await control(t, 'GET', '/accounts'));
    expect(accounts).toEqual([
      { apiKey: t.a.apiKey, uid: 'user-a', zone: 'eu1', monthlyQuota: null },
      { apiKey: t.b.apiKey, uid: 'user-b', zone: 'us1', monthlyQuota: null },
    ]);
  });
});
