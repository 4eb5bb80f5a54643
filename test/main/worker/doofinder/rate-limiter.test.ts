import { describe, expect, it } from 'vitest';
import {
  BACKGROUND_YIELD_MARGIN_MS,
  BucketStopped,
  RequestBucket,
  type Priority,
} from '../../../../main/worker/doofinder/rate-limiter';
import { FakeTimers } from './fake-timers';

function setup(rate = 2, marginMs = 0) {
  const timers = new FakeTimers();
  const bucket = new RequestBucket({ ratePerSecond: rate, marginMs, timers });
  const sent: Array<{ name: string; at: number }> = [];
  // By default an answer comes back at once; `latencyMs` delays it.
  const take = (name: string, priority: Priority = 'mirror', signal?: AbortSignal, latencyMs = 0) =>
    bucket.acquire(priority, signal).then(
      (ticket) => {
        sent.push({ name, at: timers.now() });
        if (latencyMs === 0) ticket.done();
        else timers.setTimeout(() => ticket.done(), latencyMs);
      },
      (error: unknown) => sent.push({ name: `rejected:${name}:${(error as Error).message}`, at: timers.now() }),
    );
  return { timers, bucket, sent, take };
}

/** A mirror as the app runs one: a page at a time, the next asked for as soon as the last came back. */
function sequentialMirror(
  bucket: RequestBucket,
  timers: FakeTimers,
  sent: Array<{ name: string; at: number }>,
  latencyMs: number,
) {
  let running = true;
  const next = (): void => {
    if (!running) return;
    void bucket.acquire('mirror').then((ticket) => {
      sent.push({ name: 'page', at: timers.now() });
      timers.setTimeout(() => {
        ticket.done();
        next();
      }, latencyMs);
    });
  };
  next();
  return {
    stop: () => {
      running = false;
    },
  };
}

/** The most requests that fall within any window of one second: what the server's sliding window counts. */
function busiestSecond(times: number[]): number {
  return Math.max(0, ...times.map((start) => times.filter((time) => time >= start && time < start + 1000).length));
}

