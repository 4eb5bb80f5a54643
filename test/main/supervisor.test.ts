import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventChannel, WorkerState } from '../../preload/contract';
import { WorkerSupervisor, defaultRestartDelay } from '../../main/supervisor';

const running: WorkerSupervisor[] = [];

function startSupervisor(script = resolve('test/helpers/api-worker.mjs')) {
  const states: WorkerState[] = [];
  const events: Array<[EventChannel, unknown]> = [];
  const logs: string[] = [];
  const supervisor = new WorkerSupervisor({
    script,
    boot: {
      appName: 'Catalog Studio',
      appVersion: '9.9.9',
      dataDir: mkdtempSync(join(tmpdir(), 'cs-supervisor-')),
      mode: 'browser',
      sqliteBinding: null,
      sandbox: { enabled: false },
    },
    onEvent: (channel, payload) => events.push([channel, payload]),
    onState: (state) => states.push(state),
    restartDelayMs: () => 50,
    log: (line) => logs.push(line),
  });
  running.push(supervisor);
  supervisor.start();
  return { supervisor, states, events, logs };
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((supervisor) => supervisor.stop()));
});

describe('API worker supervisor', () => {
  it('queues a request made before the worker is ready and answers it once it is', async () => {
    const { supervisor } = startSupervisor();
    const info = await supervisor.request('app:info', undefined);
    expect(info).toMatchObject({ ok: true, value: { version: '9.9.9', workerRestarts: 0 } });
  });

  it('carries a ping round trip to the worker thread and back', async () => {
    const { supervisor } = startSupervisor();
    const pong = await supervisor.request('app:ping', { sentAt: 42 });
    expect(pong).toMatchObject({ ok: true, value: { sentAt: 42, workerThreadId: expect.any(Number) as unknown } });
    if (pong.ok) expect((pong.value as { workerThreadId: number }).workerThreadId).toBeGreaterThan(0);
  });

  it('restarts a worker that dies, tells whoever listens, and serves requests again', async () => {
    const { supervisor, states } = startSupervisor();
    await supervisor.request('app:ping', { sentAt: 1 });
    await supervisor.kill();
    await until(() => states.some((state) => state.status === 'restarting'));
    const restarting = states.find((state) => state.status === 'restarting');
    expect(restarting).toMatchObject({ restarts: 1, lastExit: expect.stringContaining('exited') as unknown });
    expect(restarting?.retryAt).toBeGreaterThan(0);

    const info = await supervisor.request('app:info', undefined);
    expect(info).toMatchObject({ ok: true, value: { workerRestarts: 1 } });
    expect(supervisor.currentState()).toMatchObject({ status: 'ready', restarts: 1 });
  });

  it('answers requests that were inside a dying worker with worker_unavailable instead of hanging', async () => {
    const { supervisor, states } = startSupervisor(resolve('test/helpers/silent-worker.mjs'));
    await until(() => states.some((state) => state.status === 'ready'));
    const inFlight = supervisor.request('app:info', undefined);
    await supervisor.kill();
    await expect(inFlight).resolves.toMatchObject({
      ok: false,
      error: { code: 'worker_unavailable', message: expect.stringContaining('restarting') as unknown },
    });
  });

  it('stops cleanly and refuses new work after stopping', async () => {
    const { supervisor, states } = startSupervisor();
    await supervisor.request('app:ping', { sentAt: 1 });
    await supervisor.stop();
    expect(states.at(-1)?.status).toBe('stopped');
    await expect(supervisor.request('app:ping', { sentAt: 2 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'worker_unavailable' },
    });
  });

  it('backs off restarts of a worker that keeps dying, up to a cap', () => {
    expect(defaultRestartDelay(1)).toBe(250);
    expect(defaultRestartDelay(2)).toBe(500);
    expect(defaultRestartDelay(20)).toBe(30_000);
  });
});
