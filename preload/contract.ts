/**
 * THE contract between the renderer and the rest of the app.
 *
 * Every request channel names its input schema (checked in main before any handler runs),
 * its output type, and where it is served: `worker` (the API worker: SQLite, network) or
 * `main` (things only the main process may touch, such as the OS keychain). Every event
 * channel names its payload type. Adding a channel is one entry here plus one handler; the
 * compiler then checks the renderer's call, the handler, and the router.
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------
// Shared value types
// ---------------------------------------------------------------------------------------

export interface AppInfo {
  appName: string;
  version: string;
  /** Folder holding the app's databases (one per account, plus app.db). */
  dataDir: string;
  /** Seconds since the current API worker started (it restarts if it dies). */
  workerUptimeSeconds: number;
  workerStartedAt: string;
  /** How many times the worker was restarted since the app started. */
  workerRestarts: number;
  runtime: { node: string; electron: string | null; platform: string; mode: 'electron' | 'browser' };
}

export interface Pong {
  /** Echo of the renderer's timestamp, so it can measure the round trip. */
  sentAt: number;
  /** When the worker answered (epoch ms). */
  workerAt: number;
  workerThreadId: number;
}

export type WorkerStatus = 'starting' | 'ready' | 'restarting' | 'stopped';

export interface WorkerState {
  status: WorkerStatus;
  restarts: number;
  /** Why the worker last stopped, in words a user can read (never a stack). */
  lastExit: string | null;
  /** When it will be started again (epoch ms), while restarting. */
  retryAt: number | null;
}

export interface KeychainStatus {
  available: boolean;
  /** One sentence: why keys cannot be stored, when they cannot. */
  reason: string | null;
  /** What to install or start to make the keychain work, when it does not. */
  remedy: string | null;
  backend: string;
}

export interface StatusSnapshot {
  account: { id: string; name: string; kind: 'doofinder' | 'sandbox' } | null;
  sync: { state: 'idle' | 'syncing' | 'offline'; pendingChanges: number; activity: string | null };
  rate: { requestsPerSecond: number; queued: number; pausedReason: string | null };
}

export type AccountKind = 'doofinder' | 'sandbox';

/**
 * Why an account cannot work right now, if it cannot: its key was refused (401), its
 * monthly plan is spent, the keychain is unavailable, or no key is stored for it.
 */
export type AccountState = 'ok' | 'needs_key' | 'quota' | 'keychain_unavailable' | 'missing_key';

export interface AccountView {
  id: string;
  name: string;
  kind: AccountKind;
  zone: string;
  managementUrl: string | null;
  searchUrl: string | null;
  state: AccountState;
  /** What to do about the state, in words; null when all is well. */
  stateMessage: string | null;
  current: boolean;
}

export interface AccountsSnapshot {
  accounts: AccountView[];
  currentId: string | null;
}

export type MirrorRunState = 'running' | 'paused' | 'completed' | 'cancelled' | 'failed';

export interface TypeView {
  name: string;
  serverCount: number | null;
  localCount: number;
  pendingCount: number;
  conflictCount: number;
  lastMirrorAt: string | null;
  mirrorState: MirrorRunState | 'never';
  mirrorError: string | null;
}

export interface EngineView {
  hashid: string;
  name: string;
  siteUrl: string;
  language: string;
  currency: string;
  types: TypeView[];
}

export interface EnginesSnapshot {
  accountId: string | null;
  engines: EngineView[];
  /** When the list was last read from the server; null if never. */
  refreshedAt: string | null;
  /** Why the last refresh failed, if it did (the list shown is then the stored one). */
  refreshError: string | null;
}

export interface MirrorProgressView {
  accountId: string;
  engine: string;
  type: string;
  runId: number;
  pass: number;
  state: MirrorRunState;
  fetched: number;
  total: number | null;
  percent: number | null;
  etaSeconds: number | null;
  itemsPerSecond: number | null;
  error: string | null;
  deletedOnServer?: number;
  conflicts?: number;
}

// ---------------------------------------------------------------------------------------
// Errors every channel may answer with
// ---------------------------------------------------------------------------------------

