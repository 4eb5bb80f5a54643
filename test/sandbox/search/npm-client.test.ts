/**
 * The official npm client (doofinder@5), used unchanged against the sandbox: what it sends
 * (Token auth, qs-built brackets, a POST for getItems, JSON-parsing every 200) must work.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HASHID, type SearchBody, type SearchSandbox, startSearchSandbox, TOKEN } from './fixture';

type Callback = (error: unknown, response?: unknown) => void;

interface DoofinderClient {
  search(query: string, params: Record<string, unknown>, callback: Callback): void;
  getItems(dfids: string[], params: Record<string, unknown>, callback: Callback): void;
  options(callback: Callback): void;
}

interface DoofinderStats {
  registerSession(sessionId: string, callback: Callback): void;
  registerClick(sessionId: string, dfid: string, query: string, callback: Callback): void;
  addToCart(
    sessionId: string,
    itemId: string,
    amount: number,
    extra: Record<string, unknown>,
    callback: Callback,
  ): void;
  removeFromCart(sessionId: string, itemId: string, amount: number, datatype: string, callback: Callback): void;
  clearCart(sessionId: string, callback: Callback): void;
  registerCheckout(sessionId: string, callback: Callback): void;
  registerBannerEvent(eventName: string, bannerId: number, callback: Callback): void;
}

type ClientClass = new (hashid: string, options: { apiKey: string; address: string }) => DoofinderClient;
type StatsClass = new (client: DoofinderClient) => DoofinderStats;

// The package's main module also loads its browser widgets (which need `window`); Node code
// uses its client and stats modules, the same files the package exports as Client and Stats.
const require = createRequire(import.meta.url);
const doofinder = {
  Client: require('doofinder/lib/client') as ClientClass,
  Stats: require('doofinder/lib/stats') as StatsClass,
};

let box: SearchSandbox;
let client: DoofinderClient;
let stats: DoofinderStats;

beforeAll(async () => {
  box = await startSearchSandbox();
  client = new doofinder.Client(HASHID, { apiKey: `eu1-${TOKEN}`, address: `127.0.0.1:${box.sandbox.port}` });
  stats = new doofinder.Stats(client);
});
afterAll(() => box.close());

/** Calls a callback-style client method and resolves with its response (rejects with its error). */
function call<T>(start: (callback: Callback) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    start((error, response) => (error ? reject(new Error(JSON.stringify(error))) : resolve(response as T)));
  });
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

describe('the doofinder npm client', () => {
  it('searches with term filters, from/to ranges, excludes and sort', async () => {
    const body = await call<SearchBody>((done) =>
      client.search(
        'shirt',
        {
          type: ['product'],
          rpp: 5,
          filter: { color: ['blue', 'green'], price: { from: 10, to: 50 } },
          exclude: { brand: ['Cobalt'] },
          sort: [{ price: 'asc' }],
        },
        done,
      ),
    );
    expect(body.results.map((result) => result.id)).toEqual(['P1']);
    expect(body.filter).toEqual({ terms: { color: ['blue', 'green'] }, range: { price: { from: 10, to: 50 } } });
    expect(body.results_per_page).toBe(5);
  });

  it('browses with a single-field sort object and pages', async () => {
    const body = await call<SearchBody>((done) =>
      client.search(' ', { type: 'product', rpp: 3, page: 2, sort: { price: 'desc' } }, done),
    );
    expect(body.page).toBe(2);
    expect(body.results.map((result) => result.id)).toEqual(['P2', 'P6', 'P1']);
  });

  it('gets items by dfid', async () => {
    const dfids = [`${HASHID}@product@${md5('P3')}`, `${HASHID}@page@${md5('about')}`];
    const body = await call<SearchBody>((done) => client.getItems(dfids, {}, done));
    expect(body.results.map((result) => [result.id, result.type])).toEqual([
      ['P3', 'product'],
      ['about', 'page'],
    ]);
    expect(body.results[0]?.title).toBe('Green Cotton Shirt');
  });

  it('reads the engine options', async () => {
    const options = await call<{ facets: unknown[]; currency: { symbol: string } }>((done) => client.options(done));
    expect(options.facets).toHaveLength(4);
    expect(options.currency.symbol).toBe('€');
  });

  it('sends every stats call and gets "OK" back', async () => {
    const dfid = `${HASHID}@product@${md5('P1')}`;
    const answers = [
      await call((done) => stats.registerSession('npm-session', done)),
      await call((done) => stats.registerClick('npm-session', dfid, 'shirt', done)),
      await call((done) => stats.addToCart('npm-session', 'P1', 2, { title: 'Blue Linen Shirt', price: 19.99 }, done)),
      await call((done) => stats.removeFromCart('npm-session', 'P1', 1, 'product', done)),
      await call((done) => stats.registerCheckout('npm-session', done)),
      await call((done) => stats.clearCart('npm-session', done)),
      await call((done) => stats.registerBannerEvent('display', 7, done)),
      await call((done) => stats.registerBannerEvent('click', 7, done)),
    ];
    expect(answers).toEqual(Array(8).fill('OK'));
    const checkout = box.sandbox.ctx.db
      .prepare("SELECT item_id, amount FROM events WHERE kind = 'checkout' AND session_id = 'npm-session'")
      .all();
    expect(checkout).toEqual([{ item_id: 'P1', amount: 1 }]);
  });

  it('passes errors on with their status code', async () => {
    const failing = new doofinder.Client(HASHID, {
      apiKey: 'eu1-wrongtoken',
      address: `127.0.0.1:${box.sandbox.port}`,
    });
    await expect(call((done) => failing.search('shirt', {}, done))).rejects.toThrow(/"statusCode":401/);
  });
});
