/** Management v1 search engines and the API root, over HTTP, against management-api-v1.md. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, body, fixture, reseed, shapeDifferences, startTestSandbox, type TestSandbox } from './harness';

const examples = fixture('management-searchengines.json');
let t: TestSandbox;

beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  await reseed(t);
});

type EngineAnswer = Record<string, unknown> & { hashid: string; id: number };

describe('the API root GET /v1/', () => {
  it("lists the account's engines by hashid with their entry points, beside a searchengines link", async () => {
    for (const path of ['/v1/', '/v1']) {
      const answer = await api(t, t.a).get(path);
      expect(answer.status).toBe(200);
      const root = body<Record<string, unknown>>(answer);
      expect(root.searchengines).toBe(`${t.url}/v1/searchengines`);
      // pydoof 2.x: pop('searchengines'), then every other key is a hashid with a name.
      const { searchengines: _link, ...engines } = root;
      expect(Object.keys(engines).sort()).toEqual([...t.a.hashids].sort());
      const [first] = t.a.hashids;
      expect(engines[first ?? '']).toEqual({
        name: 'Shop A1',
        items: {
          product: `${t.url}/v1/${first}/items/product`,
          article: `${t.url}/v1/${first}/items/article`,
        },
        tasks: { process: `${t.url}/v1/${first}/tasks/process` },
        types: `${t.url}/v1/${first}/types`,
        stats: `${t.url}/v1/${first}/stats`,
        logs: `${t.url}/v1/${first}/logs`,
      });
    }
  });

  it("never shows another account's engines", async () => {
    const root = body(await api(t, t.b).get('/v1/'));
    expect(Object.keys(root).sort()).toEqual(['searchengines', ...t.b.hashids].sort());
  });
});

describe('GET /v1/searchengines', () => {
  it('answers count, next, previous and results shaped as the example', async () => {
    const answer = await api(t, t.a).get('/v1/searchengines');
    expect(answer.status).toBe(200);
    expect(shapeDifferences(examples.list?.response.body, answer.json)).toEqual([]);
    const list = body<{ count: number; next: null; previous: null; results: EngineAnswer[] }>(answer);
    expect(list.count).toBe(2);
    expect(list.results.map((engine) => engine.hashid)).toEqual(t.a.hashids);
    expect(list.results[0]).toMatchObject({
      name: 'Shop A1',
      site_url: 'https://a1.example.com/',
      url: `${t.url}/v1/searchengines/${t.a.hashids[0]}`,
      account: 'user-a',
    });
    expect(list.results[0]?.hashid).toMatch(/^[a-f0-9]{32}$/);
  });
});

describe('POST /v1/searchengines', () => {
  it('creates an engine (201) with id, hashid and user filled in by the server', async () => {
    const example = examples.create;
    const answer = await api(t, t.a).post('/v1/searchengines', { body: example?.request.body });
    expect(answer.status).toBe(201);
    expect(shapeDifferences(example?.response.body, answer.json)).toEqual([]);
    const created = body<EngineAnswer>(answer);
    expect(created).toMatchObject({ ...(example?.request.body as object), user: 'user-a' });
    expect(created.hashid).toMatch(/^[a-f0-9]{32}$/);
    expect(t.a.hashids).not.toContain(created.hashid);
    const list = body<{ count: number }>(await api(t, t.a).get('/v1/searchengines'));
    expect(list.count).toBe(3);
    expect(body(await api(t, t.a).get('/v1/'))).toHaveProperty(created.hashid);
  });

  it('answers 400 naming each missing or invalid field, and creates nothing', async () => {
    const answer = await api(t, t.a).post('/v1/searchengines', { body: { name: 'x', site_url: 'not a url' } });
    expect(answer.status).toBe(400);
    expect(body(answer)).toEqual({
      site_url: ['Enter a valid URL.'],
      language: ['This field is required.'],
      currency: ['This field is required.'],
    });
    expect(body<{ count: number }>(await api(t, t.a).get('/v1/searchengines')).count).toBe(2);
  });

  it('answers 406 with the documented message for malformed JSON', async () => {
    const answer = await api(t, t.a).post('/v1/searchengines', {
      body: '{"name": "x",',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(answer.status).toBe(406);
    expect(body(answer)).toEqual({ detail: 'put/post operation needs proper JSON to be submitted' });
  });

  it('answers 400 for a list instead of an engine, naming what it got', async () => {
    const answer = await api(t, t.a).post('/v1/searchengines', { body: [] });
    expect(answer.status).toBe(400);
    expect(body(answer)).toEqual({ non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] });
  });
});

describe('GET /v1/searchengines/{hashid}', () => {
  it('answers the engine shaped as the example', async () => {
    const [hashid] = t.a.hashids;
    const answer = await api(t, t.a).get(`/v1/searchengines/${hashid}`);
    expect(answer.status).toBe(200);
    expect(shapeDifferences(examples.get?.response.body, answer.json)).toEqual([]);
    expect(body(answer)).toMatchObject({ hashid, name: 'Shop A1', user: 'user-a' });
  });

  it("answers 404 for an unknown hashid and for another account's engine", async () => {
    for (const hashid of ['0'.repeat(32), t.b.hashids[0]]) {
      const answer = await api(t, t.a).get(`/v1/searchengines/${hashid}`);
      expect(answer.status).toBe(404);
      expect(body(answer)).toEqual({ detail: 'Not found.' });
    }
  });
});

describe('PUT and PATCH /v1/searchengines/{hashid}', () => {
  it('replaces every field with PUT, and answers the engine', async () => {
    const [hashid] = t.a.hashids;
    const example = examples.put;
    const answer = await api(t, t.a).put(`/v1/searchengines/${hashid}`, { body: example?.request.body });
    expect(answer.status).toBe(200);
    expect(shapeDifferences(example?.response.body, answer.json)).toEqual([]);
    expect(body(answer)).toMatchObject({ ...(example?.request.body as object), hashid });
    expect(body(await api(t, t.a).get(`/v1/searchengines/${hashid}`))).toMatchObject(example?.request.body as object);
  });

  it('wants every field with PUT (400 naming the missing ones)', async () => {
    const answer = await api(t, t.a).put(`/v1/searchengines/${t.a.hashids[0]}`, { body: { currency: 'USD' } });
    expect(answer.status).toBe(400);
    expect(Object.keys(body(answer)).sort()).toEqual(['language', 'name', 'site_url']);
  });

  it('changes only the fields sent with PATCH', async () => {
    const [hashid] = t.a.hashids;
    const answer = await api(t, t.a).patch(`/v1/searchengines/${hashid}`, { body: examples.patch?.request.body });
    expect(answer.status).toBe(200);
    expect(shapeDifferences(examples.get?.response.body, answer.json)).toEqual([]);
    expect(body(answer)).toMatchObject({ currency: 'EUR', name: 'Shop A1', site_url: 'https://a1.example.com/' });
  });

  it("cannot change another account's engine", async () => {
    const answer = await api(t, t.a).patch(`/v1/searchengines/${t.b.hashids[0]}`, { body: { name: 'mine now' } });
    expect(answer.status).toBe(404);
    expect(body(await api(t, t.b).get(`/v1/searchengines/${t.b.hashids[0]}`))).toMatchObject({ name: 'Shop B' });
  });
});

describe('DELETE /v1/searchengines/{hashid}', () => {
  it('answers 204 with no body, and the engine and its items are gone', async () => {
    const [hashid] = t.a.hashids;
    const answer = await api(t, t.a).delete(`/v1/searchengines/${hashid}`);
    expect(answer.status).toBe(examples.delete?.response.status);
    expect(answer.text).toBe('');
    expect((await api(t, t.a).get(`/v1/searchengines/${hashid}`)).status).toBe(404);
    expect((await api(t, t.a).get(`/v1/${hashid}/items/product/P000`)).status).toBe(404);
    expect(body<{ count: number }>(await api(t, t.a).get('/v1/searchengines')).count).toBe(1);
  });

  it("cannot delete another account's engine", async () => {
    expect((await api(t, t.a).delete(`/v1/searchengines/${t.b.hashids[0]}`)).status).toBe(404);
    expect((await api(t, t.b).get(`/v1/searchengines/${t.b.hashids[0]}`)).status).toBe(200);
  });
});
