/**
 * The app, in a process of its own so the soak can SIGKILL it: the real API worker built
 * through `createAppHost` (router, supervisor, worker thread, SQLite), with the sandbox as a
 * Doofinder account. Requests and events cross to the soak driver over the IPC channel.
 * The keychain lives in memory: the driver hands the keys over at each start.
 *   env: SOAK_DATA_DIR (the app's data folder), SOAK_KEYS (JSON {profileId: apiKey})
 */
import { resolve } from 'node:path';
import type { KeychainStatus } from '../../preload/contract';
import { createAppHost } from '../../main/app-host';
import type { Keychain } from '../../main/keychain';
import type { FromHost, ToHost } from './host-protocol';

const dataDir = process.env.SOAK_DATA_DIR;
if (!dataDir || !process.send) throw new Error('soak-host runs under the soak driver (fork with SOAK_DATA_DIR).');
const keys = new Map(Object.entries(JSON.parse(process.env.SOAK_KEYS ?? '{}') as Record<string, string>));

const send = (message: FromHost) => process.send?.(message);

const keychain: Keychain = {
  status: (): Promise<KeychainStatus> =>
    Promise.resolve({ available: true, reason: null, remedy: null, backend: 'soak (in memory)' }),
  setKey: (profileId, apiKey) => {
    keys.set(profileId, apiKey);
    return Promise.resolve();
  },
  getKey: (profileId) => Promise.resolve(keys.get(profileId) ?? null),
  deleteKey: (profileId) => Promise.resolve(keys.delete(profileId)),
};

const host = createAppHost({
  workerScript: resolve(import.meta.dirname, '../helpers/api-worker.mjs'),
  boot: {
    appName: 'Catalog Studio',
    appVersion: '0.0.0-soak',
    dataDir,
    mode: 'browser',
    sqliteBinding: null,
    sandbox: { enabled: false },
  },
  keychain,
  onEvent: (channel, payload) => send({ kind: 'event', channel, payload }),
  log: (line) => process.stderr.write(`${line}\n`),
});

process.on('message', (message: ToHost) => {
  if (message.kind === 'stop') {
    void host.supervisor.stop().then(() => process.exit(0));
    return;
  }
  void host.route(message.channel, message.input).then((envelope) => send({ kind: 'reply', id: message.id, envelope }));
});
// The driver going away (a failed test) must not leave an app running.
process.on('disconnect', () => process.exit(0));
