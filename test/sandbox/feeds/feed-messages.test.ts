/**
 * What a run does to a type and what it says about it: the feed's items replace the type's
 * contents, "Feed is empty" and "No changes" (and force), a log line per bad row in the
 * documented wording, and parser requests in the Management stats.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  itemCount,
  items,
  logMessages,
  logs,
  processFeeds,
  setSources,
  startFeedSandbox,
  v1,
  writeFeed,
  type FeedSandbox,
} from './harness';

let t: FeedSandbox;
beforeEach(async () => {
  t = await startFeedSandbox();
});
afterEach(async () => {
  await t.close();
});

async function feedOf(content: string, name = 'feed.csv'): Promise<string> {
  const path = await writeFeed(t, name, content);
  await setSources(t, [path]);
  return path;
}

describe('the feed replaces the type’s contents', () => {
  it('items missing from the feed go (API-written ones too), items in it are replaced whole', async () => {
    await feedOf('id|title|color\nA|Alpha|red\nB|Beta|blue\nC|Gamma|green\n');
    expect((await processFeeds(t)).state).toBe('SUCCESS');
    expect((await v1(t, 'POST', '/items/product', { id: 'X', title: 'Written through the API' })).status).toBe(201);

    await feedOf('id|title\nB|Beta again\nD|Delta\n');
    expect((await processFeeds(t)).state).toBe('SUCCESS');
    expect(Object.fromEntries(await items(t))).toEqual({
      B: { id: 'B', title: 'Beta again' },
      D: { id: 'D', title: 'Delta' },
    });
    expect((await logMessages(t))[0]).toBe('Type product: 2 items indexed, 3 removed, 0 lines skipped');
  });

  it('other types and other engines are left alone', async () => {
    expect((await v1(t, 'POST', '/items/notes', { id: 'N1' })).status).toBe(201);
    expect((await v1(t, 'POST', `/v1/${t.otherHashid}/items/product`, { id: 'O1' }, { absolute: true })).status).toBe(
      201,
    );
    await feedOf('id|title\nA|Alpha\n');
    expect((await processFeeds(t)).state).toBe('SUCCESS');
    expect(await itemCount(t, 'notes')).toBe(1);
    const other = (await v1(t, 'GET', `/v1/${t.otherHashid}/items/product`, undefined, { absolute: true })).json as {
      count: number;
    };
    expect(other.count).toBe(1);
  });
});

describe('"Feed is empty"', () => {
  it.each([
    ['a header row only', 'header.csv', 'id|title\n'],
    ['an empty file', 'empty.csv', ''],
    ['only blank lines', 'blank.csv', '\n\n  \n'],
    ['XML without items', 'none.xml', '<?xml version="1.0"?><rss><channel><title>Shop</title></channel></rss>'],
    ['rows that all fail', 'bad.csv', 'id|title\n|no id\n|none either\n'],
  ])('%s: FAILURE, and the type keeps its items', async (_name, file, content) => {
    await feedOf('id|title\nA|Alpha\n', 'first.csv');
    await processFeeds(t);
    await feedOf(content, file);
    expect(await processFeeds(t)).toEqual({ state: 'FAILURE', message: 'Feed is empty', task_name: 'process' });
    expect([...(await items(t)).keys()]).toEqual(['A']);
    expect(await logMessages(t)).toContain('Feed is empty: no items found for type product');
  });

  it('with force the run succeeds and empties the type', async () => {
    await feedOf('id|title\nA|Alpha\nB|Beta\n', 'first.csv');
    await processFeeds(t);
    await feedOf('id|title\n', 'header.csv');
    expect(await processFeeds(t, '?force=true')).toMatchObject({ state: 'SUCCESS' });
    expect(await itemCount(t)).toBe(0);
  });
});

describe('"No changes"', () => {
  it('the same feed again: FAILURE "No changes" and nothing touched; force processes it; an edited feed is processed', async () => {
    const path = await feedOf('id|title\nA|Alpha\n');
    expect((await processFeeds(t)).state).toBe('SUCCESS');
    expect((await v1(t, 'PATCH', '/items/product/A', { title: 'Edited through the API' })).status).toBe(200);

    expect(await processFeeds(t)).toEqual({ state: 'FAILURE', message: 'No changes', task_name: 'process' });
    expect((await items(t)).get('A')).toEqual({ id: 'A', title: 'Edited through the API' });
    expect((await logMessages(t))[0]).toBe('No changes in the feeds of type product since they were last processed');

    expect((await processFeeds(t, '?force=true')).state).toBe('SUCCESS');
    expect((await items(t)).get('A')).toEqual({ id: 'A', title: 'Alpha' });

    await writeFeed(t, 'feed.csv', 'id|title\nA|Alpha\nB|Beta\n');
    expect(path).toContain('feed.csv');
    expect((await processFeeds(t)).state).toBe('SUCCESS');
    expect(await itemCount(t)).toBe(2);
  });

  it('a type emptied since (deleted and made again) is processed even if its feed is the same', async () => {
    const path = await feedOf('id|title\nA|Alpha\n');
    await processFeeds(t);
    expect((await v1(t, 'DELETE', '/types/product')).status).toBe(202);
    expect((await v1(t, 'POST', '/types', { name: 'product', sources: [path] })).status).toBe(201);
    expect((await processFeeds(t)).state).toBe('SUCCESS');
    expect(await itemCount(t)).toBe(1);
  });
});

describe('log lines', () => {
  it('one WARNING per bad row, naming its line in the documented wording; the good rows are indexed', async () => {
    await feedOf(
      [
        'id|title|price',
        'A|Alpha|12',
        '|No id|3',
        'B|Too|many|fields',
        'C|Too few',
        'D|Not a price|cheap',
        'bad id|Spaces are not allowed|1',
        'A|Alpha again|13',
        'E|Fine|5',
      ].join('\n'),
    );
    const task = await processFeeds(t);
    expect(task.state).toBe('SUCCESS');
    expect([...(await items(t)).keys()].sort()).toEqual(['A', 'E']);
    expect((await items(t)).get('A')).toEqual({ id: 'A', title: 'Alpha again', price: 13 });
    expect(await logMessages(t)).toEqual([
      'Type product: 2 items indexed, 0 removed, 5 lines skipped',
      'Item could not be indexed: invalid id [bad id]: only letters, digits, _ and - are allowed at line number: 7',
      'Item could not be indexed: failed to parse [price] at line number: 6',
      "Item id 'A' appears more than once: this one replaces the earlier at line number: 8",
      'Wrong number of fields: expected 3, found 2 at line number: 5',
      'Wrong number of fields: expected 3, found 4 at line number: 4',
      "Item does not have key field: 'id' at line number: 3",
      `Processing feed ${t.dir}/feed.csv for type product`,
    ]);
  });

  it('each line is {date, level, msg, log_type}, newest first, dated on the sandbox clock', async () => {
    await feedOf('id|title\n|x\n');
    await processFeeds(t);
    const lines = await logs(t);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(['date', 'level', 'log_type', 'msg']);
      expect(line.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/);
      expect(line.log_type).toBe('log.parser');
    }
    expect(lines.map((line) => line.level)).toEqual(['ERROR', 'WARNING', 'INFO']);
    expect(lines[1]).toMatchObject({ level: 'WARNING', msg: "Item does not have key field: 'id' at line number: 2" });
    const dates = lines.map((line) => line.date);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('a junk feed cannot flood the log: the first 1,000 problems, then a count of the rest', async () => {
    const rows = Array.from({ length: 1500 }, (_, n) => `|row ${n}`);
    await feedOf(`id|title\nOK|Fine\n${rows.join('\n')}\n`);
    expect((await processFeeds(t)).state).toBe('SUCCESS');
    const messages = await logMessages(t);
    expect(messages.filter((msg) => msg.startsWith('Item does not have key field'))).toHaveLength(1000);
    expect(messages).toContain('500 more problems in this feed were not logged (only the first 1000 are)');
    expect(messages[0]).toBe('Type product: 1 items indexed, 0 removed, 1500 lines skipped');
  });

  it('GET /logs is per engine', async () => {
    await feedOf('id|title\n|x\n');
    await processFeeds(t);
    expect((await logs(t)).length).toBeGreaterThan(0);
    const other = await v1(t, 'GET', `/v1/${t.otherHashid}/logs`, undefined, { absolute: true });
    expect(other).toMatchObject({ status: 200, json: [] });
  });
});

describe('several types', () => {
  it('one type’s failure fails the task with its message; the other types are processed all the same', async () => {
    await setSources(t, [await writeFeed(t, 'good.csv', 'id|title\nG|Good\n')], 'product');
    await setSources(t, [`${t.dir}/missing.csv`], 'notes');
    expect(await processFeeds(t)).toEqual({
      state: 'FAILURE',
      message: `Feed ${t.dir}/missing.csv (type notes) could not be processed: the file does not exist`,
      task_name: 'process',
    });
    expect(await itemCount(t, 'product')).toBe(1);
  });
});

describe('stats', () => {
  it('each processed source counts as parser requests (items indexed) in the Management stats', async () => {
    const { now } = (await (await fetch(`${t.url}/_sandbox/clock`)).json()) as { now: number };
    const today = new Date(now).toISOString().slice(0, 10).replace(/-/g, '');
    const statsTotals = async () => {
      const { aggregates } = (await v1(t, 'GET', `/stats?from=${today}&to=${today}`)).json as {
        aggregates: Array<{ parser: number; requests: number; api: number; queries: number }>;
      };
      return {
        parser: aggregates.reduce((sum, day) => sum + day.parser, 0),
        requests: aggregates.reduce((sum, day) => sum + day.requests - day.api - day.queries, 0),
      };
    };
    expect((await statsTotals()).parser).toBe(0);
    await feedOf('id|title\nA|Alpha\nB|Beta\nC|Gamma\n');
    await processFeeds(t);
    expect(await statsTotals()).toEqual({ parser: 3, requests: 3 });
    await feedOf('id|title\nA|Alpha\n|skipped\n', 'second.csv');
    await processFeeds(t);
    expect((await statsTotals()).parser).toBe(4);
    // "No changes" processes nothing.
    await processFeeds(t);
    expect((await statsTotals()).parser).toBe(4);
  });
});
