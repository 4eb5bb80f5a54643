/**
 * Grants live in main's memory only: the app started again (a new host over the same data
 * folder) has forgotten every file the user chose before, so a path a renderer kept from an
 * earlier session cannot be replayed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../preload/contract';
import { createAppHost, type AppHost } from '../../main/app-host';

const dataDir = mkdtempSync(join(tmpdir(), 'cs-grants-'));
const file = join(mkdtempSync(join(tmpdir(), 'cs-grants-files-')), 'shop.csv');
writeFileSync(file, 'id,title\n1,Tent\n');
let host: AppHost | null = null;

function startHost(): AppHost {
  return createAppHost({
    workerScript: resolve('test/helpers/api-worker.mjs'),
    boot: {
      appName: 'Catalog Studio',
      appVersion: '0.0.0',
      dataDir,
      mode: 'browser',
      sqliteBinding: null,
      sandbox: { enabled: false },
    },
    onEvent: () => undefined,
    log: () => undefined,
  });
}

const preview = () => ({ file, engine: 'e1', type: 'product', rows: 5 });
const refusedByMain = (answer: Envelope<unknown>) =>
  !answer.ok && answer.error.code === 'forbidden' && answer.error.details?.file === file;

afterEach(async () => {
  await host?.supervisor.stop();
  host = null;
});

describe('file grants across a restart', () => {
  it('a file granted before the app restarted is refused after it', async () => {
    host = startHost();
    expect(refusedByMain(await host.route('csv:preview', preview()))).toBe(true);
    host.grants.grant(file, 'read');
    const granted = await host.route('csv:preview', preview());
    // The worker answers it (here: there is no account yet); main let it through.
    expect(refusedByMain(granted)).toBe(false);
    expect(granted).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await host.supervisor.stop();

    host = startHost();
    const replayed = await host.route('csv:preview', preview());
    expect(refusedByMain(replayed)).toBe(true);
  });
});
