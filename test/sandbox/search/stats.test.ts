import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HASHID, OTHER_HASHID, type SearchSandbox, startSearchSandbox, TOKEN } from './fixture';

let box: SearchSandbox;
const TTL = 60 * 60_000;
beforeAll(async () => {
  box = await startSearchSandbox({ config: { managementRatePerSecond: null, statsGenerationMs: 0 } });
});
afterAll(() => box.close());

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const dfid = (id: string, type = 'product', hashid = HASHID) => `${hashid}@${type}@${md5(id)}`;

interface EventRow {
  kind: string;
  term: string | null;
  detail: string | null;
  item_type: string | null;
  item_id: string | null;
  session_id: string | null;
  amount: number;
  query: string | null;
}

function eventsOf(kind: string, session?: string): EventRow[] {
  const rows = box.sandbox.ctx.db
    .prepare(
      `SELECT kind, term, detail, item_type, item_id, session_id, amount, query FROM events
        WHERE kind = ? ORDER BY id`,
    )
    .all(kind) as EventRow[];
  return session === undefined ? rows : rows.filter((row) => row.session_id === session);
}

async function stats(call: string, query: string): Promise<Response> {
  return box.get(`/stats/${call}`, `hashid=${HASHID}&${query}`);
}

async function ok(call: string, query: string): Promise<void> {
  const response = await stats(call, query);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(await response.text()).toBe('"OK"');
}

async function refused(call: string, query: string): Promise<string> {
  const response = await stats(call, query);
  expect(response.status).toBe(400);
  return ((await response.json()) as { error: string }).error;
}

const advance = (advanceMs: number) =>
  fetch(`${box.url}/_sandbox/clock`, { method: 'POST', body: JSON.stringify({ advanceMs }) });

describe('/5/stats/click', () => {
  it('records the clicked item by dfid, with its title, link and the query', async () => {
    await ok('click', `dfid=${dfid('P2')}&query=sweater&session_id=s-click&random=123`);
    expect(eventsOf('click', 's-click')).toEqual([
      {
        kind: 'click',
        term: 'Red Wool Sweater',
        detail: 'https://shop.example.com/p/p2',
        item_type: 'product',
        item_id: 'P2',
        session_id: 's-click',
        amount: 1,
        query: 'sweater',
      },
    ]);
  });

  it('records the clicked item by id and datatype (the npm client’s form)', async () => {
    await ok('click', 'id=about&datatype=page&session_id=s-npm&query=');
    expect(eventsOf('click', 's-npm')).toMatchObject([{ item_type: 'page', item_id: 'about', query: null }]);
  });

  it('refuses dfids that do not name an item of the engine, and clicks naming nothing', async () => {
    expect(await refused('click', `dfid=${dfid('NOPE')}`)).toMatch(/does not name an item/);
    expect(await refused('click', `dfid=${dfid('P2', 'page')}`)).toMatch(/does not name an item/);
    expect(await refused('click', `dfid=${dfid('P2', 'product', OTHER_HASHID)}`)).toMatch(/does not name an item/);
    expect(await refused('click', 'dfid=P2')).toMatch(/not a Doofinder id/);
    expect(await refused('click', 'id=NOPE&datatype=product')).toMatch(/NOPE/);
    expect(await refused('click', 'query=x')).toMatch(/dfid/);
  });

  it('feeds Management v1 top clicked items', async () => {
    await ok('click', `dfid=${dfid('P5')}&query=boots`);
    await ok('click', `dfid=${dfid('P5')}&query=boots`);
    const top = () =>
      fetch(`${box.url}/v1/${HASHID}/stats/top_clicked`, { headers: { Authorization: `Token ${TOKEN}` } });
    expect((await top()).status).toBe(202);
    const body = (await (await top()).json()) as { clicked: unknown[] };
    expect(body.clicked[0]).toEqual({ count: 2, term: 'Leather Boots', url: 'https://shop.example.com/p/p5' });
  });
});

