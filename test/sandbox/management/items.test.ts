/** Management v1 items, one at a time and in bulk, over HTTP, against management-api-v1.md "Items". */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, body, control, fixture, reseed, shapeDifferences, startTestSandbox, type TestSandbox } from './harness';

const examples = fixture('management-items.json');
/** pydoof 2.x finds ids in df_url with this expression (pydoof/__init__.py, `_obtain_id`). */
const PYDOOF_ID = /\/(?<hashid>\w{32})\/(items\/\w+|tasks)\/(?<id>[\w-]+)\/?$/;
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

type Item = Record<string, unknown> & { id: string };
const itemUrl = (id: string) => `${t.url}${itemsPath}/${id}`;

function requestBody(name: string): unknown {
  return JSON.parse(JSON.stringify(examples[name]?.request.body).replaceAll('{item_id}', 'AAX023')) as unknown;
}

describe('GET one item', () => {
  it('answers the stored item with df_url (and url), shaped as the example', async () => {
    await api(t, t.a).put(`${itemsPath}/X1`, {
      body: { title: 'my custom title', link: 'http://www.example.com/img/1123.png', categories: ['El baño', 'C'] },
    });
    const answer = await api(t, t.a).get(`${itemsPath}/X1`);
    expect(answer.status).toBe(200);
    expect(shapeDifferences(examples.get?.response.body, answer.json, { allowExtra: ['url'] })).toEqual([]);
    expect(body(answer)).toEqual({
      df_manual_boost: 1,
      df_indexed_text: null,
      df_url: itemUrl('X1'),
      url: itemUrl('X1'),
      link: 'http://www.example.com/img/1123.png',
      id: 'X1',
      title: 'my custom title',
      categories: ['El baño', 'C'],
    });
  });

  it('answers 404 for an unknown item, and 409 for an undefined type', async () => {
    expect(body(await api(t, t.a).get(`${itemsPath}/nothing`))).toEqual({ detail: 'Not found.' });
    const undefinedType = await api(t, t.a).get(`/v1/${hashid}/items/nothing/P001`);
    expect(undefinedType.status).toBe(409);
    expect(body(undefinedType)).toEqual({ detail: 'Undefined type. Please create it first' });
  });

  it("cannot read another account's items", async () => {
    expect((await api(t, t.a).get(`/v1/${t.b.hashids[0]}/items/product/B000`)).status).toBe(404);
  });
});

describe('POST: create one item', () => {
  it('answers 201 with the item, url and df_url, as the example', async () => {
    const example = examples.create;
    const answer = await api(t, t.a).post(itemsPath, { body: example?.request.body });
    expect(answer.status).toBe(201);
    expect(shapeDifferences(example?.response.body, answer.json, { allowExtra: ['df_url'] })).toEqual([]);
    expect(body(answer)).toEqual({
      ...(example?.request.body as object),
      url: itemUrl('AAX023'),
      df_url: itemUrl('AAX023'),
    });
    expect(body(await api(t, t.a).get(`${itemsPath}/AAX023`))).toMatchObject(example?.request.body as object);
  });

  it('makes up an id when none is given, one that pydoof can read back from df_url', async () => {
    const answer = await api(t, t.a).post(itemsPath, { body: { title: 'no id' } });
    expect(answer.status).toBe(201);
    const created = body<Item & { df_url: string }>(answer);
    const match = PYDOOF_ID.exec(created.df_url);
    expect(match?.groups).toEqual({ hashid, id: created.id });
    expect(body(await api(t, t.a).get(`${itemsPath}/${created.id}`))).toMatchObject({ title: 'no id' });
  });

  it('keeps a numeric id as its text', async () => {
    const answer = await api(t, t.a).post(itemsPath, { body: { id: 42, title: 'numbered' } });
    expect(answer.status).toBe(201);
    expect(body(answer)).toMatchObject({ id: '42', url: itemUrl('42') });
  });

  it('answers 400 with unindexed_items when the item does not fit the mapping', async () => {
    const answer = await api(t, t.a).post(itemsPath, { body: { id: 'BAD', price: 'not a number' } });
    expect(answer.status).toBe(400);
    expect(body(answer)).toEqual({
      detail: 'Some items were not indexed. ',
      unindexed_items: { BAD: { status: '400', reason: 'failed to parse [price]', type: 'mapper_parsing_exception' } },
    });
    expect((await api(t, t.a).get(`${itemsPath}/BAD`)).status).toBe(404);
  });
});

