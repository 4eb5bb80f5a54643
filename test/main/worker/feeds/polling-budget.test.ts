/**
 * "Nothing here ever makes a sync slower or throttled": against a sandbox that enforces
 * Doofinder's 2 requests/s, a run is polled and checked while a mirror runs at full rate.
 * The limiter's unit tests prove the mirror's pace is untouched; here the server's own log
 * shows no 429 and no poll answered while the mirror was going.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../../main/sandbox/index';
import { BUDGET_NOTE } from '../../../../main/worker/feeds/run-follower';
import { mirrorType } from '../../../../main/worker/sync/mirror';
import { control, feedWorld, startFeedSandbox, type FeedWorld } from './feeds-fixture';

let sandbox: Sandbox;
let world: FeedWorld;

beforeAll(async () => {
  sandbox = await startFeedSandbox(2);
});

afterAll(async () => {
  await sandbox.close();
});

afterEach(async () => {
  await world?.close();
  await control(sandbox, 'POST', '/config', { feedQueueMs: 0 });
  await control(sandbox, 'DELETE', '/faults');
});

interface Logged {
  seq: number;
  method: string;
  path: string;
  status: number;
}

describe('feed polling and a running mirror', () => {
  it('never gets the account throttled and waits while the mirror uses the budget', async () => {
    // The app's own client: 2 requests/s, the sandbox's limit.
    world = await feedWorld(sandbox, { generate: 400, clientOptions: {} });
    await control(sandbox, 'POST', '/config', { feedQueueMs: 3_600_000 });
    // Slow pages leave gaps between the mirror's requests: exactly where a poll would slip in.
    await control(sandbox, 'POST', '/faults', { rules: [{ path: '/items/', latencyMs: 1_100 }] });
    const run = await world.feeds.process({ engine: world.hashid, force: false });
    await control(sandbox, 'DELETE', '/requests');
    const client = world.accounts.client(world.accounts.requireCurrent());
    let mirroring = true;
    const mirror = mirrorType({ db: world.db, client, engine: world.hashid, type: 'product' }).finally(() => {
      mirroring = false;
    });
    // The Feeds page open during the mirror: it asks for runs started elsewhere now and then.
    while (mirroring) {
      world.feeds.check({ engine: world.hashid });
      await new Promise((done) => setTimeout(done, 100));
    }
    expect((await mirror).state).toBe('completed');
    await world.feeds.checked();

    const log = ((await control(sandbox, 'GET', '/requests?limit=100000')) as { requests: Logged[] }).requests;
    expect(log.filter((entry) => entry.status === 429)).toEqual([]);
    const pages = log.filter((entry) => entry.path === `/v1/${world.hashid}/items/product`).map((entry) => entry.seq);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    const [first, last] = [Math.min(...pages), Math.max(...pages)];
    const pollsDuringMirror = log.filter(
      (entry) => entry.path.includes('/tasks/') && entry.seq > first && entry.seq < last,
    );
    expect(pollsDuringMirror).toEqual([]);
    // The polls did happen, after the mirror, and the run said why it waited meanwhile.
    expect(log.some((entry) => entry.path.includes('/tasks/') && entry.seq > last)).toBe(true);
    const notes = world.payloads('feeds:changed').filter((payload) => payload.run.id === run.id);
    expect(notes.some((payload) => payload.run.pollNote === BUDGET_NOTE)).toBe(true);
  });
});
