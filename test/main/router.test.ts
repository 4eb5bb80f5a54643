import { describe, expect, it, vi } from 'vitest';
import type { Envelope, WorkerState } from '../../preload/contract';
import { AppError } from '../../main/errors';
import { createFileGrants } from '../../main/file-grants';
import { createMainHandlers } from '../../main/handlers';
import type { Keychain } from '../../main/keychain';
import { createRouter } from '../../main/router';
import type { WorkerSupervisor } from '../../main/supervisor';

const workerState: WorkerState = { status: 'ready', restarts: 0, lastExit: null, retryAt: null };

function setup(
  keychainStatus: Keychain['status'] = () =>
    Promise.resolve({ available: true, backend: 'test', reason: null, remedy: null }),
) {
  const worker = {
    request: vi.fn((): Promise<Envelope<unknown>> => Promise.resolve({ ok: true, value: 'from worker' })),
  };
  const keychain: Keychain = {
    status: keychainStatus,
    setKey: vi.fn(),
    getKey: vi.fn(),
    deleteKey: vi.fn(),
  };
  const log = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const supervisor = { currentState: () => workerState, internal: vi.fn() } as unknown as WorkerSupervisor;
  const mainHandlers = createMainHandlers({ keychain, worker: supervisor });
  const route = createRouter({ worker, mainHandlers, grants: createFileGrants() });
  return { route, worker, log };
}

describe('router', () => {
  it('refuses a channel that is not in the contract, without calling anything', async () => {
    const { route, worker } = setup();
    const result = await route('fs:readFile', { path: '/etc/passwd' });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'unknown_channel' }) as unknown });
    expect(worker.request).not.toHaveBeenCalled();
  });

  it('refuses input that does not match the channel schema and says where', async () => {
    const { route, worker } = setup();
    const result = await route('app:ping', { sentAt: 'yesterday' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.details).toEqual({ issues: [expect.objectContaining({ path: 'sentAt' })] });
    expect(worker.request).not.toHaveBeenCalled();
  });

  it('refuses extra fields, so a renderer cannot smuggle options into a handler', async () => {
    const { route } = setup();
    const result = await route('app:ping', { sentAt: 1, admin: true });
    expect(result.ok).toBe(false);
  });

  it('sends worker channels to the worker with the parsed input', async () => {
    const { route, worker } = setup();
    await expect(route('app:ping', { sentAt: 5 })).resolves.toEqual({ ok: true, value: 'from worker' });
    expect(worker.request).toHaveBeenCalledWith('app:ping', { sentAt: 5 });
  });

  it('answers main channels in the main process', async () => {
    const { route, worker } = setup();
    await expect(route('app:workerState', undefined)).resolves.toEqual({ ok: true, value: workerState });
    expect(worker.request).not.toHaveBeenCalled();
  });

  it('passes typed errors through with their code, message and details', async () => {
    const { route } = setup(() =>
      Promise.reject(new AppError('keychain_unavailable', 'No keychain.', { backend: 'x' })),
    );
    await expect(route('keychain:status', undefined)).resolves.toEqual({
      ok: false,
      error: { code: 'keychain_unavailable', message: 'No keychain.', details: { backend: 'x' } },
    });
  });

  it('turns unexpected errors into a generic message: no stack, no secret reaches the renderer', async () => {
    const secret = 'eu1-ab46030xza33960aac71a10248489b6c26172f07';
    const { route, log } = setup(() => Promise.reject(new Error(`boom with ${secret}`)));
    const result = await route('keychain:status', undefined);
    const text = JSON.stringify(result);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) as unknown } });
    expect(text).not.toContain(secret);
    expect(text).not.toContain('boom');
    expect(text).not.toMatch(/at .*\.ts:\d+/);
    const logged = log.mock.calls.map((call) => String(call[0])).join('');
    expect(logged).toContain('boom');
    expect(logged).not.toContain(secret);
  });
});
