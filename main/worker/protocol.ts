/**
 * Messages between the supervisor (main process, or the browser-mode host) and the API
 * worker thread. Requests carry a sequence id; replies carry an envelope whose error is
 * already the plain `ApiErrorData` the renderer shows.
 */
import type { ChannelsServedBy, Envelope, EventChannel } from '../../preload/contract';

export type WorkerChannel = ChannelsServedBy<'worker'>;

export interface WorkerBoot {
  appName: string;
  appVersion: string;
  dataDir: string;
  mode: 'electron' | 'browser';
  /** better_sqlite3.node built for Electron's ABI (prepared by `npm start`); null under Node. */
  sqliteBinding: string | null;
  restarts: number;
}

export type ToWorker = { kind: 'request'; id: number; channel: WorkerChannel; input: unknown };

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'reply'; id: number; result: Envelope<unknown> }
  | { kind: 'event'; channel: EventChannel; payload: unknown };
