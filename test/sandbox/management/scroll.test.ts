/** Management v1 "List/Scroll Items", over HTTP: scroll ids, rpp, next links, expiry on the sandbox clock. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  advanceClock,
  api,
  body,
  fixture,
  reseed,
  send,
  shapeDifferences,
  startTestSandbox,
  type TestSandbox,
} from './harness';

const examples = fixture('management-items.json');
const MINUTE = 60_000;
let t: TestSandbox;
let itemsPath: string;

interface Page {
  scroll_id: string;
  count: number;
  next: string;
  results: Array<Record<string, unknown> & { id: string; url: string; df_url: string }>;
}

beforeAll(async () => {
  t = await startTestSandbox({ items: 245 });
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  await reseed(t, 245);
  itemsPath = `/v1/${t.a.hashids[0]}/items/product`;
});

async function page(path: string): Promise<Page> {
  const answer = await api(t, t.a).get(path);
  expect(answer.status).toBe(200);
  return body<Page>(answer);
}

/** Follows `next` links exactly as given, without building URLs ourselves. */
async function follow(next: string): Promise<Page> {
  const answer = await send(next, 'GET', '', { token: t.a.token });
  expect(answer.status).toBe(200);
  return body<Page>(answer);
}

describe('the first request', () => {
  it('answers scroll_id, count, next and 10 results, shaped as the example', async () => {
    const first = await page(itemsPath);
    expect(
      shapeDifferences(examples['scroll-first']?.response.body, first, { allowExtra: ['df_url', 'price'] }),
    ).toEqual([]);
    expect(first.count).toBe(245);
    expect(first.results).toHaveLength(10);
    expect(first.scroll_id).toEqual(expect.any(String));
    expect(first.next).toBe(`${t.url}${itemsPath}?scroll_id=${encodeURIComponent(first.scroll_id)}`);
    for (const item of first.results) {
      expect(item.url).toBe(`${t.url}${itemsPath}/${item.id}`);
      expect(item.df_url).toBe(item.url);
    }
  });

  it('takes rpp, at most 100', async () => {
    expect((await page(`${itemsPath}?rpp=20`)).results).toHaveLength(20);
    expect((await page(`${itemsPath}?rpp=100`)).results).toHaveLength(100);
    expect((await page(`${itemsPath}?rpp=500`)).results).toHaveLength(100);
  });

  it('falls back to 10 for an rpp that is not a positive number', async () => {
    for (const rpp of ['0', '-5', 'ten', '', '1e400']) {
      expect((await page(`${itemsPath}?rpp=${rpp}`)).results).toHaveLength(10);
    }
  });

  it('answers an empty list for a type without items', async () => {
    const empty = await page(`/v1/${t.a.hashids[1]}/items/product`);
    expect(empty).toMatchObject({ count: 0, results: [] });
    expect(empty.scroll_id).toEqual(expect.any(String));
  });
});

describe('the following requests', () => {
  it('walk every item once, each page carrying a scroll_id, then answer 200 with no results', async () => {
    let current = await page(`${itemsPath}?rpp=100`);
    const seen = [...current.results.map((item) => item.id)];
    const sizes = [current.results.length];
    for (;;) {
      current = await follow(current.next);
      expect(
        shapeDifferences(examples['scroll-next']?.response.body, current, {
          allowExtra: ['scroll_id', 'df_url', 'price'],
        }),
      ).toEqual(current.results.length === 0 ? ['$.results: the example has elements, the answer none'] : []);
      expect(current.scroll_id).toEqual(expect.any(String));
      expect(current.count).toBe(245);
      if (current.results.length === 0) break;
      sizes.push(current.results.length);
      seen.push(...current.results.map((item) => item.id));
    }
    expect(sizes).toEqual([100, 100, 45]);
    expect(new Set(seen).size).toBe(245);
    // Past the end it stays empty.
    expect((await follow(current.next)).results).toEqual([]);
  });

  it('keep the page size of the first request: rpp is only read then', async () => {
    const first = await page(`${itemsPath}?rpp=7`);
    const second = await page(`${itemsPath}?scroll_id=${encodeURIComponent(first.scroll_id)}&rpp=50`);
    expect(second.results).toHaveLength(7);
    expect(second.results[0]?.id).not.toBe(first.results[0]?.id);
  });

  it('are separate for separate scrolls', async () => {
    const one = await page(`${itemsPath}?rpp=5`);
    const two = await page(`${itemsPath}?rpp=5`);
    expect(two.scroll_id).not.toBe(one.scroll_id);
    expect(two.results).toEqual(one.results);
    expect((await follow(one.next)).results[0]?.id).toBe((await follow(two.next)).results[0]?.id);
  });
});

describe('scroll_id expiry', () => {
  it('is valid for 5 minutes after each request', async () => {
    const first = await page(itemsPath);
    await advanceClock(t, 4 * MINUTE);
    const second = await follow(first.next);
    expect(second.results).toHaveLength(10);
    // 8 minutes after the first request, 4 after the last: still valid.
    await advanceClock(t, 4 * MINUTE);
    expect((await follow(second.next)).results).toHaveLength(10);
    await advanceClock(t, 5 * MINUTE);
    const expired = await api(t, t.a).get(`${itemsPath}?scroll_id=${encodeURIComponent(first.scroll_id)}`);
    expect(expired.status).toBe(404);
    expect(body<{ detail: string }>(expired).detail).toMatch(/scroll_id expires 5 minutes after its last request/);
  });

  it('is unknown on another type, engine or account', async () => {
    const first = await page(itemsPath);
    const id = encodeURIComponent(first.scroll_id);
    expect((await api(t, t.a).get(`/v1/${t.a.hashids[0]}/items/article?scroll_id=${id}`)).status).toBe(404);
    expect((await api(t, t.a).get(`/v1/${t.a.hashids[1]}/items/product?scroll_id=${id}`)).status).toBe(404);
    expect((await api(t, t.b).get(`/v1/${t.b.hashids[0]}/items/product?scroll_id=${id}`)).status).toBe(404);
    expect((await api(t, t.a).get(`${itemsPath}?scroll_id=made-up`)).status).toBe(404);
  });
});
