/**
 * The status bar around a stop asked by the user: a sync cancelled (or paused) while a batch
 * is out must not go on saying "Syncing 40%", neither while that batch settles nor after.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StatusSnapshot } from '../../../../preload/contract';
import { EnginesService } from '../../../../main/worker/accounts/engines-service';
import { StatusReporter } from '../../../../main/worker/status';
import { MirrorService } from '../../../../main/worker/sync/mirror-service';
import { control, startSyncSandbox, syncWorld, type SandboxAccount, type SyncWorld } from './sync-fixture';

let account: SandboxAccount;
let world: SyncWorld;

beforeAll(async () => {
  account = await startSyncSandbox();
});

afterAll(async () => {
  await account.sandbox.close();
});

afterEach(async () => {
  await world?.close();
  await control(account.sandbox, 'DELETE', '/faults');
});

/** A status reporter whose timer never runs: only what the services publish themselves reaches the bar. */
function statusBar() {
  const engines = new EnginesService(world.dbs, world.accounts, () => undefined);
  const mirrors = new MirrorService(world.dbs, world.accounts, engines, () => undefined);
  const sent: StatusSnapshot[] = [];
  const status = new StatusReporter(
    world.dbs,
    world.accounts,
    mirrors,
    (_channel, payload) => sent.push(payload as StatusSnapshot),
    world.sync,
  );
  return { status, shown: () => sent.at(-1)?.sync.activity ?? null };
}

/** Waits until the first of the 250 rows' three batches is settled and the second is out. */
async function secondBatchOut(): Promise<void> {
  for (;;) {
    if (world.sync.activity() === 'Syncing 40%' && world.count("status = 'pushing'") > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('the status bar after the user stops a sync', () => {
  it('says the sync is being cancelled while the batch out settles, then no longer says "Syncing"', async () => {
    await control(account.sandbox, 'POST', '/faults', {
      rules: [{ path: '/items/', methods: ['PATCH'], latencyMs: 150 }],
    });
    world = await syncWorld(account);
    const { status, shown } = statusBar();
    for (const id of world.ids.product.slice(0, 250)) world.edit('product', id, { title: 'Cancelled' });
    world.sync.start({});
    await secondBatchOut();
    status.publish();
    expect(shown()).toBe('Syncing 40%');

    const cancelled = world.sync.cancel();
    expect(shown()).toBe('Cancelling the sync (the batch already sent is being settled)…');
    await expect(cancelled).resolves.toMatchObject({ state: 'cancelled', done: 200 });
    expect(shown()).toBeNull();
    expect(status.snapshot().sync).toEqual({ state: 'idle', pendingChanges: 50, activity: null });
  });

  it('says the sync is pausing, then "Sync paused"', async () => {
    await control(account.sandbox, 'POST', '/faults', {
      rules: [{ path: '/items/', methods: ['PATCH'], latencyMs: 150 }],
    });
    world = await syncWorld(account);
    const { shown } = statusBar();
    for (const id of world.ids.product.slice(0, 250)) world.edit('product', id, { title: 'Paused' });
    world.sync.start({});
    await secondBatchOut();
    const paused = world.sync.pause();
    expect(shown()).toBe('Pausing the sync (the batch already sent is being settled)…');
    await paused;
    expect(shown()).toBe('Sync paused');
  });
});
