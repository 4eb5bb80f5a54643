/**
 * The worker touches only files the user chose: every `file` of a `csv:*` request must have
 * been handed out by main (a dialog, an upload, an export reservation, a confirmed drop),
 * for the right it is used with, or the router refuses it before the worker hears of it.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Envelope, RequestInput } from '../../preload/contract';
import { createFileGrants, GRANT_MAX_AGE_MS, type FileGrants } from '../../main/file-grants';
import { fileHandlers, type FileDialogs } from '../../main/files';
import { createMainHandlers } from '../../main/handlers';
import { createRouter } from '../../main/router';
import type { WorkerSupervisor } from '../../main/supervisor';

const preview = (file: string): RequestInput<'csv:preview'> => ({ file, engine: 'e1', type: 'product', rows: 20 });
const exportTo = (file: string): RequestInput<'csv:export'> => ({
  file,
  target: { scope: 'all', engine: 'e1', type: 'product' },
  columns: null,
  format: 'csv',
  bom: false,
});

function setup(
  options: { open?: string; save?: string; grants?: FileGrants; confirmRead?: (file: string) => Promise<boolean> } = {},
) {
  const worker = {
    request: vi.fn((): Promise<Envelope<unknown>> => Promise.resolve({ ok: true, value: 'from worker' })),
  };
  const grants = options.grants ?? createFileGrants();
  const dialogs = (): Promise<FileDialogs> =>
    Promise.resolve({
      open: () => Promise.resolve(options.open ?? null),
      save: () => Promise.resolve(options.save ?? null),
    });
  const supervisor = { currentState: vi.fn(), internal: vi.fn() } as unknown as WorkerSupervisor;
  const mainHandlers = {
    ...createMainHandlers({ keychain: {} as never, worker: supervisor, grants }),
    ...fileHandlers({ grants, dialogs }),
  };
  const route = createRouter({ worker, mainHandlers, grants, confirmRead: options.confirmRead });
  return { route, worker, grants };
}

function expectRefused(result: Envelope<unknown>, file: string): void {
  expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', details: { file } } });
  if (!result.ok) {
    expect(result.error.message).toContain(`"${file}"`);
    expect(result.error.message).toContain('Pick the file again');
  }
}

describe('files the worker may touch', () => {
  it('refuses to read a file the user never chose, and the worker never hears of it', async () => {
    const { route, worker } = setup();
    const result = await route('csv:preview', preview('/home/me/.ssh/keys.csv'));
    expectRefused(result, '/home/me/.ssh/keys.csv');
    expect(result.ok || result.error.message).toContain('did not open');
    expect(worker.request).not.toHaveBeenCalled();
  });

  it('refuses to write a file the user never chose, for an export and for a results file', async () => {
    const { route, worker } = setup();
    expectRefused(await route('csv:export', exportTo('/home/me/Documents/taxes.csv')), '/home/me/Documents/taxes.csv');
    const results = await route('csv:results', { importId: 1, file: '/home/me/notes.txt', stage: 'dryRun' });
    expectRefused(results, '/home/me/notes.txt');
    expect(results.ok || results.error.message).toContain('write to');
    expect(worker.request).not.toHaveBeenCalled();
  });

  it('reads a file picked in the open dialog, for the preview and the dry run', async () => {
    const { route, worker } = setup({ open: '/home/me/shop.csv' });
    await expect(route('files:pickImport', undefined)).resolves.toEqual({
      ok: true,
      value: { file: '/home/me/shop.csv' },
    });
    await expect(route('csv:preview', preview('/home/me/shop.csv'))).resolves.toEqual({
      ok: true,
      value: 'from worker',
    });
    const dryRun = { file: '/home/me/shop.csv', engine: 'e1', type: 'product', mode: 'merge', mapping: null } as const;
    await expect(route('csv:dryRun', dryRun)).resolves.toEqual({ ok: true, value: 'from worker' });
    expect(worker.request).toHaveBeenCalledTimes(2);
  });

  it('writes the file picked in the save dialog, with the extension the dialog added', async () => {
    const { route, worker } = setup({ save: '/home/me/out' });
    const picked = await route('files:pickExport', { suggestedName: 'shop.tsv' });
    expect(picked).toEqual({ ok: true, value: { file: '/home/me/out.tsv' } });
    await expect(route('csv:export', exportTo('/home/me/out.tsv'))).resolves.toEqual({
      ok: true,
      value: 'from worker',
    });
    await expect(route('csv:results', { importId: 3, file: '/home/me/out.tsv', stage: 'sync' })).resolves.toMatchObject(
      {
        ok: true,
      },
    );
    expect(worker.request).toHaveBeenCalledTimes(2);
  });

  it('a file chosen to write cannot be read, nor another file be written or read with it', async () => {
    const { route, worker } = setup({ save: '/home/me/out.csv' });
    await route('files:pickExport', { suggestedName: 'out.csv' });
    expectRefused(await route('csv:preview', preview('/home/me/secrets.csv')), '/home/me/secrets.csv');
    expectRefused(await route('csv:preview', preview('/home/me/out.csv')), '/home/me/out.csv');
    expectRefused(await route('csv:export', exportTo('/home/me/other.csv')), '/home/me/other.csv');
    expect(worker.request).not.toHaveBeenCalled();
  });

  it('a file chosen to read cannot be overwritten', async () => {
    const { route, worker } = setup({ open: '/home/me/shop.csv' });
    await route('files:pickImport', undefined);
    expectRefused(await route('csv:export', exportTo('/home/me/shop.csv')), '/home/me/shop.csv');
    expect(worker.request).not.toHaveBeenCalled();
  });

  it('a chosen path cannot be stretched to another file with ../', async () => {
    const { route, worker } = setup({ open: '/home/me/shop.csv' });
    await route('files:pickImport', undefined);
    const escaped = '/home/me/shop.csv/../../other/secret.csv';
    expectRefused(await route('csv:preview', preview(escaped)), escaped);
    // The same file written another way is still the file the user chose.
    await expect(route('csv:preview', preview('/home/me/x/../shop.csv'))).resolves.toMatchObject({ ok: true });
    expect(worker.request).toHaveBeenCalledTimes(1);
  });

  it('a dropped file is read only once the user confirms it, and is never written on that ground', async () => {
    const confirmRead = vi.fn((file: string) => Promise.resolve(file === '/home/me/dropped.csv'));
    const { route, worker } = setup({ confirmRead });
    await expect(route('csv:preview', preview('/home/me/dropped.csv'))).resolves.toMatchObject({ ok: true });
    // Confirmed once: the dry run that follows does not ask again.
    await route('csv:preview', preview('/home/me/dropped.csv'));
    expect(confirmRead).toHaveBeenCalledTimes(1);
    expectRefused(await route('csv:preview', preview('/home/me/other.csv')), '/home/me/other.csv');
    expectRefused(await route('csv:export', exportTo('/home/me/dropped.csv')), '/home/me/dropped.csv');
    expect(confirmRead).toHaveBeenCalledTimes(2);
    expect(worker.request).toHaveBeenCalledTimes(2);
  });

  it('forgets a grant after a day', async () => {
    let now = 1_000_000;
    const grants = createFileGrants({ now: () => now });
    const { route } = setup({ open: '/home/me/shop.csv', grants });
    await route('files:pickImport', undefined);
    now += GRANT_MAX_AGE_MS - 1;
    await expect(route('csv:preview', preview('/home/me/shop.csv'))).resolves.toMatchObject({ ok: true });
    now += 2;
    expectRefused(await route('csv:preview', preview('/home/me/shop.csv')), '/home/me/shop.csv');
  });

  it('still forwards requests that name no file', async () => {
    const { route, worker } = setup();
    await expect(route('app:ping', { sentAt: 1 })).resolves.toMatchObject({ ok: true });
    expect(worker.request).toHaveBeenCalledTimes(1);
  });
});
