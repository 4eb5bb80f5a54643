/**
 * Processing tasks as a client sees them: POST tasks/process (201 PENDING with a Link, or
 * 200 WAITING while one is under way), the task's states on the sandbox clock, NOTFOUND,
 * and the 409 indexing block that lasts exactly as long as the run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  control,
  itemCount,
  processFeeds,
  setSources,
  startFeedServer,
  startFeedSandbox,
  startProcess,
  task,
  until,
  v1,
  writeFeed,
  writeStatus,
  type FeedSandbox,
  type TaskAnswer,
} from './harness';

const FEED = 'id|title|price\nA1|First|10\nA2|Second|20\nA3|Third|30\n';

let t: FeedSandbox;
afterEach(async () => {
  await t.close();
});

describe('POST tasks/process', () => {
  it('answers 201 PENDING with the task link in the body and the Link header, then the task succeeds', async () => {
    t = await startFeedSandbox();
    await setSources(t, [await writeFeed(t, 'feed.csv', FEED)]);
    const { answer, taskId } = await startProcess(t);
    expect(answer.status).toBe(201);
    const link = `${t.url}/v1/${t.hashid}/tasks/${taskId}`;
    expect(answer.json).toEqual({
      state: 'PENDING',
      link,
      message: 'Your request has been accepted for processing',
      task_name: 'process',
    });
    expect(answer.headers.get('link')).toBe(`<${link}>`);
    // pydoof 2.x takes the id from the link's last path segment.
    expect(taskId).toMatch(/^[\w-]+$/);
    await t.sandbox.ctx.tasks.settled();
    expect(await task(t, taskId)).toEqual({
      state: 'SUCCESS',
      message: 'The task has successfuly finished',
      task_name: 'process',
    });
    expect((await v1(t, 'GET', '/tasks/process')).json).toEqual(await task(t, taskId));
    expect(await itemCount(t)).toBe(3);
  });

  it('accepts ?force=true and Python-style ?force=True', async () => {
    t = await startFeedSandbox();
    await setSources(t, [await writeFeed(t, 'feed.csv', FEED)]);
    expect((await processFeeds(t)).state).toBe('SUCCESS');
    expect((await processFeeds(t)).message).toBe('No changes');
    expect((await processFeeds(t, '?force=true')).state).toBe('SUCCESS');
    expect((await processFeeds(t, '?force=True')).state).toBe('SUCCESS');
    expect((await processFeeds(t, '?force=false')).message).toBe('No changes');
  });

  it('needs the token, and only reaches engines of its own account', async () => {
    t = await startFeedSandbox();
    expect((await v1(t, 'POST', '/tasks/process', undefined, { token: null })).status).toBe(401);
    const stranger = (await control(t, '/seed', { accounts: [{ engines: [] }] })) as {
      accounts: Array<{ apiKey: string }>;
    };
    const otherToken = stranger.accounts[0]?.apiKey.split('-')[1] ?? '';
    expect((await v1(t, 'POST', '/tasks/process', undefined, { token: otherToken })).status).toBe(404);
    expect((await v1(t, 'GET', '/logs', undefined, { token: otherToken })).status).toBe(404);
  });

  it('an engine without feeds: the task succeeds and items written through the API stay', async () => {
    t = await startFeedSandbox();
    expect((await v1(t, 'POST', '/items/product', { id: 'KEEP', title: 'Kept' })).status).toBe(201);
    expect(await processFeeds(t)).toMatchObject({ state: 'SUCCESS' });
    expect(await itemCount(t)).toBe(1);
  });
});

describe('task states on the sandbox clock', () => {
  it('PENDING for feedQueueMs, STARTED while feedItemsPerSecond paces the run, then SUCCESS', async () => {
    // An hour in the queue and 1,000 s per item: only moving the clock lets the task go on.
    t = await startFeedSandbox({ feedQueueMs: 3_600_000, feedItemsPerSecond: 0.001 });
    await setSources(t, [await writeFeed(t, 'feed.csv', FEED)]);
    const { taskId } = await startProcess(t);
    expect(await task(t, taskId)).toEqual({
      state: 'PENDING',
      message: 'Your request has been accepted for processing',
      task_name: 'process',
    });
    expect((await v1(t, 'GET', '/tasks/process')).json).toMatchObject({ state: 'PENDING' });
    expect(await itemCount(t)).toBe(0);
    expect(await writeStatus(t)).toBe(201);

    await control(t, '/clock', { advanceMs: 3_600_000 });
    await until(async () => (await task(t, taskId)).state === 'STARTED', 'the task to start');
    await until(async () => (await itemCount(t)) === 3, 'the items to be written');
    expect(await task(t, taskId)).toEqual({
      state: 'STARTED',
      message: 'Your task is being processed',
      task_name: 'process',
    });

    await control(t, '/clock', { advanceMs: 3 * 1_000_000 });
    await t.sandbox.ctx.tasks.settled();
    expect((await task(t, taskId)).state).toBe('SUCCESS');
  });

  it('setting feedItemsPerSecond back to null releases a paced run', async () => {
    t = await startFeedSandbox({ feedItemsPerSecond: 0.001 });
    await setSources(t, [await writeFeed(t, 'feed.csv', FEED)]);
    const { taskId } = await startProcess(t);
    await until(async () => (await itemCount(t)) === 3, 'the items to be written');
    expect((await task(t, taskId)).state).toBe('STARTED');
    await control(t, '/config', { feedItemsPerSecond: null });
    await t.sandbox.ctx.tasks.settled();
    expect((await task(t, taskId)).state).toBe('SUCCESS');
  });

  it('a second POST while one is pending or running answers 200 WAITING with a Link to tasks/process', async () => {
    t = await startFeedSandbox({ feedQueueMs: 3_600_000, feedItemsPerSecond: 0.001 });
    await setSources(t, [await writeFeed(t, 'feed.csv', FEED)]);
    const { taskId } = await startProcess(t);
    const waiting = {
      state: 'WAITING',
      link: `${t.url}/v1/${t.hashid}/tasks/process`,
      message: 'A previous process is still running. Check the link',
      task_name: 'process',
    };
    for (const query of ['', '?force=true']) {
      const again = await v1(t, 'POST', `/tasks/process${query}`);
      expect(again.status).toBe(200);
      expect(again.json).toEqual(waiting);
      expect(again.headers.get('link')).toBe(`<${t.url}/v1/${t.hashid}/tasks/process>`);
    }
    await control(t, '/clock', { advanceMs: 3_600_000 });
    await until(async () => (await task(t, taskId)).state === 'STARTED', 'the task to start');
    expect((await v1(t, 'POST', '/tasks/process')).json).toEqual(waiting);
    // Another engine has its own queue.
    expect((await v1(t, 'POST', `/v1/${t.otherHashid}/tasks/process`, undefined, { absolute: true })).status).toBe(201);

    await control(t, '/config', { feedItemsPerSecond: null, feedQueueMs: 0 });
    await t.sandbox.ctx.tasks.settled();
    expect((await v1(t, 'POST', '/tasks/process')).status).toBe(201);
    await t.sandbox.ctx.tasks.settled();
  });
});

describe('NOTFOUND', () => {
  it('unknown ids, malformed ids and other engines’ tasks answer 200 "No info on that task"', async () => {
    t = await startFeedSandbox();
    const notFound = { state: 'NOTFOUND', message: 'No info on that task', task_name: 'process' };
    const fresh = await v1(t, 'GET', '/tasks/process');
    expect(fresh.status).toBe(200);
    expect(fresh.json).toEqual(notFound);
    expect((await v1(t, 'GET', '/tasks/0d6f0bd4-0000-4000-8000-000000000000')).json).toEqual(notFound);
    expect((await v1(t, 'GET', '/tasks/not%20an%20id')).json).toEqual(notFound);

    const other = await v1(t, 'POST', `/v1/${t.otherHashid}/tasks/process`, undefined, { absolute: true });
    const otherId = (other.json as TaskAnswer).link?.split('/').at(-1) ?? '';
    await t.sandbox.ctx.tasks.settled();
    expect(
      (await v1(t, 'GET', `/v1/${t.otherHashid}/tasks/${otherId}`, undefined, { absolute: true })).json,
    ).toMatchObject({
      state: 'SUCCESS',
    });
    expect((await v1(t, 'GET', `/tasks/${otherId}`)).json).toEqual(notFound);
  });

  it('tasks/process answers the latest process task; earlier ones keep their own outcome', async () => {
    t = await startFeedSandbox();
    await setSources(t, [join(t.dir, 'not-yet.csv')]);
    const first = await startProcess(t);
    await t.sandbox.ctx.tasks.settled();
    await writeFeed(t, 'not-yet.csv', FEED);
    const second = await startProcess(t);
    await t.sandbox.ctx.tasks.settled();
    expect((await task(t, first.taskId)).state).toBe('FAILURE');
    expect((await task(t, second.taskId)).state).toBe('SUCCESS');
    expect((await v1(t, 'GET', '/tasks/process')).json).toMatchObject({ state: 'SUCCESS' });
  });
});

describe('the indexing block', () => {
  it('item writes answer 409 "Indexing operation in progress" while a run is under way, however long, and not after', async () => {
    t = await startFeedSandbox();
    const server = await startFeedServer({});
    try {
      await setSources(t, [`http://127.0.0.1:${server.port}/held`]);
      const { taskId } = await startProcess(t);
      await until(async () => (await task(t, taskId)).state === 'STARTED', 'the task to start');
      const blocked = await v1(t, 'POST', '/items/notes', { id: 'N1' });
      expect(blocked.status).toBe(409);
      expect(blocked.json).toEqual({ detail: 'Indexing operation in progress' });
      expect((await v1(t, 'PUT', '/items/notes', [{ id: 'N1' }])).status).toBe(409);
      expect((await v1(t, 'DELETE', '/items/product/A1')).status).toBe(409);
      // Other engines are not blocked; moving the clock a year on does not lift the block.
      expect((await v1(t, 'POST', `/v1/${t.otherHashid}/items/product`, { id: 'O1' }, { absolute: true })).status).toBe(
        201,
      );
      await control(t, '/clock', { advanceMs: 365 * 86_400_000 });
      expect(await writeStatus(t)).toBe(409);
      server.release();
      await t.sandbox.ctx.tasks.settled();
      expect((await task(t, taskId)).state).toBe('SUCCESS');
      expect(await writeStatus(t)).toBe(201);
    } finally {
      await server.close();
    }
  });

  it('the block ends when a run fails too', async () => {
    t = await startFeedSandbox();
    await setSources(t, [join(t.dir, 'missing.csv')]);
    expect((await processFeeds(t)).state).toBe('FAILURE');
    expect(await writeStatus(t)).toBe(201);
  });

  it('a type deletion during a run stops it with a FAILURE and lifts the block', async () => {
    t = await startFeedSandbox({ feedItemsPerSecond: 0.001 });
    await setSources(t, [await writeFeed(t, 'feed.csv', FEED)]);
    const { taskId } = await startProcess(t);
    await until(async () => (await itemCount(t)) === 3, 'the items to be written');
    expect((await v1(t, 'DELETE', '/types/product')).status).toBe(202);
    await control(t, '/config', { feedItemsPerSecond: null });
    await t.sandbox.ctx.tasks.settled();
    expect(await task(t, taskId)).toMatchObject({
      state: 'FAILURE',
      message: 'Processing stopped: the type product was deleted while its feed was being processed',
    });
    await control(t, '/clock', { advanceMs: 60_000 });
    expect(await writeStatus(t)).toBe(201);
  });
});

describe('runs and the sandbox’s life', () => {
  it('closing the sandbox mid-run leaves no task running: reopened, the task is FAILURE and writes work', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'feeds-state-'));
    try {
      const dataFile = join(dir, 'state.sqlite');
      const first = await startFeedSandbox({ feedItemsPerSecond: 0.001 }, { dataFile });
      await setSources(first, [await writeFeed(first, 'feed.csv', FEED)]);
      const { taskId } = await startProcess(first);
      await until(async () => (await itemCount(first)) === 3, 'the items to be written');
      await first.close();

      t = { ...(await startFeedSandbox({}, { dataFile })), hashid: first.hashid, token: first.token };
      expect(await task(t, taskId)).toEqual({
        state: 'FAILURE',
        message: 'The sandbox stopped before this task finished',
        task_name: 'process',
      });
      expect(await writeStatus(t)).toBe(201);
      expect((await v1(t, 'POST', '/tasks/process')).status).toBe(201);
      await t.sandbox.ctx.tasks.settled();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a reset during a run drops the run quietly; the next sandbox state processes normally', async () => {
    t = await startFeedSandbox({ feedItemsPerSecond: 0.001 });
    const feed = await writeFeed(t, 'feed.csv', FEED);
    await setSources(t, [feed]);
    await startProcess(t);
    await until(async () => (await itemCount(t)) === 3, 'the items to be written');
    await control(t, '/reset', {});
    await t.sandbox.ctx.tasks.settled();

    const seeded = (await control(t, '/seed', {
      accounts: [{ engines: [{ name: 'Again', types: [{ name: 'product', sources: [feed] }] }] }],
    })) as { accounts: Array<{ apiKey: string; engines: Array<{ hashid: string }> }> };
    t.hashid = seeded.accounts[0]?.engines[0]?.hashid ?? '';
    t.token = seeded.accounts[0]?.apiKey.split('-')[1] ?? '';
    // Reset put the config back as the sandbox started (1,000 s per item).
    await control(t, '/config', { feedItemsPerSecond: null });
    expect(await processFeeds(t)).toMatchObject({ state: 'SUCCESS' });
    expect(await itemCount(t)).toBe(3);
  });
});