describe('/5/stats session, banner and cart calls', () => {
  beforeEach(async () => {
    await fetch(`${box.url}/_sandbox/clock`, { method: 'POST', body: JSON.stringify({ offsetMs: 0 }) });
  });

  it('init records a session start', async () => {
    await ok('init', 'session_id=s-init');
    expect(eventsOf('init', 's-init')).toHaveLength(1);
    expect(await refused('init', '')).toMatch(/session_id/);
  });

  it('img_display and img_click record the banner', async () => {
    await ok('img_display', 'img_id=42&session_id=s-img');
    await ok('img_click', 'img_id=42&session_id=s-img');
    expect(eventsOf('img_display', 's-img')).toMatchObject([{ item_id: '42' }]);
    expect(eventsOf('img_click', 's-img')).toMatchObject([{ item_id: '42' }]);
    expect(await refused('img_click', 'session_id=s-img')).toMatch(/img_id/);
  });

  it('checkout stores the cart as it stands, then empties it', async () => {
    await ok('add-to-cart', 'session_id=s-cart&item_id=P1&amount=2&datatype=product');
    await ok('add-to-cart', 'session_id=s-cart&item_id=P1&amount=1');
    await ok('add-to-cart', 'session_id=s-cart&item_id=P2&amount=1');
    await ok('add-to-cart', 'session_id=s-cart&item_id=P5&amount=1');
    await ok('remove-from-cart', 'session_id=s-cart&item_id=P1&amount=1&datatype=product');
    await ok('remove-from-cart', 'session_id=s-cart&item_id=P5&amount=3');
    await ok('add-to-cart', 'session_id=s-other&item_id=P7&amount=1');
    expect(eventsOf('add_to_cart', 's-cart')).toHaveLength(4);
    expect(eventsOf('remove_from_cart', 's-cart')).toHaveLength(2);

    await ok('checkout', 'session_id=s-cart');
    expect(eventsOf('checkout', 's-cart')).toMatchObject([
      { item_type: 'product', item_id: 'P1', amount: 2 },
      { item_type: 'product', item_id: 'P2', amount: 1 },
    ]);
    await ok('checkout', 'session_id=s-cart');
    expect(eventsOf('checkout', 's-cart').slice(2)).toMatchObject([{ item_id: null, amount: 0 }]);
    await ok('checkout', 'session_id=s-other');
    expect(eventsOf('checkout', 's-other')).toMatchObject([{ item_id: 'P7', amount: 1 }]);
  });

  it('clear-cart empties the cart', async () => {
    await ok('add-to-cart', 'session_id=s-clear&item_id=P1');
    await ok('clear-cart', 'session_id=s-clear');
    expect(eventsOf('clear_cart', 's-clear')).toHaveLength(1);
    await ok('checkout', 'session_id=s-clear');
    expect(eventsOf('checkout', 's-clear')).toMatchObject([{ item_id: null, amount: 0 }]);
  });

  it('keeps a cart an hour after its last change, then discards it', async () => {
    await ok('add-to-cart', 'session_id=s-ttl&item_id=P1');
    await advance(TTL - 1_000);
    await ok('add-to-cart', 'session_id=s-ttl&item_id=P2');
    await advance(TTL - 1_000);
    await ok('checkout', 'session_id=s-ttl');
    expect(eventsOf('checkout', 's-ttl').map((event) => event.item_id)).toEqual(['P1', 'P2']);

    await ok('add-to-cart', 'session_id=s-gone&item_id=P1');
    await advance(TTL);
    await ok('checkout', 'session_id=s-gone');
    expect(eventsOf('checkout', 's-gone')).toMatchObject([{ item_id: null, amount: 0 }]);
  });

  it('follows the cart lifetime set through the control API', async () => {
    await fetch(`${box.url}/_sandbox/config`, { method: 'POST', body: JSON.stringify({ cartTtlMs: 5_000 }) });
    await ok('add-to-cart', 'session_id=s-short&item_id=P1');
    await advance(5_000);
    await ok('checkout', 'session_id=s-short');
    expect(eventsOf('checkout', 's-short')).toMatchObject([{ item_id: null }]);
    await fetch(`${box.url}/_sandbox/config`, { method: 'POST', body: JSON.stringify({ cartTtlMs: TTL }) });
  });

  it('refuses cart calls without session, item or a sensible amount', async () => {
    expect(await refused('add-to-cart', 'item_id=P1')).toMatch(/session_id/);
    expect(await refused('add-to-cart', 'session_id=s')).toMatch(/item_id/);
    expect(await refused('add-to-cart', 'session_id=s&item_id=P1&amount=-2')).toMatch(/amount/);
    expect(await refused('remove-from-cart', 'session_id=s&item_id=P1&amount=lots')).toMatch(/amount/);
    expect(await refused('checkout', '')).toMatch(/session_id/);
  });
});