describe('POST: create items in bulk', () => {
  it('answers 200 with every item, url and df_url, as the example', async () => {
    const example = examples['create-bulk'];
    const answer = await api(t, t.a).post(itemsPath, { body: example?.request.body });
    expect(answer.status).toBe(200);
    expect(shapeDifferences(example?.response.body, answer.json, { allowExtra: ['df_url'] })).toEqual([]);
    const items = body<Array<Item & { df_url: string; url: string }>>(answer);
    expect(items.map((item) => [item.id, item.df_manual_boost, item.df_indexed_text])).toEqual([
      ['AAX023', 1.23, 'find me, and see me'],
      ['AAX024', 1, null],
    ]);
    for (const item of items) {
      expect(item.url).toBe(itemUrl(item.id));
      expect(PYDOOF_ID.exec(item.df_url)?.groups?.id).toBe(item.id);
    }
    expect(body<{ count: number }>(await api(t, t.a).get(itemsPath)).count).toBe(27);
  });

  it('makes up ids for items without one', async () => {
    const answer = await api(t, t.a).post(itemsPath, { body: [{ title: 'x' }, { title: 'y' }] });
    const ids = body<Item[]>(answer).map((item) => item.id);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(id).toMatch(/^[\w-]+$/);
  });

  it('stores the items that fit and answers 400 naming each one that did not', async () => {
    await api(t, t.a).put(`${itemsPath}/DATED`, { body: { 'date-fin-promo': '2024-01-31' } });
    const answer = await api(t, t.a).post(itemsPath, {
      body: [
        { id: 'OK1', title: 'fine' },
        { id: 'XXX2', 'date-fin-promo': 'next tuesday' },
        { id: 'XXX3', price: { amount: 3 } },
      ],
    });
    expect(answer.status).toBe(400);
    expect(
      shapeDifferences(examples['create-bulk-unindexed']?.response.body, answer.json, {
        allowExtra: ['XXX3'],
      }),
    ).toEqual([]);
    expect(body(answer)).toEqual({
      detail: 'Some items were not indexed. ',
      unindexed_items: {
        XXX2: { status: '400', reason: 'failed to parse [date-fin-promo]', type: 'mapper_parsing_exception' },
        XXX3: { status: '400', reason: 'failed to parse [price]', type: 'mapper_parsing_exception' },
      },
    });
    expect((await api(t, t.a).get(`${itemsPath}/OK1`)).status).toBe(200);
    expect((await api(t, t.a).get(`${itemsPath}/XXX2`)).status).toBe(404);
  });
});

describe('PUT one item', () => {
  it('replaces an existing item (200), the URL id winning over the body', async () => {
    const example = examples.put;
    const answer = await api(t, t.a).put(`${itemsPath}/P001`, {
      body: { ...(requestBody('put') as object), id: 'SOMETHING-ELSE' },
    });
    expect(answer.status).toBe(200);
    expect(shapeDifferences(example?.response.body, answer.json, { allowExtra: ['df_url'] })).toEqual([]);
    expect(body(answer)).toMatchObject({ id: 'P001', title: 'sample modified product', url: itemUrl('P001') });
    const stored = body<Item>(await api(t, t.a).get(`${itemsPath}/P001`));
    expect(stored.title).toBe('sample modified product');
    expect(stored.link).toBe('http://www.example.com/products/sample-product.html');
    expect((await api(t, t.a).get(`${itemsPath}/SOMETHING-ELSE`)).status).toBe(404);
  });

  it('does not store df_url, which is read-only: an item read and sent back keeps its own location', async () => {
    const read = body<Item>(await api(t, t.a).get(`${itemsPath}/P001`));
    await api(t, t.a).put(`${itemsPath}/P002`, { body: { ...read, title: 'copy' } });
    await api(t, t.a).put(itemsPath, { body: [{ id: 'P003', df_url: 'http://elsewhere/x' }] });
    await api(t, t.a).patch(`${itemsPath}/P004`, { body: { df_url: 'http://elsewhere/y' } });
    const { db } = t.sandbox.ctx;
    const stored = db.prepare("SELECT doc FROM items WHERE id IN ('P002', 'P003', 'P004')").pluck().all() as string[];
    expect(stored).toHaveLength(3);
    for (const doc of stored) expect(JSON.parse(doc)).not.toHaveProperty('df_url');
    expect(body(await api(t, t.a).get(`${itemsPath}/P002`))).toMatchObject({ df_url: itemUrl('P002') });
  });

  it('drops fields the replacement does not have', async () => {
    await api(t, t.a).put(`${itemsPath}/P001`, { body: { title: 'only a title' } });
    const stored = body<Item>(await api(t, t.a).get(`${itemsPath}/P001`));
    expect(stored).not.toHaveProperty('price');
  });

  it('creates the item when the id is new (201)', async () => {
    const answer = await api(t, t.a).put(`${itemsPath}/NEW1`, { body: { title: 'new' } });
    expect(answer.status).toBe(201);
    expect(body(answer)).toMatchObject({ id: 'NEW1', df_manual_boost: 1, df_indexed_text: null });
  });
});

