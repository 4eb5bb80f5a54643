/**
 * An account from end to end, through the same router the window uses: a wrong key is
 * refused plainly; a right key is checked, stored in the real keychain and used to list
 * engines and mirror; a key Doofinder stops accepting stops the account and says so; and
 * the token never shows up in a response, a log line or a file on disk.
 */
import { readdirSync, readFileSync, statSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountsSnapshot, Envelope, EnginesSnapshot, MirrorProgressView } from '../../preload/contract';
import { createAppHost, type AppHost } from '../../main/app-host';
import { startSandbox, type Sandbox } from '../../main/sandbox/index';

const realKeyring = process.env.CATALOG_STUDIO_TEST_KEYRING === '1';

let sandbox: Sandbox;
let host: AppHost;
let dataDir: string;
let apiKey: string;
const responses: unknown[] = [];
const events: Array<{ channel: string; payload: unknown }> = [];
const logs: string[] = [];

async function call<T>(channel: string, input?: unknown): Promise<Envelope<T>> {
  const envelope = (await host.route(channel, input)) as Envelope<T>;
  responses.push(envelope);
  return envelope;
}

async function until<T>(find: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((done) => setTimeout(done, 25));
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe.skipIf(!realKeyring)('an account, end to end (real keychain; run by npm test)', () => {
  beforeAll(async () => {
    sandbox = await startSandbox({
      config: { managementRatePerSecond: null },
      seed: {
        accounts: [{ engines: [{ name: 'Acme', types: [{ name: 'product', generate: { count: 150, seed: 4 } }] }] }],
      },
    });
    apiKey = sandbox.seeded?.accounts[0]?.apiKey ?? '';
    dataDir = mkdtempSync(join(tmpdir(), 'cs-flow-'));
    host = createAppHost({
      workerScript: resolve('test/helpers/api-worker.mjs'),
      boot: {
        appName: 'Catalog Studio',
        appVersion: '0.0.0',
        dataDir,
        mode: 'browser',
        sqliteBinding: null,
        sandbox: { enabled: false },
      },
      onEvent: (channel, payload) => {
        events.push({ channel, payload });
        responses.push(payload);
      },
      log: (line) => logs.push(line),
    });
  });

  afterAll(async () => {
    const snapshot = await call<AccountsSnapshot>('accounts:list');
    if (snapshot.ok) for (const account of snapshot.value.accounts) await call('accounts:remove', { id: account.id });
    await host?.supervisor.stop();
    await sandbox?.close();
  });

  it('refuses a wrong key plainly, and stores nothing', async () => {
    const answer = await call('accounts:add', {
      name: 'Wrong',
      apiKey: `eu1-${'f'.repeat(40)}`,
      managementUrl: sandbox.url,
      searchUrl: sandbox.url,
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'auth_failed' } });
    if (!answer.ok) expect(answer.error.message).toMatch(/did not accept this API key/);
    const list = await call<AccountsSnapshot>('accounts:list');
    expect(list.ok && list.value.accounts).toEqual([]);
  });

  it('refuses something that is not a key, saying what a key looks like', async () => {
    const answer = await call('accounts:add', {
      name: 'Typo',
      apiKey: 'not a key',
      managementUrl: sandbox.url,
      searchUrl: sandbox.url,
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!answer.ok) expect(answer.error.message).toContain('eu1-');
  });

  it('checks a right key, keeps it in the keychain, lists the engines and mirrors them', async () => {
    const added = await call<{ id: string; current: boolean; state: string }>('accounts:add', {
      name: 'Acme',
      apiKey,
      managementUrl: sandbox.url,
      searchUrl: sandbox.url,
    });
    expect(added).toMatchObject({ ok: true, value: { current: true, state: 'ok' } });
    const id = added.ok ? added.value.id : '';
    await expect(host.keychain.getKey(id)).resolves.toBe(apiKey);

    const engines = await call<EnginesSnapshot>('engines:list', { refresh: true });
    expect(engines.ok && engines.value.engines.map((engine) => engine.name)).toEqual(['Acme']);
    const hashid = engines.ok ? (engines.value.engines[0]?.hashid ?? '') : '';

    expect(await call('mirror:start', { engine: hashid, type: 'product' })).toMatchObject({ ok: true });
    const done = await until(
      () =>
        events.find(
          (event) => event.channel === 'mirror:progress' && (event.payload as MirrorProgressView).state === 'completed',
        )?.payload as MirrorProgressView | undefined,
    );
    expect(done).toMatchObject({ fetched: 150, total: 150, percent: 100 });
    const after = await call<EnginesSnapshot>('engines:list', { refresh: false });
    expect(after.ok && after.value.engines[0]?.types[0]).toMatchObject({
      name: 'product',
      localCount: 150,
      serverCount: 150,
      mirrorState: 'completed',
    });
  });

  it('survives a worker restart: the new worker gets the key from the keychain again', async () => {
    await host.supervisor.kill();
    await until(() => (host.supervisor.currentState().status === 'ready' ? true : undefined));
    // The keys reach the new worker just after it is ready; a refresh then works again.
    let snapshot: EnginesSnapshot | null = null;
    for (let attempt = 0; attempt < 40 && !snapshot; attempt += 1) {
      const answer = await call<EnginesSnapshot>('engines:list', { refresh: true });
      if (answer.ok && answer.value.refreshError === null) snapshot = answer.value;
      else await new Promise((done) => setTimeout(done, 50));
    }
    expect(snapshot?.engines.map((engine) => engine.name)).toEqual(['Acme']);
    expect(snapshot?.engines[0]?.types[0]?.localCount).toBe(150);
  });

  it('stops the account when Doofinder stops accepting its key, and says what to do', async () => {
    // The sandbox forgets every account: the stored key is now refused (401).
    await fetch(`${sandbox.url}/_sandbox/reset`, { method: 'POST' });
    const answer = await call('engines:list', { refresh: true });
    expect(answer.ok).toBe(true);
    const snapshot = await until(() => {
      const change = [...events].reverse().find((event) => event.channel === 'accounts:changed')?.payload as
        AccountsSnapshot | undefined;
      return change?.accounts[0]?.state === 'needs_key' ? change : undefined;
    });
    expect(snapshot.accounts[0]?.stateMessage).toMatch(/refused this API key/);
    if (answer.ok) expect((answer.value as EnginesSnapshot).refreshError).toMatch(/did not accept the API key \(401\)/);
  });

  it('never lets the token out: not in a response or event, a log line, or any file the app wrote', () => {
    const token = apiKey.split('-')[1] ?? '';
    expect(token.length).toBeGreaterThan(20);
    expect(JSON.stringify(responses)).not.toContain(token);
    expect(logs.join('\n')).not.toContain(token);
    const files = filesUnder(dataDir);
    expect(files.some((file) => file.endsWith('.db'))).toBe(true);
    for (const file of files) expect(readFileSync(file).includes(token), file).toBe(false);
  });
});
