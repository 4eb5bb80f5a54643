/**
 * The soak driver's handle on the app process: start it, call contract channels, hear its
 * events, SIGKILL it, or stop it properly. A call whose answer the kill swallowed rejects
 * with `AppKilled`: the driver cannot know whether it ran.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { Envelope, EventChannel } from '../../preload/contract';
import type { FromHost, ToHost } from './host-protocol';

export class AppKilled extends Error {
  constructor() {
    super('the app process is gone');
  }
}

export interface AppProcess {
  readonly pid: number;
  call<T>(channel: string, input?: unknown): Promise<Envelope<T>>;
  /** SIGKILL, as a crash or the OS would: no shutdown code runs. */
  kill(): Promise<void>;
  /** A proper shutdown: the worker closes its databases. */
  stop(): Promise<void>;
  readonly alive: boolean;
  /** The app's last lines on stderr, for a report when something went wrong. */
  stderrTail(): string;
}

export function startApp(options: {
  dataDir: string;
  keys: Record<string, string>;
  onEvent: (channel: EventChannel, payload: unknown) => void;
}): AppProcess {
  const child: ChildProcess = fork(resolve(import.meta.dirname, 'soak-host.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, SOAK_DATA_DIR: options.dataDir, SOAK_KEYS: JSON.stringify(options.keys) },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const waiting = new Map<number, { resolve: (envelope: Envelope<unknown>) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let alive = true;
  let stderr = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-8_000);
  });
  child.on('message', (message: FromHost) => {
    if (message.kind === 'event') options.onEvent(message.channel, message.payload);
    else {
      waiting.get(message.id)?.resolve(message.envelope);
      waiting.delete(message.id);
    }
  });
  void exited.then(() => {
    alive = false;
    for (const call of waiting.values()) call.reject(new AppKilled());
    waiting.clear();
  });
  const post = (message: ToHost) => child.send(message);
  return {
    pid: child.pid ?? 0,
    get alive() {
      return alive;
    },
    call<T>(channel: string, input?: unknown): Promise<Envelope<T>> {
      if (!alive) return Promise.reject(new AppKilled());
      const id = nextId++;
      return new Promise<Envelope<T>>((resolveCall, reject) => {
        waiting.set(id, { resolve: resolveCall as (envelope: Envelope<unknown>) => void, reject });
        post({ kind: 'call', id, channel, input });
      });
    },
    async kill() {
      if (alive) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (alive) post({ kind: 'stop' });
      await exited;
    },
    stderrTail: () => stderr,
  };
}