describe('PUT items in bulk', () => {
  it('creates or replaces every item (200), answered as the example', async () => {
    const example = examples['put-bulk'];
    const answer = await api(t, t.a).put(`${itemsPath}/`, { body: example?.request.body });
    expect(answer.status).toBe(200);
    expect(
      shapeDifferences(example?.response.body, answer.json, {
        allowExtra: ['df_url', 'df_manual_boost', 'df_indexed_text'],
      }),
    ).toEqual([]);
    expect(body<Item[]>(answer).map((item) => item.id)).toEqual(['AX1', 'AX2']);
    expect(body(await api(t, t.a).get(`${itemsPath}/AX2`))).toMatchObject({ price: 22 });
  });

  it('answers 409 when an item has no id, and stores none', async () => {
    const answer = await api(t, t.a).put(itemsPath, { body: [{ id: 'Q1' }, { title: 'no id' }] });
    expect(answer.status).toBe(409);
    expect(body(answer)).toEqual({ detail: "Some items don't have required 'id' field" });
    expect((await api(t, t.a).get(`${itemsPath}/Q1`)).status).toBe(404);
  });

  it('answers 400 with unindexed_items naming the items that did not fit', async () => {
    await api(t, t.a).put(`${itemsPath}/DATED`, { body: { 'date-fin-promo': '2024-01-31' } });
    const answer = await api(t, t.a).put(itemsPath, {
      body: [
        { id: 'good1', 'date-fin-promo': '2024-02-01' },
        { id: 'badid2', 'date-fin-promo': 'soon' },
      ],
    });
    expect(answer.status).toBe(400);
    expect(shapeDifferences(examples['put-bulk-unindexed']?.response.body, answer.json)).toEqual([]);
    expect(body(answer)).toMatchObject({ unindexed_items: { badid2: { status: '400' } } });
    expect((await api(t, t.a).get(`${itemsPath}/good1`)).status).toBe(200);
  });
});

describe('PATCH one item', () => {
  it('changes only the fields sent, and answers them with id and df_url', async () => {
    const example = examples.patch;
    const answer = await api(t, t.a).patch(`${itemsPath}/P002`, { body: { ...(example?.request.body as object) } });
    expect(answer.status).toBe(200);
    expect(shapeDifferences(example?.response.body, answer.json, { allowExtra: ['url'] })).toEqual([]);
    expect(body(answer)).toEqual({
      id: 'P002',
      df_url: itemUrl('P002'),
      url: itemUrl('P002'),
      title: 'sample modified product',
      price: 23.2,
    });
    expect(body(await api(t, t.a).get(`${itemsPath}/P002`))).toMatchObject({
      title: 'sample modified product',
      price: 23.2,
      link: 'https://shop.example.com/P/2',
    });
  });

  it('creates nothing for an unknown id (404)', async () => {
    const answer = await api(t, t.a).patch(`${itemsPath}/NOPE`, { body: { title: 'x' } });
    expect(answer.status).toBe(404);
    expect((await api(t, t.a).get(`${itemsPath}/NOPE`)).status).toBe(404);
  });
});

