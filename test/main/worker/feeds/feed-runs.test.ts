/**
 * Processing a feed from the app against the sandbox: runs start, are followed to their end,
 * kept in the history, explained when they fail, and announced in the activity list.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../../main/sandbox/index';
import { insertRun } from '../../../../main/worker/feeds/run-store';
import {
  control,
  ENGINE_NAME,
  feedText,
  feedWorld,
  products,
  startFeedSandbox,
  until,
  type FeedWorld,
} from './feeds-fixture';

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
  await control(sandbox, 'POST', '/config', { feedQueueMs: 0, feedItemsPerSecond: null });
  await control(sandbox, 'POST', '/clock', { offsetMs: 0 });
});

/** Holds new tasks in PENDING until the test moves the sandbox clock on. */
async function holdTasks(): Promise<void> {
  await control(sandbox, 'POST', '/config', { feedQueueMs: 3_600_000 });
}
async function releaseTasks(): Promise<void> {
  await control(sandbox, 'POST', '/clock', { advanceMs: 3_600_000 });
}

describe('processing a feed', () => {
  it('goes from PENDING to SUCCESS, lands in the history and in the activity list', async () => {
    world = await feedWorld(sandbox, { feed: feedText(products(30)) });
    await holdTasks();
    const started = await world.feeds.process({ engine: world.hashid, force: false });
    expect(started).toMatchObject({ state: 'PENDING', result: 'running', origin: 'app', force: false });
    expect(started.taskId).toMatch(/^[\w-]+$/);
    // Polled while pending: the next poll is due, and nothing says it waits.
    const polled = await world.runWhen(started.id, (run) => run.nextPollAt !== null);
    expect(polled).toMatchObject({ state: 'PENDING', pollNote: null });
    await releaseTasks();
    const done = await world.runWhen(started.id, (run) => run.state === 'SUCCESS');
    expect(done).toMatchObject({ result: 'success', message: 'The task has successfuly finished', hint: null });
    expect(done.durationMs).toBeGreaterThanOrEqual(0);
    const history = world.feeds.runs({ engine: world.hashid });
    expect(history.total).toBe(1);
    expect(history.active).toBeNull();
    expect(history.runs[0]).toMatchObject({ id: started.id, state: 'SUCCESS' });
    expect(history.runs[0]?.endedAt).not.toBeNull();
    const entry = await until(() => world.payloads('activity:added')[0]);
    expect(entry).toMatchObject({
      level: 'success',
      title: `Feed processed: ${ENGINE_NAME}`,
      runId: started.id,
      notify: true,
      read: false,
    });
    expect(world.activity.list()).toMatchObject({ unread: 1, entries: [{ id: entry.id, notify: false }] });
  });

  it('explains "Feed is empty" and offers to retry with force', async () => {
    world = await feedWorld(sandbox, { feed: feedText(products(10)) });
    const first = await world.feeds.process({ engine: world.hashid, force: false });
    await world.runWhen(first.id, (run) => run.state === 'SUCCESS');
    world.writeFeed('id|title|price\n');
    const empty = await world.feeds.process({ engine: world.hashid, force: false });
    const failed = await world.runWhen(empty.id, (run) => run.state === 'FAILURE');
    expect(failed.result).toBe('failure');
    expect(failed.message).toMatch(/feed is empty/i);
    expect(failed.hint).toMatchObject({ kind: 'feed-empty', retryWithForce: true });
    expect(failed.hint?.text).toMatch(/no items/i);
    const entry = await until(() => world.payloads('activity:added').find((added) => added.runId === empty.id));
    expect(entry).toMatchObject({ level: 'error', title: `Feed failed: ${ENGINE_NAME}`, offerRemirror: false });
    expect(entry.body).toMatch(/Force/);
    expect(world.feeds.runs({ engine: world.hashid, result: 'failure' }).runs.map((run) => run.id)).toEqual([empty.id]);
  });

  it('says "No changes" for a feed processed twice, and processes it when forced', async () => {
    world = await feedWorld(sandbox, { feed: feedText(products(10)) });
    const first = await world.feeds.process({ engine: world.hashid, force: false });
    await world.runWhen(first.id, (run) => run.state === 'SUCCESS');
    const again = await world.feeds.process({ engine: world.hashid, force: false });
    const unchanged = await world.runWhen(again.id, (run) => run.state === 'FAILURE');
    expect(unchanged.hint).toMatchObject({ kind: 'no-changes', retryWithForce: true });
    const forced = await world.feeds.process({ engine: world.hashid, force: true });
    expect(forced.force).toBe(true);
    await world.runWhen(forced.id, (run) => run.state === 'SUCCESS');
    expect(world.feeds.runs({ engine: world.hashid }).runs.map((run) => [run.result, run.force])).toEqual([
      ['success', true],
      ['failure', false],
      ['success', false],
    ]);
  });

  it('follows the running process when a second one is asked for (WAITING)', async () => {
    world = await feedWorld(sandbox);
    await holdTasks();
    const first = await world.feeds.process({ engine: world.hashid, force: false });
    const second = await world.feeds.process({ engine: world.hashid, force: false });
    expect(second).toMatchObject({ state: 'WAITING', result: 'running', taskId: null });
    expect(second.message).toMatch(/previous process is still running/i);
    // While the first one runs, the second stays WAITING (it follows tasks/process).
    await world.runWhen(second.id, (run) => run.nextPollAt !== null && run.state === 'WAITING');
    await releaseTasks();
    const followed = await world.runWhen(second.id, (run) => run.result !== 'running');
    expect(followed).toMatchObject({ state: 'SUCCESS', result: 'success' });
    await world.runWhen(first.id, (run) => run.state === 'SUCCESS');
    // One process, one notification: the waiting run's entry is listed without one.
    const entries = await until(() => {
      const added = world.payloads('activity:added');
      return added.length === 2 && added;
    });
    expect(entries.filter((entry) => entry.notify).map((entry) => entry.runId)).toEqual([first.id]);
    const requests = (await control(sandbox, 'GET', '/requests?limit=100000')) as {
      requests: Array<{ method: string; path: string }>;
    };
    expect(requests.requests.some((r) => r.method === 'GET' && r.path === `/v1/${world.hashid}/tasks/process`)).toBe(
      true,
    );
  });

  it('ends a run whose task Doofinder does not know as NOTFOUND, result unknown', async () => {
    world = await feedWorld(sandbox);
    const lost = insertRun(world.db, {
      engine: world.hashid,
      taskId: 'no-such-task',
      origin: 'app',
      force: false,
      state: 'PENDING',
      message: 'Your request has been accepted for processing',
      link: null,
      startedAt: new Date(),
    });
    world.feeds.start();
    const ended = await world.runWhen(lost.id, (run) => run.result !== 'running');
    expect(ended).toMatchObject({ state: 'NOTFOUND', result: 'unknown', message: 'No info on that task' });
    const entry = await until(() => world.payloads('activity:added')[0]);
    expect(entry).toMatchObject({ level: 'warning', runId: lost.id });
  });

  it('polls again, after a restart, the runs the previous worker left going', async () => {
    world = await feedWorld(sandbox);
    await holdTasks();
    const started = await world.feeds.process({ engine: world.hashid, force: false });
    await world.runWhen(started.id, (run) => run.nextPollAt !== null);
    await world.feeds.stop();
    await releaseTasks();
    world.restart();
    await world.runWhen(started.id, (run) => run.state === 'SUCCESS');
    expect(world.feeds.runs({ engine: world.hashid }).runs).toHaveLength(1);
  });
});

