/**
 * Starts the API worker, queues requests until it is ready, and restarts it when it dies.
 * Requests that were already in the worker when it died are answered with
 * `worker_unavailable` (we cannot know whether they ran); requests still queued go to the
 * next worker. Used by Electron's main process and by the browser-mode host alike, so it
 * must not import electron.
 */
import { Worker } from 'node:worker_threads';
import type { Envelope, EventChannel, WorkerState } from '../preload/contract';
import { redactSecrets } from './redact';
import type { FromWorker, InternalOp, InternalOps, ToWorker, WorkerBoot, WorkerChannel } from './worker/protocol';

export interface SupervisorOptions {
  /** The built worker script (out/main/worker.js). */
  script: string;
  boot: Omit<WorkerBoot, 'restarts'>;
  onEvent: (channel: EventChannel, payload: unknown) => void;
  onState: (state: WorkerState) => void;
  /** Delay before restart number `attempt` (1-based) of a worker that keeps dying. */
  restartDelayMs?: (attempt: number) => number;
  log?: (line: string) => void;
}

/** A worker that stayed up this long is considered healthy again: the backoff starts over. */
const HEALTHY_AFTER_MS = 30_000;

export const defaultRestartDelay = (attempt: number): number => Math.min(250 * 2 ** (attempt - 1), 30_000);

export class WorkerSupervisor {
  private worker: Worker | null = null;
  private ready = false;
  private readyAt = 0;
  private stopping = false;
  private nextId = 1;
  private restarts = 0;
  private consecutiveFailures = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private readonly waiting: ToWorker[] = [];
  private readonly inFlight = new Map<number, (result: Envelope<unknown>) => void>();
  private state: WorkerState = { status: 'starting', restarts: 0, lastExit: null, retryAt: null };

  constructor(private readonly options: SupervisorOptions) {}

  start(): void {
    this.stopping = false;
    this.spawn();
  }

  currentState(): WorkerState {
    return { ...this.state };
  }

  request(channel: WorkerChannel, input: unknown): Promise<Envelope<unknown>> {
    return this.post({ kind: 'request', id: this.nextId++, channel, input });
  }

  /** Operations only main may ask for (they carry API keys); never reachable from the renderer. */
  internal<K extends InternalOp>(op: K, input: InternalOps[K]['input']): Promise<Envelope<InternalOps[K]['output']>> {
    return this.post({ kind: 'internal', id: this.nextId++, op, input }) as Promise<Envelope<InternalOps[K]['output']>>;
  }

  private post(message: ToWorker): Promise<Envelope<unknown>> {
    if (this.stopping) return Promise.resolve(unavailable('The app is shutting down.'));
    return new Promise((resolve) => {
      this.inFlight.set(message.id, resolve);
      if (this.ready && this.worker) this.worker.postMessage(message);
      else this.waiting.push(message);
    });
  }

  /** Ends the worker as if it had crashed. Tests use it to prove the restart path. */
  async kill(): Promise<void> {
    await this.worker?.terminate();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
    this.failAll('The app is shutting down.');
    this.setState({ status: 'stopped', retryAt: null });
  }

  private spawn(): void {
    this.ready = false;
    this.setState({ status: this.restarts === 0 ? 'starting' : 'restarting', retryAt: null });
    const worker = new Worker(this.options.script, {
      workerData: { ...this.options.boot, restarts: this.restarts } satisfies WorkerBoot,
    });
    this.worker = worker;
    let lastError: string | null = null;
    worker.on('message', (message: FromWorker) => this.onMessage(worker, message));
    worker.on('error', (error) => {
      lastError = firstLine(redactSecrets(error.message));
      this.log(`API worker error: ${redactSecrets(error.stack ?? error.message)}`);
    });
    worker.on('exit', (code) => this.onExit(worker, code, lastError));
  }

  private onMessage(worker: Worker, message: FromWorker): void {
    if (worker !== this.worker) return;
    switch (message.kind) {
      case 'ready':
        this.ready = true;
        this.readyAt = Date.now();
        this.setState({ status: 'ready', retryAt: null });
        for (const queued of this.waiting.splice(0)) worker.postMessage(queued);
        return;
      case 'reply': {
        const resolve = this.inFlight.get(message.id);
        this.inFlight.delete(message.id);
        resolve?.(message.result);
        return;
      }
      case 'event':
        this.options.onEvent(message.channel, message.payload);
        return;
    }
  }

  private onExit(worker: Worker, code: number, lastError: string | null): void {
    if (worker !== this.worker) return;
    this.worker = null;
    this.ready = false;
    const reason = lastError ?? `it exited with code ${code}`;
    // Only requests already handed to the dead worker fail; queued ones wait for the next one.
    const queuedIds = new Set(this.waiting.map((m) => m.id));
    for (const [id, resolve] of this.inFlight) {
      if (queuedIds.has(id)) continue;
      this.inFlight.delete(id);
      resolve(
        unavailable(`The API worker stopped while handling this request (${reason}). It is restarting; try again.`),
      );
    }
    if (this.stopping) return;

    const healthy = this.readyAt > 0 && Date.now() - this.readyAt >= HEALTHY_AFTER_MS;
    this.consecutiveFailures = healthy ? 1 : this.consecutiveFailures + 1;
    this.readyAt = 0;
    this.restarts += 1;
    const delay = (this.options.restartDelayMs ?? defaultRestartDelay)(this.consecutiveFailures);
    this.log(`API worker stopped (${reason}); restarting in ${delay} ms`);
    this.setState({ status: 'restarting', lastExit: reason, retryAt: Date.now() + delay });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (!this.stopping) this.spawn();
    }, delay);
  }

  private failAll(reason: string): void {
    for (const resolve of this.inFlight.values()) resolve(unavailable(reason));
    this.inFlight.clear();
    this.waiting.length = 0;
  }

  private setState(change: Partial<WorkerState>): void {
    this.state = { ...this.state, ...change, restarts: this.restarts };
    this.options.onState(this.currentState());
  }

  private log(line: string): void {
    (this.options.log ?? ((l: string) => process.stderr.write(`${l}\n`)))(line);
  }
}

function unavailable(message: string): Envelope<never> {
  return { ok: false, error: { code: 'worker_unavailable', message } };
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}
