/** Management v1 types, over HTTP, against management-api-v1.md "Types". */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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

const examples = fixture('management-types.json');
// Long, so that "still blocked halfway" holds however slowly the test runs (it times out first).
const DELETION_MS = 10 * 60_000;
let t: TestSandbox;
let hashid: string;

beforeAll(async () => {
  t = await startTestSandbox({ config: { typeDeletionMs: DELETION_MS } });
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  await reseed(t);
  hashid = t.a.hashids[0] ?? '';
});

describe('listing and reading types', () => {
  it('lists the type names', async () => {
    const answer = await api(t, t.a).get(`/v1/${hashid}/types`);
    expect(answer.status).toBe(200);
    expect(shapeDifferences(examples.list?.response.body, answer.json)).toEqual([]);
    expect(body(answer)).toEqual(['product', 'article']);
  });

  it('answers one type with name, sources and df_url', async () => {
    await api(t, t.a).put(`/v1/${hashid}/types/product`, { body: { sources: ['http://www.example.com/feed.xml'] } });
    const answer = await api(t, t.a).get(`/v1/${hashid}/types/product`);
    expect(answer.status).toBe(200);
    expect(shapeDifferences(examples.get?.response.body, answer.json)).toEqual([]);
    expect(body(answer)).toEqual({
      name: 'product',
      sources: ['http://www.example.com/feed.xml'],
      df_url: `${t.url}/v1/${hashid}/types/product`,
    });
  });

  it('answers 404 for a type that does not exist', async () => {
    const answer = await api(t, t.a).get(`/v1/${hashid}/types/nothing`);
    expect(answer.status).toBe(404);
    expect(body(answer)).toEqual({ detail: 'Not found.' });
  });

  it("does not show another account's types", async () => {
    expect((await api(t, t.a).get(`/v1/${t.b.hashids[0]}/types`)).status).toBe(404);
  });
});

describe('POST /v1/{hashid}/types', () => {
  it('creates a type (201) and answers the new list of types', async () => {
    const example = examples.create;
    const answer = await api(t, t.a).post(`/v1/${hashid}/types`, { body: example?.request.body });
    expect(answer.status).toBe(201);
    expect(shapeDifferences(example?.response.body, answer.json)).toEqual([]);
    expect(body(answer)).toEqual(['product', 'article', 'paper']);
    expect(body(await api(t, t.a).get(`/v1/${hashid}/types/paper`))).toMatchObject({
      sources: ['http://www.example.com/feed.xml'],
    });
  });

  it('takes a type without sources (pydoof sends only the name)', async () => {
    const answer = await api(t, t.a).post(`/v1/${hashid}/types`, { body: { name: 'page' } });
    expect(answer.status).toBe(201);
    expect(body(await api(t, t.a).get(`/v1/${hashid}/types/page`))).toMatchObject({ sources: [] });
  });

  it('answers 409 "The type is already created" for an existing type', async () => {
    const answer = await api(t, t.a).post(`/v1/${hashid}/types`, { body: { name: 'product' } });
    expect(answer.status).toBe(409);
    expect(body(answer)).toEqual({ detail: 'The type is already created' });
  });

  it('refuses names with special characters or whitespace (400) and creates nothing', async () => {
    for (const name of ['my type', 'a/b', 'ñ-x', '']) {
      const answer = await api(t, t.a).post(`/v1/${hashid}/types`, { body: { name } });
      expect(answer.status).toBe(400);
      expect(body(answer)).toHaveProperty('name');
    }
    expect(body(await api(t, t.a).get(`/v1/${hashid}/types`))).toEqual(['product', 'article']);
  });

  it('answers 406 for malformed JSON', async () => {
    const answer = await api(t, t.a).post(`/v1/${hashid}/types`, { body: '{name: paper}' });
    expect(answer.status).toBe(406);
    expect(body(answer)).toEqual({ detail: 'put/post operation needs proper JSON to be submitted' });
  });
});

describe('PUT /v1/{hashid}/types/{type}', () => {
  it("updates an existing type's sources (200) and never its name", async () => {
    const example = examples.put;
    const answer = await api(t, t.a).put(`/v1/${hashid}/types/article`, {
      body: { ...(example?.request.body as object), name: 'renamed' },
    });
    expect(answer.status).toBe(200);
    expect(shapeDifferences(examples.get?.response.body, answer.json)).toEqual([]);
    expect(body(answer)).toMatchObject({
      name: 'article',
      sources: ['http://www.modified.example.com/feed.xml', 'http://newserver.com/test.txt'],
    });
    expect(body(await api(t, t.a).get(`/v1/${hashid}/types`))).toEqual(['product', 'article']);
  });

  it('creates the type when it does not exist (201)', async () => {
    const answer = await api(t, t.a).put(`/v1/${hashid}/types/paper`, { body: { sources: [] } });
    expect(answer.status).toBe(201);
    expect(body(await api(t, t.a).get(`/v1/${hashid}/types`))).toEqual(['product', 'article', 'paper']);
  });

  it('answers 409 for crawling and shopify types, which cannot be changed through the API', async () => {
    await control(t, 'PUT', `/engines/${hashid}`, { type_kinds: { product: 'crawling', article: 'shopify' } });
    for (const type of ['product', 'article']) {
      const answer = await api(t, t.a).put(`/v1/${hashid}/types/${type}`, { body: { sources: ['http://x/f.xml'] } });
      expect(answer.status).toBe(409);
      expect(body(answer)).toEqual({ detail: `You can not modify the ${type} type using the API` });
    }
    // The kind changed, the sources and the items did not.
    expect(body(await api(t, t.a).get(`/v1/${hashid}/types/product`))).toMatchObject({ sources: [] });
    expect(body<{ count: number }>(await api(t, t.a).get(`/v1/${hashid}/items/product`)).count).toBe(25);
  });
});

