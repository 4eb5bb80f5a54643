/**
 * The API worker's runtime on the built-in Sandbox account, reached as the renderer reaches
 * it (the worker's handlers, optionally behind the contract's input schemas as the router
 * checks them), with every event it emits kept for the test to look at.
 */
import { requests, type EventChannel, type MirrorProgressView, type RequestChannel } from '../../preload/contract';
import { createWorkerHandlers } from '../../main/worker/handlers';
import { createRuntime, type WorkerRuntime } from '../../main/worker/runtime';

export type Call = <T>(channel: RequestChannel, input?: unknown) => Promise<T>;
export interface EmittedEvent {
  channel: EventChannel;
  payload: unknown;
}

export interface SandboxWorkerOptions {
  /** Items per engine and type in the generated Sandbox catalog. */
  items: number;
  /** Check inputs with the contract's schemas first, as the router does. */
  validate?: boolean;
}

export function sandboxWorker(options: SandboxWorkerOptions) {
  const events: EmittedEvent[] = [];
  let latest: WorkerRuntime | null = null;
  return {
    events,
    /** A runtime on dataDir; a test that restarts stops the previous one itself. */
    async boot(dataDir: string): Promise<{ runtime: WorkerRuntime; call: Call }> {
      const runtime = await createRuntime(
        {
          appName: 'Catalog Studio',
          appVersion: '0.0.0',
          dataDir,
          mode: 'browser',
          sqliteBinding: null,
          restarts: 0,
          sandbox: { enabled: true, items: options.items },
        },
        (channel, payload) => events.push({ channel, payload }),
      );
      latest = runtime;
      const handlers = createWorkerHandlers(runtime) as unknown as Record<RequestChannel, (input: unknown) => unknown>;
      const call: Call = async <T>(channel: RequestChannel, input?: unknown) =>
        (await handlers[channel](options.validate ? requests[channel].input.parse(input) : input)) as T;
      return { runtime, call };
    },
    /** For afterEach: stops the latest runtime and forgets the events. */
    async reset(): Promise<void> {
      await latest?.stop();
      latest = null;
      events.length = 0;
    },
    /** Mirrors one type of the account's first engine; returns the engine. */
    async mirrorFirstEngine(call: Call, type = 'product'): Promise<string> {
      const engines = await call<{ engines: Array<{ hashid: string }> }>('engines:list', { refresh: true });
      const engine = engines.engines[0]?.hashid ?? '';
      await call('mirror:start', { engine, type });
      await until(() =>
        events.some(
          (event) => event.channel === 'mirror:progress' && (event.payload as MirrorProgressView).state === 'completed',
        ),
      );
      return engine;
    },
  };
}

/** Polls until find() gives something (vitest's test timeout bounds the wait). */
export async function until<T>(find: () => T | undefined | null | false): Promise<T> {
  for (;;) {
    const found = find();
    if (found) return found;
    await new Promise((done) => setTimeout(done, 20));
  }
}