describe('PATCH items in bulk', () => {
  it('changes only the fields sent, and answers only those', async () => {
    const patches = [
      { id: 'P001', title: 'sample modified product' },
      { id: 'P002', price: 23, image_link: 'http://www.example.com/products/img/AAX999.png' },
    ];
    const answer = await api(t, t.a).patch(`${itemsPath}/`, { body: patches });
    expect(answer.status).toBe(200);
    expect(shapeDifferences(examples['patch-bulk']?.response.body, answer.json)).toEqual([]);
    expect(body(answer)).toEqual(patches);
    expect(body(await api(t, t.a).get(`${itemsPath}/P002`))).toMatchObject({
      title: 'P item 2',
      price: 23,
      image_link: 'http://www.example.com/products/img/AAX999.png',
    });
  });

  it('names a missing id with document_missing_exception and a bad value with mapper_parsing_exception', async () => {
    await api(t, t.a).put(`${itemsPath}/badid2`, { body: { price: 3 } });
    const answer = await api(t, t.a).patch(itemsPath, {
      body: [
        { id: 'P001', title: 'patched' },
        { id: 'XXX2', title: 'ghost' },
        { id: 'badid2', price: 'cheap' },
      ],
    });
    expect(answer.status).toBe(400);
    expect(shapeDifferences(examples['patch-bulk-unindexed']?.response.body, answer.json)).toEqual([]);
    expect(body(answer)).toEqual({
      detail: 'Some items were not indexed. ',
      unindexed_items: {
        XXX2: {
          status: '404',
          reason: `[${hashid}@product@${createHash('md5').update('XXX2').digest('hex')}]: document missing`,
          type: 'document_missing_exception',
        },
        badid2: { status: '400', reason: 'failed to parse [price]', type: 'mapper_parsing_exception' },
      },
    });
    // The item that fitted was patched; nothing was created.
    expect(body(await api(t, t.a).get(`${itemsPath}/P001`))).toMatchObject({ title: 'patched' });
    expect((await api(t, t.a).get(`${itemsPath}/XXX2`)).status).toBe(404);
  });

  it('answers 409 when an item has no id', async () => {
    const answer = await api(t, t.a).patch(itemsPath, { body: [{ title: 'no id' }] });
    expect(answer.status).toBe(409);
    expect(body(answer)).toEqual({ detail: "Some items don't have required 'id' field" });
  });
});

describe('DELETE', () => {
  it('deletes one item (204, no body)', async () => {
    const answer = await api(t, t.a).delete(`${itemsPath}/P003`);
    expect(answer.status).toBe(examples.delete?.response.status);
    expect(answer.text).toBe('');
    expect((await api(t, t.a).get(`${itemsPath}/P003`)).status).toBe(404);
    expect((await api(t, t.a).delete(`${itemsPath}/P003`)).status).toBe(404);
  });

  it('deletes in bulk and answers which ids went and which were not there', async () => {
    const answer = await api(t, t.a).delete(itemsPath, { body: [{ id: 'P001' }, { id: 'P002' }, { id: 'GONE' }] });
    expect(answer.status).toBe(200);
    expect(shapeDifferences(examples['delete-bulk']?.response.body, answer.json)).toEqual([]);
    expect(body(answer)).toEqual({ errors: ['GONE'], success: ['P001', 'P002'] });
    expect(body<{ count: number }>(await api(t, t.a).get(itemsPath)).count).toBe(23);
  });

  it("never deletes another account's items", async () => {
    expect((await api(t, t.a).delete(`/v1/${t.b.hashids[0]}/items/product/B000`)).status).toBe(404);
    expect((await api(t, t.b).get(`/v1/${t.b.hashids[0]}/items/product/B000`)).status).toBe(200);
  });
});

describe('items of crawling and shopify types', () => {
  it('can be read but not written (409)', async () => {
    await control(t, 'PUT', `/engines/${hashid}`, { type_kinds: { product: 'shopify' } });
    expect((await api(t, t.a).get(`${itemsPath}/P001`)).status).toBe(200);
    const writes = [
      api(t, t.a).post(itemsPath, { body: { id: 'S1' } }),
      api(t, t.a).put(`${itemsPath}/P001`, { body: { title: 'x' } }),
      api(t, t.a).patch(`${itemsPath}/P001`, { body: { title: 'x' } }),
      api(t, t.a).delete(`${itemsPath}/P001`),
      api(t, t.a).delete(itemsPath, { body: [{ id: 'P001' }] }),
    ];
    for (const answer of await Promise.all(writes)) {
      expect(answer.status).toBe(409);
      expect(body(answer)).toEqual({ detail: 'You can not modify the product type using the API' });
    }
  });
});
