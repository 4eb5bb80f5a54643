/** The processing log: read from the sandbox, kept for offline use, filtered, with the feed line of each problem. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../../main/sandbox/index';
import { lineNumberOf } from '../../../../main/worker/feeds/log-lines';
import { control, feedText, feedWorld, products, startFeedSandbox, until, type FeedWorld } from './feeds-fixture';

let sandbox: Sandbox;
let world: FeedWorld;

beforeAll(async () => {
  sandbox = await startFeedSandbox();
});

afterAll(async () => {
  await sandbox.close();
});

afterEach(async () => {
  await world?.close();
  await control(sandbox, 'DELETE', '/faults');
});

/** Line 1 is the header: line 3 has no id, line 5 too few fields. */
const BAD_ROWS = [
  'id|title|price|brand',
  'P1|Red shoe|19.99|Acme',
  '|No id here|5.00|Acme',
  'P3|Blue shoe|29.99|Acme',
  'P4|Short row',
  'P5|Green shoe|39.99|Acme',
].join('\n');

describe('feed logs', () => {
  it('shows the feed line each problem is on, filtered by level and text', async () => {
    world = await feedWorld(sandbox, { feed: `${BAD_ROWS}\n` });
    const run = await world.feeds.process({ engine: world.hashid, force: false });
    await world.runWhen(run.id, (view) => view.result !== 'running');
    const page = await world.feeds.logs({ engine: world.hashid, refresh: true });
    expect(page.fetchedAt).not.toBeNull();
    expect(page.error).toBeNull();
    const warnings = page.lines.filter((line) => line.level === 'WARNING');
    expect(warnings.map((line) => line.line).sort()).toEqual([3, 5]);
    expect(warnings.find((line) => line.line === 3)?.message).toMatch(/key field: 'id' at line number: 3$/);
    expect(page.levels.WARNING).toBe(2);
    expect(page.levels.INFO).toBeGreaterThan(0);
    expect(page.total).toBe(page.lines.length);

    const onlyWarnings = await world.feeds.logs({ engine: world.hashid, refresh: false, levels: ['warning'] });
    expect(onlyWarnings.total).toBe(2);
    expect(onlyWarnings.levels).toEqual(page.levels);
    const searched = await world.feeds.logs({ engine: world.hashid, refresh: false, text: 'NUMBER OF FIELDS' });
    expect(searched.lines).toMatchObject([{ level: 'WARNING', line: 5 }]);
  });

  it('are kept for offline use: a failed refresh says why and still shows the stored lines', async () => {
    world = await feedWorld(sandbox, { feed: `${BAD_ROWS}\n` });
    const run = await world.feeds.process({ engine: world.hashid, force: false });
    await world.runWhen(run.id, (view) => view.result !== 'running');
    // The app reads the log by itself after a run ends.
    await until(() => world.payloads('feeds:logsChanged').length > 0);
    const stored = await world.feeds.logs({ engine: world.hashid, refresh: false });
    expect(stored.total).toBeGreaterThan(2);
    await control(sandbox, 'POST', '/faults', { rules: [{ path: '/logs', error5xx: 1 }] });
    const offline = await world.feeds.logs({ engine: world.hashid, refresh: true });
    expect(offline.error).toMatch(/could not be read again/);
    expect(offline.lines).toEqual(stored.lines);
    expect(offline.fetchedAt).toBe(stored.fetchedAt);
  });

  it('lists the newest lines first', async () => {
    world = await feedWorld(sandbox, { feed: feedText(products(5)) });
    const first = await world.feeds.process({ engine: world.hashid, force: false });
    await world.runWhen(first.id, (view) => view.result !== 'running');
    world.writeFeed(`${BAD_ROWS}\n`);
    const second = await world.feeds.process({ engine: world.hashid, force: false });
    await world.runWhen(second.id, (view) => view.result !== 'running');
    const page = await world.feeds.logs({ engine: world.hashid, refresh: true });
    const dates = page.lines.map((line) => line.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe('line numbers in log messages', () => {
  it.each([
    ["Item does not have key field: 'id' at line number: 2", 2],
    ['Wrong number of fields: expected 5, found 3 at line number: 17', 17],
    ['Bad price at line 40', 40],
    ['line number 7: quote never closed', 7],
    ['Skipped row (line #12)', 12],
    ['Indexed 3,000 items', null],
    ['Wrong number of fields: expected 5, found 3', null],
  ])('%s -> %s', (message, line) => {
    expect(lineNumberOf(message)).toBe(line);
  });
});
