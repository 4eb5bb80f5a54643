/**
 * Messages between the supervisor (main process, or the browser-mode host) and the API
 * worker thread. Requests carry a sequence id; replies carry an envelope whose error is
 * already the plain `ApiErrorData` the renderer shows.
 *
 * Besides contract requests (from the renderer, checked by the router), main sends
 * `internal` operations the renderer can never reach: the ones that carry an API key.
 */
import type { AccountView, ChannelsServedBy, Envelope, EventChannel } from '../../preload/contract';

export type WorkerChannel = ChannelsServedBy<'worker'>;

export interface WorkerBoot {
  appName: string;
  appVersion: string;
  dataDir: string;
  mode: 'electron' | 'browser';
  /** better_sqlite3.node built for Electron's ABI (prepared by `npm start`); null under Node. */
  sqliteBinding: string | null;
  restarts: number;
  /** Start the built-in sandbox (the Sandbox account); tests may switch it off. */
  sandbox?: { enabled: boolean; items?: number };
}

export interface KeyForProfile {
  profileId: string;
  /** The key from the keychain; null when there is none or the keychain could not be read. */
  apiKey: string | null;
  /** Why there is no key, in words, when there is none. */
  problem: 'missing_key' | 'keychain_unavailable' | null;
}

export interface AccountInput {
  name: string;
  apiKey: string;
  managementUrl: string | null;
  searchUrl: string | null;
}

/** Operations only main may ask for. */
export interface InternalOps {
  /** Lists the engines with this key: proves the key before anything is stored. */
  'accounts:verifyKey': {
    /** With `profileId`, hosts not given are that account's. */
    input: Omit<AccountInput, 'name'> & { profileId?: string };
    output: { engines: number; zone: string };
  };
  'accounts:create': { input: AccountInput & { id: string }; output: AccountView };
  'accounts:update': {
    input: { id: string; name?: string; apiKey?: string; managementUrl?: string | null; searchUrl?: string | null };
    output: AccountView;
  };
  'accounts:remove': { input: { id: string }; output: { removed: true } };
  /** Profiles whose keys live in the keychain (so main can hand them over at start). */
  'accounts:keyholders': { input: undefined; output: string[] };
  'accounts:keys': { input: { keys: KeyForProfile[] }; output: { received: number } };
}

export type InternalOp = keyof InternalOps;

export type ToWorker =
  | { kind: 'request'; id: number; channel: WorkerChannel; input: unknown }
  | { kind: 'internal'; id: number; op: InternalOp; input: unknown };

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'reply'; id: number; result: Envelope<unknown> }
  | { kind: 'event'; channel: EventChannel; payload: unknown };
