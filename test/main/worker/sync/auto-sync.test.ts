/**
 * Auto-sync, driven by hand: the test moves the clock and makes the scheduler look at the
 * queue (`tick`), as its timer does every second in the app.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { updateProfile } from '../../../../main/worker/store/profiles';
import { StatusReporter } from '../../../../main/worker/status';
import { MirrorService } from '../../../../main/worker/sync/mirror-service';
import { EnginesService } from '../../../../main/worker/accounts/engines-service';
import {
  control,
  startSyncSandbox,
  syncWorld,
  TEST_TIMINGS,
  type SandboxAccount,
  type SyncWorld,
} from './sync-fixture';

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

const later = (ms: number) => {
  world.clock.now += ms;
  world.sync.autoSync.tick();
};

describe('auto-sync', () => {
  it('is off until turned on, and is kept per account', async () => {
    world = await syncWorld(account);
    expect(world.sync.settings({})).toEqual({ autoSync: false });
    expect(world.sync.settings({ autoSync: true })).toEqual({ autoSync: true });
    expect(world.newSyncService().settings({})).toEqual({ autoSync: true });
    world.accounts.create({ id: 'other', name: 'Other', apiKey: account.apiKey, managementUrl: null, searchUrl: null });
    expect(world.sync.settings({})).toEqual({ autoSync: false });
  });

  it('does nothing while it is off', async () => {
    world = await syncWorld(account);
    world.edit('product', world.ids.product[0] ?? '', { title: 'Manual' });
    later(0);
    later(TEST_TIMINGS.periodMs * 2);
    expect(world.sync.isRunning()).toBe(false);
    expect(world.row('product', world.ids.product[0] ?? '')?.status).toBe('dirty');
  });

  it('pushes once edits have settled for the quiet period', async () => {
    world = await syncWorld(account);
    world.sync.settings({ autoSync: true });
    const [first = '', second = ''] = world.ids.product;
    world.edit('product', first, { title: 'Auto one' });
    later(0);
    later(TEST_TIMINGS.quietMs - 1);
    expect(world.sync.isRunning()).toBe(false);
    // Another edit: the quiet period starts again from it.
    world.edit('product', second, { title: 'Auto two' });
    later(0);
    later(TEST_TIMINGS.quietMs - 1);
    expect(world.sync.isRunning()).toBe(false);
    later(1);
    expect(world.sync.isRunning()).toBe(true);
    await expect(world.sync.settled('acme')).resolves.toMatchObject({ state: 'completed', done: 2 });
    await expect(world.serverItem('product', second)).resolves.toMatchObject({ title: 'Auto two' });
  });

  it('pushes at the latest a period after the first change, even while edits keep coming', async () => {
    world = await syncWorld(account);
    world.sync.settings({ autoSync: true });
    later(0);
    for (let elapsed = 0; elapsed <= TEST_TIMINGS.periodMs; elapsed += TEST_TIMINGS.quietMs / 2) {
      expect(world.sync.isRunning()).toBe(false);
      world.edit('product', world.ids.product[elapsed / 1000] ?? '', { title: `Busy ${elapsed}` });
      later(TEST_TIMINGS.quietMs / 2);
    }
    expect(world.sync.isRunning()).toBe(true);
    await world.sync.settled('acme');
  });

  it('sends rows a crash left pushing as soon as the worker starts', async () => {
    world = await syncWorld(account);
    world.sync.settings({ autoSync: true });
    const id = world.ids.article[2] ?? '';
    world.edit('article', id, { title: 'Cut off' });
    world.db.prepare("UPDATE items SET status = 'pushing', pending_op = 'patch', batch = 'lost' WHERE id = ?").run(id);
    // A new worker: its scheduler looks for the first time.
    world.sync = world.newSyncService();
    world.sync.autoSync.tick();
    expect(world.sync.isRunning()).toBe(true);
    await expect(world.sync.settled('acme')).resolves.toMatchObject({ state: 'completed', done: 1 });
    await expect(world.serverItem('article', id)).resolves.toMatchObject({ title: 'Cut off' });
  });

  it('never runs while the account is stopped', async () => {
    world = await syncWorld(account);
    world.sync.settings({ autoSync: true });
    updateProfile(world.dbs.app(), 'acme', { state: 'needs_key' });
    world.edit('product', world.ids.product[1] ?? '', { title: 'Waits for a key' });
    later(0);
    later(TEST_TIMINGS.periodMs * 2);
    expect(world.sync.isRunning()).toBe(false);
    updateProfile(world.dbs.app(), 'acme', { state: 'ok' });
    later(1);
    expect(world.sync.isRunning()).toBe(true);
    await world.sync.settled('acme');
  });

  it('waits before trying again after a sync that could not reach Doofinder, and shows offline', async () => {
    world = await syncWorld(account);
    await control(account.sandbox, 'POST', '/faults', { rules: [{ path: '/items/', drop: 1 }] });
    world.sync.settings({ autoSync: true });
    world.edit('product', world.ids.product[4] ?? '', { title: 'Offline edit' });
    later(0);
    later(TEST_TIMINGS.quietMs);
    await expect(world.sync.settled('acme')).resolves.toMatchObject({ state: 'failed' });
    expect(world.sync.isOffline()).toBe(true);
    await control(account.sandbox, 'DELETE', '/faults');
    later(TEST_TIMINGS.retryMs - 1);
    expect(world.sync.isRunning()).toBe(false);
    later(1);
    await expect(world.sync.settled('acme')).resolves.toMatchObject({ state: 'completed' });
    expect(world.sync.isOffline()).toBe(false);
  });

  it('says Doofinder is refusing requests, not offline, when a sync stopped on 429s that would not go away', async () => {
    world = await syncWorld(account, { policy: { persistent429: 1 } });
    await control(account.sandbox, 'POST', '/faults', {
      rules: [{ path: '/items/', methods: ['PATCH'], status429: 1 }],
    });
    try {
      world.edit('product', world.ids.product[5] ?? '', { title: 'Throttled edit' });
      world.sync.start({});
      await expect(world.sync.settled('acme')).resolves.toMatchObject({ state: 'failed' });
      expect(world.sync.isThrottled()).toBe(true);
      expect(world.sync.isOffline()).toBe(false);
    } finally {
      await control(account.sandbox, 'DELETE', '/faults');
    }
  });

  it('after a cancel, waits for a new change; after a pause, waits for the user', async () => {
    await control(account.sandbox, 'POST', '/faults', {
      rules: [{ path: '/items/', methods: ['PATCH'], latencyMs: 150 }],
    });
    world = await syncWorld(account);
    world.sync.settings({ autoSync: true });
    for (const id of world.ids.product.slice(0, 150)) world.edit('product', id, { title: 'Held' });
    later(0);
    later(TEST_TIMINGS.quietMs);
    await expect(world.sync.cancel()).resolves.toMatchObject({ state: 'cancelled' });
    later(TEST_TIMINGS.periodMs * 2);
    expect(world.sync.isRunning()).toBe(false);
    world.edit('product', world.ids.product[200] ?? '', { title: 'New change' });
    later(0);
    later(TEST_TIMINGS.quietMs);
    expect(world.sync.isRunning()).toBe(true);
    await expect(world.sync.pause()).resolves.toMatchObject({ state: 'paused' });
    later(TEST_TIMINGS.periodMs * 2);
    expect(world.sync.isRunning()).toBe(false);
    world.sync.start({});
    await expect(world.sync.settled('acme')).resolves.toMatchObject({ state: 'completed' });
    expect(world.count("status != 'clean'")).toBe(0);
  });
});

describe('the status bar', () => {
  it('shows "Syncing N%" and the pending count while a sync runs, and rows cut off mid-sync as waiting', async () => {
    await control(account.sandbox, 'POST', '/faults', {
      rules: [{ path: '/items/', methods: ['PATCH'], latencyMs: 150 }],
    });
    world = await syncWorld(account);
    const engines = new EnginesService(world.dbs, world.accounts, () => undefined);
    const mirrors = new MirrorService(world.dbs, world.accounts, engines, () => undefined);
    const status = new StatusReporter(world.dbs, world.accounts, mirrors, () => undefined, world.sync);
    for (const id of world.ids.product.slice(0, 200)) world.edit('product', id, { title: 'Status' });
    expect(status.snapshot().sync).toEqual({ state: 'idle', pendingChanges: 200, activity: null });

    world.sync.start({});
    expect(status.snapshot().sync).toEqual({ state: 'syncing', pendingChanges: 200, activity: 'Syncing 0%' });
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (world.sync.activity() !== 'Syncing 50%') return;
        clearInterval(check);
        resolve();
      }, 5);
    });
    expect(status.snapshot().sync).toMatchObject({ state: 'syncing', pendingChanges: 100 });
    await world.sync.settled('acme');
    expect(status.snapshot().sync).toEqual({ state: 'idle', pendingChanges: 0, activity: null });

    world.edit('product', world.ids.product[0] ?? '', { title: 'Cut off' });
    world.db
      .prepare("UPDATE items SET status = 'pushing', pending_op = 'patch' WHERE id = ?")
      .run(world.ids.product[0] ?? '');
    expect(status.snapshot().sync).toEqual({
      state: 'idle',
      pendingChanges: 1,
      activity: '1 change was cut off mid-sync and waits to be sent again',
    });
  });
});