export const errorCodes = [
  'invalid_input',
  // Doofinder said no: the key was refused (401), or another error it answered.
  'auth_failed',
  'unreachable',
  'doofinder_error',
  // Something is already running that this request would collide with (a mirror, say).
  'busy',
  'forbidden',
  'unknown_channel',
  'worker_unavailable',
  'disconnected',
  'keychain_unavailable',
  'not_found',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** What the renderer receives when a request fails: safe to show, never a stack or a secret. */
export interface ApiErrorData {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData };

// ---------------------------------------------------------------------------------------
// Channels
// ---------------------------------------------------------------------------------------

export type Runs = 'worker' | 'main';

/** A phantom value: carries a type for the compiler, never read at run time. */
const returns = <T>() => undefined as unknown as T;

const inWorker = <I extends z.ZodType, O>(input: I, output: O) => ({ runs: 'worker' as const, input, output });
const inMain = <I extends z.ZodType, O>(input: I, output: O) => ({ runs: 'main' as const, input, output });

const hostUrl = z
  .string()
  .trim()
  .regex(/^https?:\/\/[^\s/?#]+(:\d+)?\/?$/, 'a host such as https://eu1-api.doofinder.com or http://127.0.0.1:8080')
  .nullable()
  .optional();
const accountName = z.string().trim().min(1, 'a name is required').max(80);
const apiKey = z.string().trim().min(1, 'an API key is required').max(200);
const typeRef = z.object({ engine: z.string().regex(/^\w{1,64}$/), type: z.string().regex(/^\w{1,100}$/) }).strict();

export const requests = {
  'app:info': inWorker(z.void(), returns<AppInfo>()),
  'app:ping': inWorker(z.object({ sentAt: z.number().finite() }).strict(), returns<Pong>()),
  'app:status': inWorker(z.void(), returns<StatusSnapshot>()),
  'app:workerState': inMain(z.void(), returns<WorkerState>()),
  'keychain:status': inMain(z.void(), returns<KeychainStatus>()),

  'accounts:list': inWorker(z.void(), returns<AccountsSnapshot>()),
  /** Checks the key by listing the account's engines, stores it in the keychain, then saves the account. */
  'accounts:add': inMain(
    z.object({ name: accountName, apiKey, managementUrl: hostUrl, searchUrl: hostUrl }).strict(),
    returns<AccountView>(),
  ),
  /** A new key (checked first) replaces the stored one; hosts and name change as given. */
  'accounts:update': inMain(
    z
      .object({
        id: z.string().min(1),
        name: accountName.optional(),
        apiKey: apiKey.optional(),
        managementUrl: hostUrl,
        searchUrl: hostUrl,
      })
      .strict(),
    returns<AccountView>(),
  ),
  /** Removes the account, its keychain entry and its local data. */
  'accounts:remove': inMain(z.object({ id: z.string().min(1) }).strict(), returns<{ removed: true }>()),
  'accounts:switch': inWorker(z.object({ id: z.string().min(1) }).strict(), returns<AccountsSnapshot>()),

  /** The current account's engines and types; `refresh` reads them from the server first. */
  'engines:list': inWorker(z.object({ refresh: z.boolean() }).strict(), returns<EnginesSnapshot>()),
  /** Starts (or resumes) mirroring a type; progress arrives as `mirror:progress` events. */
  'mirror:start': inWorker(typeRef, returns<MirrorProgressView>()),
  'mirror:cancel': inWorker(typeRef, returns<{ cancelled: boolean }>()),
};

export const events = {
  /** The API worker started, died, or is being restarted. */
  'app:workerState': returns<WorkerState>(),
  /** Account, sync and rate-limiter state for the status bar. */
  'app:status': returns<StatusSnapshot>(),
  /** An account was added, changed, removed or switched to, or its state changed. */
  'accounts:changed': returns<AccountsSnapshot>(),
  /** The current account's engines or their counts changed (after a refresh or a mirror). */
  'engines:changed': returns<EnginesSnapshot>(),
  'mirror:progress': returns<MirrorProgressView>(),
};

// ---------------------------------------------------------------------------------------
// Types derived from the maps above
// ---------------------------------------------------------------------------------------

type Requests = typeof requests;
export type RequestChannel = keyof Requests;
export type EventChannel = keyof typeof events;

export type RequestInput<K extends RequestChannel> = z.input<Requests[K]['input']>;
export type RequestOutput<K extends RequestChannel> = Requests[K]['output'];
export type EventPayload<K extends EventChannel> = (typeof events)[K];

export type ChannelsServedBy<R extends Runs> = {
  [K in RequestChannel]: Requests[K]['runs'] extends R ? K : never;
}[RequestChannel];

/** Channels without input take no argument at the call site. */
export type InputArgs<K extends RequestChannel> = [RequestInput<K>] extends [void | undefined]
  ? []
  : [input: RequestInput<K>];

export type Handler<K extends RequestChannel> = (
  input: z.output<Requests[K]['input']>,
) => Promise<RequestOutput<K>> | RequestOutput<K>;

/** Exactly one handler for every channel served by `R`: the compiler reports a missing one. */
export type HandlersFor<R extends Runs> = { [K in ChannelsServedBy<R>]: Handler<K> };

/**
 * What `window.api` is, in Electron (from the preload) and in browser mode (a WebSocket shim).
 * Requests answer with an envelope so a typed error survives the process boundary intact.
 */
export interface Api {
  request<K extends RequestChannel>(channel: K, ...input: InputArgs<K>): Promise<Envelope<RequestOutput<K>>>;
  on<K extends EventChannel>(channel: K, listener: (payload: EventPayload<K>) => void): () => void;
}

export const requestChannels = Object.keys(requests) as RequestChannel[];
export const eventChannels = Object.keys(events) as EventChannel[];

export function isRequestChannel(value: unknown): value is RequestChannel {
  return typeof value === 'string' && Object.hasOwn(requests, value);
}

export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && Object.hasOwn(events, value);
}
