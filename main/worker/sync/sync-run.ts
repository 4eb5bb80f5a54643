/**
 * One sync of an account: every type of the scope with pending changes is pushed in turn
 * (`pushType`), and their progress adds up to one `SyncProgress` for the whole run. A stop
 * asked between batches (pause, cancel) ends the run after the batch that is out; nothing
 * pending is dropped, it simply waits for the next sync.
 */
import type { SyncProgress } from '../../../preload/contract';
import type { DoofinderClient } from '../doofinder/client';
import type { SqliteDatabase } from '../store/open';
import { pushType, type PushOptions, type PushProgress } from './push';
import { pushableTypes, requestsFor, requestsLeft, type SyncScope, type TypeQueue } from './sync-queue';

export interface SyncCounters {
  done: number;
  failed: number;
  batches: number;
}

export interface SyncRunOptions {
  db: SqliteDatabase;
  client: DoofinderClient;
  accountId: string;
  scope: SyncScope;
  /** Stop between batches (pause or cancel). */
  stop: AbortSignal;
  /** Stop at once (the app is closing). */
  abort: AbortSignal;
  /** Requests per second the account allows, for the ETA. */
  ratePerSecond: number;
  /** Counts carried over from a paused run of the same scope. */
  carried?: SyncCounters;
  onProgress: (progress: SyncProgress) => void;
  /** A batch of this type was settled: its rows changed. */
  onBatch: (engine: string, type: string) => void;
  /** Each settled item's result, inside the settling transaction (the run's per-item record). */
  onSettled?: PushOptions['onSettled'];
}

export interface SyncOutcome {
  progress: SyncProgress;
  /** It stopped because Doofinder could not be reached or kept failing (worth trying later). */
  unreachable: boolean;
  /** It stopped because Doofinder kept answering 429 (too many requests): reachable, but refusing for now. */
  throttled: boolean;
}

/** Why a run ended early, in words that say nothing is lost. */
function failureMessage(push: PushProgress): string {
  const kept = 'Your changes are kept and go with the next sync.';
  return `${push.error ?? 'The sync stopped.'} ${kept}`;
}

const keyOf = (queue: TypeQueue) => `${queue.engine}/${queue.type}`;

/** The run's counts, summed over its types, and the progress they make. */
class RunTally {
  readonly counts: SyncCounters;
  total: number;

  constructor(
    private readonly options: SyncRunOptions,
    pending: number,
  ) {
    const { done = 0, failed = 0, batches = 0 } = options.carried ?? {};
    this.counts = { done, failed, batches };
    this.total = this.counts.done + pending;
  }

  /** The counts with a type's push so far added. */
  with(push: PushProgress): SyncCounters {
    return {
      done: this.counts.done + push.done,
      failed: this.counts.failed + push.failed,
      batches: this.counts.batches + push.batches,
    };
  }

  add(push: PushProgress): void {
    Object.assign(this.counts, this.with(push));
  }

  progress(
    state: SyncProgress['state'],
    current: TypeQueue | null,
    counts: SyncCounters,
    requestsLeft: number,
    error: string | null = null,
  ): SyncProgress {
    // Rows edited while the run goes on are sent too: the total grows with them.
    this.total = Math.max(this.total, counts.done);
    return {
      accountId: this.options.accountId,
      state,
      done: counts.done,
      total: this.total,
      failed: counts.failed,
      batches: counts.batches,
      etaSeconds: state === 'running' ? Math.ceil(requestsLeft / this.options.ratePerSecond) : null,
      error,
      current: current ? { engine: current.engine, type: current.type } : null,
    };
  }
}

/** Pushes one type, reporting the run's progress after each batch. */
function pushQueue(options: SyncRunOptions, tally: RunTally, queue: TypeQueue, later: TypeQueue[]) {
  let settled = 0;
  return pushType({
    db: options.db,
    client: options.client,
    engine: queue.engine,
    type: queue.type,
    signal: options.abort,
    stop: options.stop,
    ratePerSecond: options.ratePerSecond,
    onSettled: options.onSettled,
    onProgress: (push) => {
      if (push.state !== 'running') return;
      if (push.done > settled) {
        settled = push.done;
        options.onBatch(queue.engine, queue.type);
      }
      const left = requestsLeft(queue, push) + requestsFor(later);
      options.onProgress(tally.progress('running', queue, tally.with(push), left));
    },
  });
}

export async function runSync(options: SyncRunOptions): Promise<SyncOutcome> {
  const { db, scope } = options;
  let queues = pushableTypes(db, scope);
  const known = new Set(queues.map(keyOf));
  const visited = new Set<string>();
  const tally = new RunTally(
    options,
    queues.reduce((sum, queue) => sum + queue.pending, 0),
  );
  options.onProgress(tally.progress('running', null, tally.counts, requestsFor(queues)));
  for (;;) {
    const queue = queues.find((candidate) => !visited.has(keyOf(candidate)));
    if (!queue) break;
    visited.add(keyOf(queue));
    const later = queues.filter((candidate) => !visited.has(keyOf(candidate)));
    const result = await pushQueue(options, tally, queue, later);
    tally.add(result);
    if (result.state === 'paused' && result.error === null)
      return { progress: tally.progress('paused', queue, tally.counts, 0), unreachable: false, throttled: false };
    if (result.state !== 'completed') {
      // pushType pauses on errors worth retrying (network, 5xx, 429 after every retry) and fails on the rest.
      const throttled = result.state === 'paused' && result.errorKind === 'rate_limited';
      const unreachable = result.state === 'paused' && !throttled;
      return {
        progress: tally.progress('failed', queue, tally.counts, 0, failureMessage(result)),
        unreachable,
        throttled,
      };
    }
    // Types edited while the run went on join it; each type is pushed once per run.
    queues = pushableTypes(db, scope);
    for (const fresh of queues.filter((candidate) => !known.has(keyOf(candidate)))) {
      known.add(keyOf(fresh));
      tally.total += fresh.pending;
    }
  }
  return { progress: tally.progress('completed', null, tally.counts, 0), unreachable: false, throttled: false };
}
