/**
 * A 100,000-row feed is processed in slices: the sandbox keeps answering requests all
 * through the run (a client sees the task STARTED many times before it ends), and every
 * row ends up an item.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  gzip,
  itemCount,
  setSources,
  startFeedSandbox,
  startProcess,
  task,
  v1,
  writeFeed,
  type FeedSandbox,
} from './harness';

const ROWS = 100_000;

let t: FeedSandbox;
beforeAll(async () => {
  t = await startFeedSandbox();
});
afterAll(async () => {
  await t.close();
});

function bigFeed(): Buffer {
  const lines = ['id|title|brand|categories|price'];
  for (let n = 0; n < ROWS; n += 1) {
    lines.push(`P${n}|Product number ${n}|Brand ${n % 97}|Clothing > Shirts %% Sale|${(n % 500) + 0.99}`);
  }
  return gzip(lines.join('\n'));
}

it('the sandbox answers other requests all through a 100,000-row run, and every row is indexed', async () => {
  await setSources(t, [await writeFeed(t, 'big.csv.gz', bigFeed())]);
  const { taskId } = await startProcess(t);
  let startedAnswers = 0;
  let otherAnswers = 0;
  let state = 'PENDING';
  while (state === 'PENDING' || state === 'STARTED') {
    state = (await task(t, taskId)).state;
    if (state === 'STARTED') {
      startedAnswers += 1;
      // Reads of the engine being written answer meanwhile; writes meet the block.
      if ((await v1(t, 'GET', '/types')).status === 200) otherAnswers += 1;
    }
  }
  expect(state).toBe('SUCCESS');
  // Had the run held the event loop, the first poll would only have been answered once it was over.
  expect(startedAnswers).toBeGreaterThanOrEqual(3);
  expect(otherAnswers).toBeGreaterThanOrEqual(3);
  expect(await itemCount(t)).toBe(ROWS);
  expect((await v1(t, 'GET', '/items/product/P99999')).json).toMatchObject({
    id: 'P99999',
    title: 'Product number 99999',
    categories: ['Clothing > Shirts', 'Sale'],
    price: 499.99,
  });
}, 120_000);