describe('DELETE /v1/{hashid}/types/{types}', () => {
  it('starts deleting one type (202) with the documented message, and its items go', async () => {
    const answer = await api(t, t.a).delete(`/v1/${hashid}/types/article`);
    expect(answer.status).toBe(202);
    expect(shapeDifferences(examples['delete-one']?.response.body, answer.json)).toEqual([]);
    expect(body(answer)).toEqual({
      state: 'STARTED',
      message: 'Deletion of the article type has started.',
      detail: 'Indexing operations will be blocked until the type deletion is finished',
    });
    expect(body(await api(t, t.a).get(`/v1/${hashid}/types`))).toEqual(['product']);
    expect((await api(t, t.a).get(`/v1/${hashid}/items/article/A000`)).status).toBe(409);
  });

  it('deletes a comma separated list of types', async () => {
    const answer = await api(t, t.a).delete(`/v1/${hashid}/types/product,article`);
    expect(answer.status).toBe(202);
    expect(shapeDifferences(examples['delete-list']?.response.body, answer.json)).toEqual([]);
    expect(body(answer)).toMatchObject({ message: 'Deletion of the product,article type(s) has started.' });
    expect(body(await api(t, t.a).get(`/v1/${hashid}/types`))).toEqual([]);
  });

  it('deletes every type with _all, and only on that engine', async () => {
    const answer = await api(t, t.a).delete(`/v1/${hashid}/types/_all`);
    expect(answer.status).toBe(202);
    expect(shapeDifferences(examples['delete-all']?.response.body, answer.json)).toEqual([]);
    expect(body(answer)).toMatchObject({ message: 'Deletion of the product,article type(s) has started.' });
    expect(body(await api(t, t.a).get(`/v1/${hashid}/types`))).toEqual([]);
    expect(body(await api(t, t.a).get(`/v1/${t.a.hashids[1]}/types`))).toEqual(['product']);
    expect(body<{ count: number }>(await api(t, t.b).get(`/v1/${t.b.hashids[0]}/items/product`)).count).toBe(5);
  });

  it('answers 409 "Undefined type" when a named type does not exist, and deletes none of them', async () => {
    const answer = await api(t, t.a).delete(`/v1/${hashid}/types/article,nothing`);
    expect(answer.status).toBe(409);
    expect(body(answer)).toEqual({ detail: 'Undefined type. Please create it first' });
    expect(body(await api(t, t.a).get(`/v1/${hashid}/types`))).toEqual(['product', 'article']);
  });

  it('answers 409 for a crawling type, and deletes none of the list', async () => {
    await control(t, 'PUT', `/engines/${hashid}`, { type_kinds: { article: 'crawling' } });
    const answer = await api(t, t.a).delete(`/v1/${hashid}/types/product,article`);
    expect(answer.status).toBe(409);
    expect(body(answer)).toEqual({ detail: 'You can not modify the article type using the API' });
    expect(body(await api(t, t.a).get(`/v1/${hashid}/types`))).toEqual(['product', 'article']);
  });

  it('blocks indexing on the engine (409) until the deletion ends on the sandbox clock', async () => {
    const client = api(t, t.a);
    expect((await client.delete(`/v1/${hashid}/types/article`)).status).toBe(202);
    expect((await client.post(`/v1/${hashid}/types`, { body: { name: 'article' } })).status).toBe(201);
    const writes = [
      () => client.post(`/v1/${hashid}/items/article`, { body: { id: 'N1', title: 'new' } }),
      () => client.put(`/v1/${hashid}/items/product/P001`, { body: { title: 'changed' } }),
      () => client.patch(`/v1/${hashid}/items/product`, { body: [{ id: 'P001', title: 'changed' }] }),
      () => client.delete(`/v1/${hashid}/items/product/P002`),
      () => client.delete(`/v1/${hashid}/items/product`, { body: [{ id: 'P003' }] }),
    ];
    for (const write of writes) {
      const answer = await write();
      expect(answer.status).toBe(409);
      expect(body(answer)).toEqual({ detail: 'Indexing operation in progress' });
    }
    // Reading is not indexing, and other engines are not blocked.
    expect((await client.get(`/v1/${hashid}/items/product/P001`)).status).toBe(200);
    expect((await client.post(`/v1/${t.a.hashids[1]}/items/product`, { body: { id: 'Z' } })).status).toBe(201);

    await advanceClock(t, DELETION_MS / 2);
    expect((await writes[0]?.())?.status).toBe(409);
    await advanceClock(t, DELETION_MS / 2);
    expect((await writes[0]?.())?.status).toBe(201);
    expect((await writes[1]?.())?.status).toBe(200);
  });
});
