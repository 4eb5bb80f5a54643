/**
 * Tracking events from a result reach Doofinder as the documents describe them and each answer
 * is shown: clicks with the dfid, cart events with the tester's session, checkout, and visits
 * (Stats v2), whose `store` is required.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchAnswerView, SearchEventAnswer } from '../../../../preload/contract';
import { loggedRequests, params, searchWorker, type SearchApp } from './search-fixture';

const fixture = searchWorker();
let app: SearchApp;
let result: SearchAnswerView['results'][number];
const session = 'tester0123456789';

beforeAll(async () => {
  app = await fixture.boot();
  const answer = await app.call<SearchAnswerView>('search:run', { engine: app.fashion, params: params({ query: '' }) });
  result = answer.results[0] as SearchAnswerView['results'][number];
  return () => fixture.worker.reset();
});

const send = (input: Record<string, unknown>) =>
  app.call<SearchEventAnswer>('search:event', { engine: app.fashion, sessionId: session, ...input });

async function lastLogged(path: string) {
  return (await loggedRequests(app.url, path)).at(-1);
}

describe('tracking events', () => {
  it('registers a click with the result’s dfid, the query and the session, and shows "OK"', async () => {
    const answer = await send({ kind: 'click', dfid: result.dfid, query: 'dress' });
    expect(answer).toMatchObject({ kind: 'click', status: 200, body: 'OK' });
    const logged = await lastLogged('/5/stats/click');
    expect(logged?.status).toBe(200);
    expect(logged?.query).toMatch(
      new RegExp(
        `^hashid=${app.fashion}&dfid=${encodeURIComponent(result.dfid)}&query=dress&session_id=${session}&random=\\d+$`,
      ),
    );
    expect(answer.request.url).toContain('/5/stats/click?');
  });

  it('adds to and removes from the cart with item_id, datatype and amount, then clears it', async () => {
    const added = await send({ kind: 'add-to-cart', itemId: result.id, type: 'product', amount: 3 });
    expect(added).toMatchObject({ status: 200, body: 'OK' });
    expect((await lastLogged('/5/stats/add-to-cart'))?.query).toBe(
      `hashid=${app.fashion}&session_id=${session}&item_id=${encodeURIComponent(result.id)}&datatype=product&amount=3`,
    );
    await expect(send({ kind: 'remove-from-cart', itemId: result.id, amount: 1 })).resolves.toMatchObject({
      status: 200,
    });
    expect((await lastLogged('/5/stats/remove-from-cart'))?.query).toContain('&datatype=product&amount=1');
    await expect(send({ kind: 'clear-cart' })).resolves.toMatchObject({ status: 200, body: 'OK' });
    expect((await lastLogged('/5/stats/clear-cart'))?.query).toBe(`hashid=${app.fashion}&session_id=${session}`);
  });

  it('checks out the session’s cart', async () => {
    await send({ kind: 'add-to-cart', itemId: result.id, amount: 1 });
    await expect(send({ kind: 'checkout' })).resolves.toMatchObject({ kind: 'checkout', status: 200, body: 'OK' });
    expect((await lastLogged('/5/stats/checkout'))?.status).toBe(200);
  });

  it('a cart event without an item, or a click without a dfid, is refused before sending', async () => {
    await expect(send({ kind: 'add-to-cart' })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { field: 'itemId' },
    });
    await expect(send({ kind: 'click' })).rejects.toMatchObject({ code: 'invalid_input', details: { field: 'dfid' } });
  });

  it('registers a visit with its store, and shows what Stats v2 answered', async () => {
    const answer = await send({ kind: 'visit', store: 'store-1', dfid: result.dfid });
    expect(answer).toMatchObject({ kind: 'visit', status: 200 });
    expect(JSON.parse(answer.body)).toEqual({ status: 'registered' });
    expect(answer.request.curl).toContain("-H 'Authorization: Token {token}'");
    expect(answer.request.curl).toContain('"store":"store-1"');
    expect((await lastLogged('/api/v2/stats/visit'))?.status).toBe(200);
  });

  it('a visit needs a store of 1 to 36 characters: refused before sending, naming store', async () => {
    const before = (await loggedRequests(app.url, '/api/v2/stats/visit')).length;
    await expect(send({ kind: 'visit' })).rejects.toMatchObject({ code: 'invalid_input', details: { field: 'store' } });
    await expect(send({ kind: 'visit', store: 'x'.repeat(37) })).rejects.toMatchObject({ details: { field: 'store' } });
    expect((await loggedRequests(app.url, '/api/v2/stats/visit')).length).toBe(before);
  });

  it('shows a refusal of the server in words, with its status and field', async () => {
    await expect(send({ kind: 'click', dfid: `${app.fashion}@product@${'0'.repeat(32)}` })).rejects.toMatchObject({
      code: 'doofinder_error',
      details: { status: 400, field: 'dfid' },
    });
  });
});
