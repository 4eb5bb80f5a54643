/**
 * The Sandbox account's Feed demo engine and its sample feed: each scenario the app offers
 * ("Sandbox: sample feed"), processed by the sandbox through `tasks/process` and read back
 * through `/logs` and the items, the way the Feeds page sees them.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEED_SCENARIOS, feedDemoCsv } from '../../../main/sandbox/seed/feed-demo-csv';
import { sandboxFeedFile, writeSandboxFeed } from '../../../main/worker/accounts/sandbox-feed';
import { getV1, postV1, startSeededSandbox, type SeededSandbox } from './harness';

interface TaskAnswer {
  state: string;
  message: string;
  link?: string;
}
interface LogLine {
  level: string;
  msg: string;
}
interface Scrolled {
  count: number;
  scroll_id: string;
  results: Array<Record<string, unknown>>;
}

let t: SeededSandbox;
let hashid: string;

beforeAll(async () => {
  t = await startSeededSandbox({ items: 20, feeds: true }, (dataDir) => writeSandboxFeed(dataDir, 'healthy'));
  hashid = t.engines.get('Feed demo') ?? '';
});
afterAll(async () => {
  await t.close();
});

async function processFeed(query = ''): Promise<TaskAnswer> {
  const started = await postV1<TaskAnswer>(t, `/${hashid}/tasks/process${query}`);
  expect(started.status).toBe(201);
  await t.sandbox.ctx.tasks.settled();
  const taskId = started.json.link?.split('/').at(-1) ?? '';
  return (await getV1<TaskAnswer>(t, `/${hashid}/tasks/${taskId}`)).json;
}

async function products(): Promise<Array<Record<string, unknown>>> {
  const found: Array<Record<string, unknown>> = [];
  let page = (await getV1<Scrolled>(t, `/${hashid}/items/product?rpp=100`)).json;
  while (page.results.length > 0) {
    found.push(...page.results);
    page = (await getV1<Scrolled>(t, `/${hashid}/items/product?scroll_id=${encodeURIComponent(page.scroll_id)}`)).json;
  }
  return found;
}

const productCount = async (): Promise<number> =>
  (await getV1<Scrolled>(t, `/${hashid}/items/product?rpp=1`)).json.count;

const logLines = async (): Promise<LogLine[]> => (await getV1<LogLine[]>(t, `/${hashid}/logs`)).json;

describe('the Feed demo engine', () => {
  it('sits next to the two sample shops, with 300 products and feed-demo.csv as its only source', async () => {
    expect([...t.engines.keys()]).toEqual(['Fashion store', 'Outdoor shop', 'Feed demo']);
    const type = await getV1<{ sources: string[] }>(t, `/${hashid}/types/product`);
    expect(type.json.sources).toEqual([sandboxFeedFile(t.dataDir)]);
    await expect(productCount()).resolves.toBe(300);
  });

  it('writes each scenario as the same bytes every time, through the file the engine reads', () => {
    for (const scenario of FEED_SCENARIOS) {
      const { file } = writeSandboxFeed(t.dataDir, scenario);
      expect(file).toBe(sandboxFeedFile(t.dataDir));
      expect(readFileSync(file, 'utf8'), scenario).toBe(feedDemoCsv(scenario));
    }
  });
});

// One engine, one file: each step starts from what the one before it left.
describe('processing the sample feed, scenario by scenario', () => {
  it('healthy: the first "Process now" succeeds and keeps the 300 seeded products', async () => {
    writeSandboxFeed(t.dataDir, 'healthy');
    const task = await processFeed();
    expect(task).toMatchObject({ state: 'SUCCESS' });
    await expect(productCount()).resolves.toBe(300);
    expect((await logLines()).map((line) => line.msg)).toContain(
      'Type product: 300 items indexed, 0 removed, 0 lines skipped',
    );
  });

  it('healthy again: "No changes", and forcing it processes the feed anyway', async () => {
    await expect(processFeed()).resolves.toMatchObject({ state: 'FAILURE', message: 'No changes' });
    await expect(processFeed('?force=true')).resolves.toMatchObject({ state: 'SUCCESS' });
  });

  it('bad-rows: succeeds, with a warning naming the line of each broken row', async () => {
    writeSandboxFeed(t.dataDir, 'bad-rows');
    await expect(processFeed()).resolves.toMatchObject({ state: 'SUCCESS' });
    const warnings = (await logLines()).filter((line) => line.level === 'WARNING').map((line) => line.msg);
    expect(warnings.sort()).toEqual([
      'Item could not be indexed: failed to parse [price] at line number: 204',
      "Item does not have key field: 'id' at line number: 42",
      'Wrong number of fields: expected 14, found 5 at line number: 113',
    ]);
    await expect(productCount()).resolves.toBe(300);
  });

  it('empty: fails with "Feed is empty" and leaves the products as they were', async () => {
    writeSandboxFeed(t.dataDir, 'empty');
    await expect(processFeed()).resolves.toMatchObject({ state: 'FAILURE', message: 'Feed is empty' });
    await expect(productCount()).resolves.toBe(300);
  });

  it('lost-products: succeeds with 120 of the 300 products left, none of them with a brand', async () => {
    writeSandboxFeed(t.dataDir, 'lost-products');
    await expect(processFeed()).resolves.toMatchObject({ state: 'SUCCESS' });
    const left = await products();
    expect(left).toHaveLength(120);
    expect(left.filter((item) => 'brand' in item)).toEqual([]);
    expect(left.every((item) => typeof item.title === 'string' && typeof item.price === 'number')).toBe(true);
  });
});
