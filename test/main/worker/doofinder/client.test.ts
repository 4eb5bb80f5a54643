/**
 * The typed Doofinder functions and the retrying client, against the sandbox: every API's
 * calls work, and each failure is handled the way the design says.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../../main/sandbox/index';
import { DoofinderClient, type ClientEvent, type ClientOptions } from '../../../../main/worker/doofinder/client';
import { endpointFor, parseApiKey } from '../../../../main/worker/doofinder/endpoints';
import { DoofinderError } from '../../../../main/worker/doofinder/errors';
import * as v1 from '../../../../main/worker/doofinder/management-v1';
import { itemsByDfid, search, searchOptions, sendSearchEvent } from '../../../../main/worker/doofinder/search-v5';
import { registerVisit } from '../../../../main/worker/doofinder/stats-v2';

let sandbox: Sandbox;
let apiKey: string;
let hashid: string;
const call = { priority: 'interactive' as const };

beforeAll(async () => {
  sandbox = await startSandbox({
    config: { managementRatePerSecond: null, typeDeletionMs: 300 },
    seed: {
      accounts: [
        {
          engines: [
            {
              name: 'Shop',
              options: { facets: [{ name: 'brand', type: 'terms', size: 10 }] },
              types: [{ name: 'product', generate: { count: 30, seed: 2 } }],
            },
          ],
        },
      ],
    },
  });
  apiKey = sandbox.seeded?.accounts[0]?.apiKey ?? '';
  hashid = sandbox.seeded?.accounts[0]?.engines[0]?.hashid ?? '';
});

afterAll(async () => {
  await sandbox.close();
});

afterEach(async () => {
  await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'DELETE' });
});

function client(options: ClientOptions = {}, key = apiKey) {
  const parsed = parseApiKey(key);
  if (!parsed) throw new Error('bad key');
  return new DoofinderClient(endpointFor(parsed, { management: sandbox.url, search: sandbox.url }), {
    managementRate: 50,
    policy: { baseDelayMs: 5, maxDelayMs: 20, conflictDelayMs: 50 },
    ...options,
  });
}

async function faults(rules: unknown[]): Promise<void> {
  await fetch(`${sandbox.url}/_sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ rules, seed: 1 }),
  });
}

describe('typed calls', () => {
  it('Management v1: engines, types, items in bulk, scroll, stats and tasks', async () => {
    const c = client();
    const engines = await v1.allSearchEngines(c, call);
    expect(engines.map((engine) => engine.hashid)).toContain(hashid);
    await expect(v1.listTypes(c, hashid, call)).resolves.toEqual(['product']);
    await v1.createType(c, hashid, { name: 'article', sources: [] }, call);
    await v1.putItems(
      c,
      hashid,
      'article',
      [
        { id: 'a1', title: 'First' },
        { id: 'a2', title: 'Second' },
      ],
      call,
    );
    await v1.patchItems(c, hashid, 'article', [{ id: 'a1', title: 'First, edited' }], call);
    await expect(v1.getItem(c, hashid, 'article', 'a1', call)).resolves.toMatchObject({ title: 'First, edited' });
    const first = await v1.startScroll(c, hashid, 'article', 100, call);
    expect(first).toMatchObject({ count: 2 });
    await expect(v1.continueScroll(c, hashid, 'article', first.scroll_id, call)).resolves.toMatchObject({
      results: [],
    });
    await expect(v1.deleteItems(c, hashid, 'article', ['a1', 'a2'], call)).resolves.toEqual({
      errors: [],
      success: ['a1', 'a2'],
    });
    await expect(v1.statsAggregates(c, hashid, {}, call)).resolves.toMatchObject({
      aggregates: expect.any(Array) as unknown,
    });
    await expect(
      v1.statsTopList(c, hashid, 'searches', { from: '20260101', to: '20260102' }, call),
    ).resolves.toMatchObject({ ready: false });
    await expect(v1.lastProcessTask(c, hashid, call)).resolves.toMatchObject({ task_name: 'process' });
    await expect(v1.processLogs(c, hashid, call)).resolves.toEqual(expect.any(Array));
  });

  it('Search v5: search with filters, items by dfid, options, click; Stats v2: a visit', async () => {
    const c = client();
    const answer = await search(c, { hashid, query: '', rpp: 5, nostats: true, filter: { brand: [] } }, call);
    expect(answer.results).toHaveLength(5);
    expect(answer.facets).toHaveProperty('brand');
    const dfid = answer.results[0]?.dfid ?? '';
    await expect(itemsByDfid(c, hashid, [dfid], call)).resolves.toMatchObject({ results: [{ dfid }] });
    await expect(searchOptions(c, hashid, call)).resolves.toHaveProperty('currency');
    await expect(sendSearchEvent(c, 'click', { hashid, dfid, query: 'x' }, call)).resolves.toBeUndefined();
    await expect(registerVisit(c, { store: 'main-store', hashid }, call)).resolves.toEqual({ status: 'registered' });
  });
});

describe('pacing', () => {
  it("paces the app's own searches too (Search v5 documents no limit, but shoppers use the same engine)", async () => {
    const c = client({ searchRate: 2 });
    const searches = [1, 2, 3, 4].map((n) =>
      search(c, { hashid, query: `pace ${n}`, rpp: 1, nostats: true }, { priority: 'interactive' }),
    );
    // Two go at once; the other two wait their turn in the search bucket.
    expect(c.buckets.search.snapshot().queued).toBe(2);
    await Promise.all(searches);
    expect(c.buckets.search.snapshot().queued).toBe(0);
  });
});

describe('failures', () => {
  it('maps a refused key to auth, stops the account and keeps the token out of the message', async () => {
    const events: ClientEvent[] = [];
    const token = 'abcdef0123456789abcdef0123456789';
    const c = client({ onEvent: (event) => events.push(event) }, `eu1-${token}`);
    const error = (await v1.listTypes(c, hashid, call).catch((caught: unknown) => caught)) as DoofinderError;
    expect(error).toBeInstanceOf(DoofinderError);
    expect(error.kind).toBe('auth');
    expect(error.serverMessage).toBe('Autentication credentials where not provided');
    expect(error.message).not.toContain(token);
    expect(events).toContainEqual(expect.objectContaining({ kind: 'stopped' }));
    // Nothing more goes out until the key is replaced.
    await expect(v1.listTypes(c, hashid, call)).rejects.toMatchObject({ kind: 'auth' });
  });

  it('retries through 5xx answers, 429s and dropped connections', async () => {
    await faults([{ path: '/types', error5xx: 0.3, status429: 0.1, drop: 0.1 }]);
    const c = client({ policy: { maxAttempts: 12, baseDelayMs: 5, maxDelayMs: 20 } });
    for (let i = 0; i < 8; i += 1) await expect(v1.listTypes(c, hashid, call)).resolves.toContain('product');
  });

  it('gives up on a server error after its attempts, saying so', async () => {
    await faults([{ path: '/types', error5xx: 1 }]);
    const retries: ClientEvent[] = [];
    const c = client({
      onEvent: (event) => retries.push(event),
      policy: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
    });
    await expect(v1.listTypes(c, hashid, call)).rejects.toMatchObject({ kind: 'server' });
    expect(retries.filter((event) => event.kind === 'retrying')).toHaveLength(2);
  });

  it('never repeats a create it cannot know went through', async () => {
    await faults([{ path: '/items/', methods: ['POST'], drop: 1 }]);
    const c = client();
    await expect(v1.createItem(c, hashid, 'product', { title: 'Once' }, call)).rejects.toMatchObject({
      kind: 'network',
    });
    const log = (await (await fetch(`${sandbox.url}/_sandbox/requests?limit=100000`)).json()) as {
      requests: Array<{ method: string; path: string }>;
    };
    expect(
      log.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/items/product')),
    ).toHaveLength(1);
  });

  it('waits out a 409 while a type deletion blocks indexing, then succeeds', async () => {
    const c = client();
    await v1.createType(c, hashid, { name: 'doomed', sources: [] }, call);
    await v1.deleteTypes(c, hashid, ['doomed'], call);
    await expect(v1.putItems(c, hashid, 'product', [{ id: 'after-409', title: 'Waited' }], call)).resolves.toHaveLength(
      1,
    );
  });

  it('stops background work on a spent monthly plan, and says why', async () => {
    const quota = (await (
      await fetch(`${sandbox.url}/_sandbox/seed`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          accounts: [{ monthly_quota: 1, engines: [{ name: 'Small', types: [{ name: 'product' }] }] }],
        }),
      })
    ).json()) as { accounts: Array<{ apiKey: string; engines: Array<{ hashid: string }> }> };
    const account = quota.accounts[0];
    const c = client({}, account?.apiKey ?? '');
    const smallHashid = account?.engines[0]?.hashid ?? '';
    await expect(v1.listTypes(c, smallHashid, call)).resolves.toEqual(['product']);
    await expect(v1.listTypes(c, smallHashid, call)).rejects.toMatchObject({ kind: 'quota' });
    expect(c.snapshot().pausedReason).toMatch(/allowance is used up/);
  });
});