describe('runs started elsewhere', () => {
  it('are picked up by a check, followed to their end, and not recorded twice', async () => {
    world = await feedWorld(sandbox);
    await holdTasks();
    expect((await world.processElsewhere()).state).toBe('PENDING');
    expect(world.feeds.check({ engine: world.hashid })).toEqual({ scheduled: true });
    // One question at a time: a second check while the first is out is not sent.
    expect(world.feeds.check({ engine: world.hashid })).toEqual({ scheduled: false });
    await world.feeds.checked();
    const seen = world.feeds.runs({ engine: world.hashid });
    expect(seen.total).toBe(1);
    expect(seen.active).toMatchObject({ origin: 'elsewhere', state: 'PENDING', result: 'running', taskId: null });
    expect(seen.active?.startedAt).not.toBeNull();
    world.feeds.check({ engine: world.hashid });
    await world.feeds.checked();
    expect(world.feeds.runs({ engine: world.hashid }).total).toBe(1);
    await releaseTasks();
    const ended = await world.runWhen(seen.active?.id ?? 0, (run) => run.result !== 'running');
    expect(ended).toMatchObject({ state: 'SUCCESS', origin: 'elsewhere' });
    expect(ended.durationMs).not.toBeNull();
    const entry = await until(() => world.payloads('activity:added')[0]);
    expect(entry).toMatchObject({ level: 'success', runId: ended.id });
    // Checks after the end see the same finished process: still one run, one entry.
    world.feeds.check({ engine: world.hashid });
    await world.feeds.checked();
    world.feeds.check({ engine: world.hashid });
    await world.feeds.checked();
    expect(world.feeds.runs({ engine: world.hashid }).total).toBe(1);
    expect(world.payloads('activity:added')).toHaveLength(1);
  });

  it('records a run that finished before the app looked, once, without a notification', async () => {
    world = await feedWorld(sandbox);
    const { link } = await world.processElsewhere();
    const token = world.apiKey.split('-')[1] ?? '';
    const stateOf = async () =>
      ((await (await fetch(link, { headers: { Authorization: `Token ${token}` } })).json()) as { state: string }).state;
    while ((await stateOf()) !== 'SUCCESS') await new Promise((done) => setTimeout(done, 20));
    world.feeds.check({ engine: world.hashid });
    await world.feeds.checked();
    world.feeds.check({ engine: world.hashid });
    await world.feeds.checked();
    const history = world.feeds.runs({ engine: world.hashid });
    expect(history.runs).toMatchObject([{ origin: 'elsewhere', state: 'SUCCESS', startedAt: null, durationMs: null }]);
    expect(history.total).toBe(1);
    expect(world.payloads('activity:added')).toEqual([]);
  });

  it('adds nothing for an engine that was never processed', async () => {
    world = await feedWorld(sandbox);
    world.feeds.check({ engine: world.hashid });
    await world.feeds.checked();
    expect(world.feeds.runs({ engine: world.hashid }).total).toBe(0);
  });
});
