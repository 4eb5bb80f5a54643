/** How often a running task is asked about: backing off while nothing moves, quickly again once it does. */
import { describe, expect, it } from 'vitest';
import { taskIdOf } from '../../../../main/worker/feeds/feed-service';
import { DEFAULT_SCHEDULE, nextDelay, pollUntilDone } from '../../../../main/worker/feeds/task-poller';

describe('polling a task', () => {
  it('waits 1 s, 2 s, 4 s… up to 30 s while nothing changes, and 1 s again after a change', async () => {
    // The same rule on a millisecond scale, so the test does not sleep for minutes.
    const schedule = { firstMs: 1, maxMs: 30 };
    const answers = ['PENDING', 'PENDING', 'PENDING', 'PENDING', 'PENDING', 'PENDING', 'STARTED', 'STARTED', 'SUCCESS'];
    const waits: number[] = [];
    await pollUntilDone({
      schedule,
      signal: new AbortController().signal,
      initialState: 'PENDING',
      poll: () => {
        const state = answers.shift() ?? 'SUCCESS';
        return Promise.resolve({ state, done: state === 'SUCCESS' });
      },
      waiting: (ms) => waits.push(ms),
      failed: () => undefined,
    });
    expect(waits).toEqual([1, 2, 4, 8, 16, 30, 30, 1, 2]);
    expect(nextDelay(16_000, false, DEFAULT_SCHEDULE)).toBe(30_000);
    expect(nextDelay(30_000, true, DEFAULT_SCHEDULE)).toBe(1_000);
  });

  it('keeps asking after a failed poll, backing off, and says why', async () => {
    const failures: Array<[string, number]> = [];
    let calls = 0;
    await pollUntilDone({
      schedule: { firstMs: 1, maxMs: 8 },
      signal: new AbortController().signal,
      initialState: 'PENDING',
      poll: () => {
        calls += 1;
        if (calls < 3) return Promise.reject(new Error('network down'));
        return Promise.resolve({ state: 'SUCCESS', done: true });
      },
      waiting: () => undefined,
      failed: (error, retryInMs) => failures.push([(error as Error).message, retryInMs]),
    });
    expect(failures).toEqual([
      ['network down', 2],
      ['network down', 4],
    ]);
  });

  it('stops when the app closes', async () => {
    const controller = new AbortController();
    const polling = pollUntilDone({
      schedule: { firstMs: 60_000, maxMs: 60_000 },
      signal: controller.signal,
      initialState: 'PENDING',
      poll: () => Promise.resolve({ state: 'PENDING', done: false }),
      waiting: () => undefined,
      failed: () => undefined,
    });
    controller.abort(new Error('closing'));
    await expect(polling).rejects.toThrow('closing');
  });
});

describe('the task id of a run', () => {
  it('is the last path segment of the link Doofinder answers', () => {
    expect(taskIdOf('https://eu1-api.doofinder.com/v1/abc/tasks/3f9c-11aa')).toBe('3f9c-11aa');
    expect(taskIdOf('https://eu1-api.doofinder.com/v1/abc/tasks/3f9c/?x=1')).toBe('3f9c');
    expect(taskIdOf('https://eu1-api.doofinder.com/v1/abc/tasks/process')).toBeNull();
    expect(taskIdOf('')).toBeNull();
  });
});