describe('request bucket', () => {
  it('never lets more than the rate through in any one-second window', async () => {
    const { timers, sent, take } = setup(2);
    for (let i = 0; i < 20; i += 1) void take(`r${i}`);
    await timers.advance(12_000);
    expect(sent).toHaveLength(20);
    expect(busiestSecond(sent.map((entry) => entry.at))).toBe(2);
    // ...and keeps the pace: 20 requests at 2/s take about 9 seconds, not more.
    expect(sent.at(-1)?.at).toBeLessThanOrEqual(9_000);
  });

  it('holds a slow request’s place until a second after its answer, so the server never sees more than the rate', async () => {
    const { timers, sent, take } = setup(2);
    void take('slow', 'mirror', undefined, 600);
    void take('fast');
    void take('third');
    await timers.advance(5_000);
    expect(sent.map((entry) => [entry.name, entry.at])).toEqual([
      ['slow', 0],
      ['fast', 0],
      // 'fast' frees its place at 1000; 'slow' only at 1600, a second after its answer.
      ['third', 1000],
    ]);
  });

  it('waits for answers before reusing a place held by requests still in flight', async () => {
    const { timers, sent, take } = setup(1);
    void take('in flight', 'mirror', undefined, 3_000);
    void take('next');
    await timers.advance(3_500);
    expect(sent.map((entry) => entry.name)).toEqual(['in flight']);
    await timers.advance(600);
    expect(sent.map((entry) => [entry.name, entry.at])).toEqual([
      ['in flight', 0],
      ['next', 4000],
    ]);
  });

  it('keeps a margin for network jitter when asked', async () => {
    const { timers, sent, take } = setup(2, 50);
    for (let i = 0; i < 6; i += 1) void take(`r${i}`);
    await timers.advance(5_000);
    const times = sent.map((entry) => entry.at);
    for (let i = 2; i < times.length; i += 1)
      expect((times[i] ?? 0) - (times[i - 2] ?? 0)).toBeGreaterThanOrEqual(1050);
  });

  it('serves the user before a push, a push before the mirror, the mirror before polling', async () => {
    const { timers, sent, take } = setup(1);
    void take('first', 'mirror');
    void take('poll', 'background');
    void take('mirror', 'mirror');
    void take('push', 'push');
    void take('user', 'interactive');
    await timers.advance(10_000);
    expect(sent.map((entry) => entry.name)).toEqual(['first', 'user', 'push', 'mirror', 'poll']);
  });

  it('pauses everything after a 429 for Retry-After, then goes on more slowly and climbs back', async () => {
    const { timers, bucket, sent, take } = setup(2);
    void take('a');
    void take('b');
    await timers.advance(0);
    bucket.rateLimited(3_000);
    void take('c');
    await timers.advance(2_900);
    expect(sent.map((entry) => entry.name)).toEqual(['a', 'b']);
    expect(bucket.snapshot().pausedReason).toMatch(/429.*resuming in 1 s/);
    await timers.advance(200);
    expect(sent.map((entry) => entry.name)).toEqual(['a', 'b', 'c']);
    // At half speed, 2 requests need a 2-second window.
    void take('d');
    void take('e');
    await timers.advance(1_000);
    expect(sent).toHaveLength(4);
    bucket.succeeded();
    await timers.advance(2_000);
    expect(sent).toHaveLength(5);
  });

  it('pauses for at least a second even when the 429 says nothing', async () => {
    const { timers, bucket, sent, take } = setup(2);
    bucket.rateLimited(null);
    void take('a');
    await timers.advance(999);
    expect(sent).toHaveLength(0);
    await timers.advance(1);
    expect(sent).toHaveLength(1);
  });

  it('stops all work on a refused key: queued requests fail, new ones too, until resumed', async () => {
    const { timers, bucket, sent, take } = setup(1);
    void take('a');
    void take('b');
    void take('c', 'interactive');
    await timers.advance(0);
    bucket.stop({ kind: 'auth', message: 'key refused' });
    await timers.advance(0);
    expect(sent.map((entry) => entry.name).sort()).toEqual(
      ['a', 'rejected:b:key refused', 'rejected:c:key refused'].sort(),
    );
    await expect(bucket.acquire('interactive')).rejects.toBeInstanceOf(BucketStopped);
    expect(bucket.snapshot().pausedReason).toBe('key refused');
    bucket.resume();
    void take('d');
    await timers.advance(2_000);
    expect(sent.map((entry) => entry.name)).toContain('d');
  });

  it('stops background work only when 429s persist, the user can still ask', async () => {
    const { timers, bucket, sent, take } = setup(2);
    bucket.stopBackground({ kind: 'throttled', message: 'still throttled' });
    void take('mirror', 'mirror');
    void take('user', 'interactive');
    await timers.advance(1_000);
    expect(sent.map((entry) => entry.name)).toEqual(['rejected:mirror:still throttled', 'user']);
  });

  it('lets a waiting request be cancelled without using a slot', async () => {
    const { timers, sent, take } = setup(1);
    void take('a');
    const controller = new AbortController();
    void take('cancelled', 'mirror', controller.signal);
    void take('b');
    await timers.advance(0);
    controller.abort(new Error('cancelled by the user'));
    await timers.advance(1_100);
    expect(sent.map((entry) => entry.name)).toEqual(['a', 'rejected:cancelled:cancelled by the user', 'b']);
  });

  it('sends a poll at once when nothing else is using the budget', async () => {
    const { timers, sent, take } = setup(2);
    void take('poll', 'background');
    await timers.advance(0);
    expect(sent).toEqual([{ name: 'poll', at: 0 }]);
  });

  it('keeps polls out of the budget while a mirror runs, and sends them once it has been quiet for a second', async () => {
    const { timers, bucket, sent, take } = setup(2);
    const mirror = sequentialMirror(bucket, timers, sent, 100);
    await timers.advance(0);
    void take('poll', 'background');
    await timers.advance(6_000);
    expect(sent.filter((entry) => entry.name === 'page').length).toBeGreaterThan(8);
    expect(sent.map((entry) => entry.name)).not.toContain('poll');
    expect(bucket.holdsBackBackground()).toBe(true);
    mirror.stop();
    await timers.advance(3_000);
    const lastPage = Math.max(...sent.filter((entry) => entry.name === 'page').map((entry) => entry.at));
    // The last page's answer came 100 ms after it was sent; the poll waits a window and the margin after that.
    expect(sent.find((entry) => entry.name === 'poll')?.at).toBe(lastPage + 100 + 1000 + BACKGROUND_YIELD_MARGIN_MS);
    expect(bucket.holdsBackBackground()).toBe(false);
  });

  it('keeps the mirror at full pace while polls wait', async () => {
    const pagesIn10s = async (withPolls: boolean): Promise<number[]> => {
      const { timers, bucket, sent, take } = setup(2);
      sequentialMirror(bucket, timers, sent, 100);
      if (withPolls) for (let i = 0; i < 5; i += 1) void take(`poll${i}`, 'background');
      await timers.advance(10_000);
      return sent.filter((entry) => entry.name === 'page').map((entry) => entry.at);
    };
    expect(await pagesIn10s(true)).toEqual(await pagesIn10s(false));
  });

  it('never lets polls take the last place, so a sync or the user starting goes at once', async () => {
    const { timers, sent, take } = setup(2);
    void take('poll1', 'background');
    void take('poll2', 'background');
    await timers.advance(10);
    expect(sent.map((entry) => entry.name)).toEqual(['poll1']);
    void take('user', 'interactive');
    await timers.advance(0);
    expect(sent.map((entry) => [entry.name, entry.at])).toEqual([
      ['poll1', 0],
      ['user', 10],
    ]);
  });

  it('holds polls back while a user request is in flight, however long it takes', async () => {
    const { timers, sent, take } = setup(2);
    void take('user', 'interactive', undefined, 5_000);
    await timers.advance(0);
    void take('poll', 'background');
    await timers.advance(5_000 + 1_000 + BACKGROUND_YIELD_MARGIN_MS - 1);
    expect(sent.map((entry) => entry.name)).toEqual(['user']);
    await timers.advance(1);
    expect(sent.map((entry) => entry.name)).toEqual(['user', 'poll']);
  });

  it('reports the live rate and queue for the status bar', async () => {
    const { timers, bucket, take } = setup(2);
    for (let i = 0; i < 5; i += 1) void take(`r${i}`);
    await timers.advance(0);
    expect(bucket.snapshot()).toMatchObject({ requestsPerSecond: 2, queued: 3, pausedReason: null });
  });
});
