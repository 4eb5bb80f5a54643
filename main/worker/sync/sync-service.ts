/**
 * Syncing an account's pending changes (DESIGN.md section 5): one sync at a time per
 * account, type after type, with `sync:progress` events; pause and cancel between batches;
 * failed rows sent again or exported; optional auto-sync. After each batch the grid is told
 * to refetch (`catalog:changed`) and the pending count goes out (`sync:pendingChanged`).
 * Each run's result per item is kept (run-results.ts) for `sync:results`.
 */
import type { AccountState, ErrorCode, SyncProgress, SyncResultsPage } from '../../../preload/contract';
import { AppError } from '../../errors';
import { redactSecrets } from '../../redact';
import type { AccountService, Emit } from '../accounts/service';
import type { CatalogService } from '../catalog/service';
import type { Databases } from '../store/databases';
import type { SqliteDatabase } from '../store/open';
import type { Profile } from '../store/profiles';
import { AutoSync, defaultAutoSyncTimings, type AutoSyncTimings } from './auto-sync';
import { failedRowsCsv, retryFailedRows } from './failed-rows';
import { beginRun, endRun, readResults, recordSettled, resumeRun, type ResultsQuery } from './run-results';
import { runSync, type SyncCounters, type SyncOutcome } from './sync-run';
import { autoSyncEnabled, setAutoSync } from './sync-settings';
import { countPushing, countUnsynced, queueState, type SyncScope } from './sync-queue';

/** What `sync:start` answers when the account itself cannot work (the renderer offers the fix by code). */
const STATE_CODES: Record<Exclude<AccountState, 'ok'>, ErrorCode> = {
  needs_key: 'auth_failed',
  missing_key: 'auth_failed',
  quota: 'doofinder_error',
  keychain_unavailable: 'keychain_unavailable',
};

/** Management v1 allows 2 requests/s per account (the ETA is given at that rate). */
const RATE_PER_SECOND = 2;

interface Run {
  /** Its record in sync_runs. */
  id: number;
  scope: SyncScope;
  /** Pause or cancel: stops between batches. */
  stop: AbortController;
  stopAs: 'paused' | 'cancelled';
  /** The app is closing: stops at once. */
  abort: AbortController;
  last: SyncProgress;
  done: Promise<SyncProgress>;
}

interface Paused {
  runId: number;
  scope: SyncScope;
  progress: SyncProgress;
}

/** What the status bar says while a stop the user asked for waits for the batch that is out. */
const STOPPING: Record<Run['stopAs'], string> = {
  paused: 'Pausing the sync (the batch already sent is being settled)…',
  cancelled: 'Cancelling the sync (the batch already sent is being settled)…',
};

function startingProgress(
  accountId: string,
  runId: number,
  scope: SyncScope,
  carried: SyncCounters | undefined,
): SyncProgress {
  const counts = carried ?? { done: 0, failed: 0, batches: 0 };
  return {
    runId,
    accountId,
    state: 'running',
    done: counts.done,
    total: counts.done,
    failed: counts.failed,
    batches: counts.batches,
    etaSeconds: null,
    error: null,
    current: null,
    scope,
  };
}

/** A bug, not Doofinder: logged in full, told in plain words; the rows are as the push left them. */
function unexpectedEnd(last: SyncProgress, error: unknown): SyncProgress {
  process.stderr.write(
    `sync: ${redactSecrets(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`,
  );
  const message = 'The sync stopped on an unexpected error (the details are in the app log). Your changes are kept.';
  return { ...last, state: 'failed', etaSeconds: null, error: message };
}

/** Stores how a run ended; a failure to store it is logged, never in the way of the run's end. */
function recordEnd(db: SqliteDatabase, run: Pick<Run, 'id' | 'scope'>, final: SyncProgress): void {
  try {
    endRun(db, run.id, run.scope, final);
  } catch (error) {
    process.stderr.write(
      `sync: the run's results could not be stored: ${redactSecrets(error instanceof Error ? error.message : String(error))}\n`,
    );
  }
}

const sameScope = (a: SyncScope, b: SyncScope) => a.engine === b.engine && a.type === b.type;

/** A run of `outer` also pushes everything `inner` would. */
const covers = (outer: SyncScope, inner: SyncScope) =>
  (outer.engine === undefined || outer.engine === inner.engine) &&
  (outer.type === undefined || outer.type === inner.type);

function describeScope(scope: SyncScope): string {
  if (scope.engine && scope.type) return `type "${scope.type}"`;
  if (scope.type) return `type "${scope.type}" of every search engine`;
  if (scope.engine) return 'one search engine';
  return 'every pending change';
}

export class SyncService {
  private readonly runs = new Map<string, Run>();
  private readonly paused = new Map<string, Paused>();
  /** Accounts whose last sync could not reach Doofinder (the status bar says offline). */
  private readonly unreachable = new Set<string>();
  private readonly throttled = new Set<string>();
  /** Told when what `activity()` says may have changed (a run starts, is asked to stop, ends). */
  private readonly activityListeners = new Set<() => void>();
  readonly autoSync: AutoSync;

  constructor(
    readonly dbs: Databases,
    readonly accounts: AccountService,
    readonly catalog: CatalogService,
    readonly emit: Emit,
    options: { timings?: Partial<AutoSyncTimings>; now?: () => number } = {},
  ) {
    this.autoSync = new AutoSync(
      {
        current: () => this.accounts.current(),
        enabled: (profileId) => autoSyncEnabled(this.dbs.app(), profileId),
        busy: (profileId) => this.runs.has(profileId) || this.paused.has(profileId),
        usable: (profile) => this.problemWith(profile) === null,
        queue: (profileId) => queueState(this.dbs.account(profileId)),
        startAuto: (profile) => void this.startFor(profile, {}),
      },
      { ...defaultAutoSyncTimings, ...options.timings },
      options.now,
    );
  }

  /** Starts auto-sync's watch (at worker start: rows a crash left pushing go at once if it is on). */
  startAutoSync(): void {
    this.autoSync.start();
  }

  /** Pushes the current account's pending changes (all, one engine, or one type). */
  start(scope: SyncScope): SyncProgress {
    const profile = this.accounts.requireCurrent();
    const problem = this.problemWith(profile);
    if (problem) throw new AppError(problem.code, problem.message, { accountId: profile.id });
    return this.startFor(profile, scope);
  }

  /** Stops the running sync after the batch that is out; `sync:start` later goes on from there. */
  pause(): Promise<SyncProgress | null> {
    return this.stopRun('paused');
  }

  /** Stops the running sync after the batch that is out; what is left stays pending. */
  cancel(): Promise<SyncProgress | null> {
    return this.stopRun('cancelled');
  }

  retryFailed(engine: string, type: string): { retried: number } {
    const profile = this.accounts.requireCurrent();
    const retried = retryFailedRows(this.dbs.account(profile.id), engine, type);
    if (retried > 0) this.rowsChanged(profile.id, engine, type);
    return { retried };
  }

  exportFailed(engine: string, type: string): { csv: string; rows: number } {
    const profile = this.accounts.requireCurrent();
    return failedRowsCsv(this.dbs.account(profile.id), engine, type);
  }

  /** A sync's result per item (the last sync's by default), problems first, a page at a time. */
  results(query: ResultsQuery): SyncResultsPage {
    const profile = this.accounts.requireCurrent();
    const live = this.runs.get(profile.id);
    return readResults(this.dbs.account(profile.id), query, (id) => live?.id === id);
  }

  /** Calls `listener` when the sync's activity may have changed; returns the unsubscribe. */
  onActivity(listener: () => void): () => void {
    this.activityListeners.add(listener);
    return () => this.activityListeners.delete(listener);
  }

  settings(change: { autoSync?: boolean }): { autoSync: boolean } {
    const profile = this.accounts.requireCurrent();
    const db = this.dbs.app();
    if (change.autoSync !== undefined) setAutoSync(db, profile.id, change.autoSync);
    return { autoSync: autoSyncEnabled(db, profile.id) };
  }

  isRunning(): boolean {
    const profile = this.accounts.current();
    return profile ? this.runs.has(profile.id) : false;
  }

  /** The current account's last sync could not reach Doofinder. */
  isOffline(): boolean {
    const profile = this.accounts.current();
    return profile ? this.unreachable.has(profile.id) : false;
  }

  /** The last sync of the current account stopped on 429s that would not go away. */
  isThrottled(): boolean {
    const profile = this.accounts.current();
    return profile ? this.throttled.has(profile.id) : false;
  }

  /** What sync is doing for the current account, in words, for the status bar. */
  activity(): string | null {
    const profile = this.accounts.current();
    if (!profile) return null;
    const run = this.runs.get(profile.id);
    if (run?.stop.signal.aborted) return STOPPING[run.stopAs];
    if (run) {
      const { done, total } = run.last;
      return `Syncing ${total === 0 ? 0 : Math.floor((done / total) * 100)}%`;
    }
    if (this.paused.has(profile.id)) return 'Sync paused';
    const interrupted = countPushing(this.dbs.account(profile.id));
    if (interrupted > 0)
      return interrupted === 1
        ? '1 change was cut off mid-sync and waits to be sent again'
        : `${interrupted} changes were cut off mid-sync and wait to be sent again`;
    return null;
  }

  /** The run of this account, if any, settles (tests, shutdown). */
  async settled(profileId: string): Promise<SyncProgress | null> {
    return (await this.runs.get(profileId)?.done) ?? null;
  }

  async stop(): Promise<void> {
    this.autoSync.stop();
    for (const run of this.runs.values()) run.abort.abort(new Error('The app is closing.'));
    await Promise.allSettled([...this.runs.values()].map((run) => run.done));
  }

  /** Why this account cannot sync now, in words, with the code the renderer acts on; null when it can. */
  private problemWith(profile: Profile): { code: ErrorCode; message: string } | null {
    const view = this.accounts.snapshot().accounts.find((account) => account.id === profile.id);
    if (view && view.state !== 'ok')
      return {
        code: STATE_CODES[view.state],
        message: `${view.stateMessage ?? 'This account cannot work now.'} Your changes are kept.`,
      };
    try {
      const stopped = this.accounts.client(profile).snapshot().stopped;
      if (!stopped) return null;
      // A refused key asks for a new one; a spent plan or persistent 429s are Doofinder's answer.
      const code = stopped.kind === 'auth' ? 'auth_failed' : 'doofinder_error';
      return { code, message: `${stopped.message} Your changes are kept.` };
    } catch (error) {
      if (error instanceof AppError) return { code: error.code, message: error.message };
      return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
    }
  }

  private startFor(profile: Profile, scope: SyncScope): SyncProgress {
    const running = this.runs.get(profile.id);
    if (running) {
      if (covers(running.scope, scope)) return running.last;
      throw new AppError(
        'busy',
        `A sync of ${describeScope(running.scope)} is already running for this account. Wait for it, or pause it first.`,
      );
    }
    const client = this.accounts.client(profile);
    const db = this.dbs.account(profile.id);
    const paused = this.paused.get(profile.id);
    this.paused.delete(profile.id);
    // A paused run of the same scope goes on counting (and recording) from where it stopped.
    const resumed = paused && sameScope(paused.scope, scope) ? paused : undefined;
    const carried: SyncCounters | undefined = resumed?.progress;
    const runId = resumed ? resumed.runId : beginRun(db, scope);
    if (resumed) resumeRun(db, runId);
    const run: Run = {
      id: runId,
      scope,
      stop: new AbortController(),
      stopAs: 'paused',
      abort: new AbortController(),
      last: startingProgress(profile.id, runId, scope, carried),
      done: Promise.resolve(startingProgress(profile.id, runId, scope, carried)),
    };
    this.runs.set(profile.id, run);
    const report = (next: SyncProgress) => {
      run.last = { ...next, runId, scope };
      this.emit('sync:progress', run.last);
    };
    const outcome = runSync({
      db,
      client,
      accountId: profile.id,
      scope,
      stop: run.stop.signal,
      abort: run.abort.signal,
      ratePerSecond: RATE_PER_SECOND,
      carried,
      onProgress: report,
      onBatch: (engine, type) => this.rowsChanged(profile.id, engine, type),
      onSettled: (items) => recordSettled(db, runId, items),
    });
    run.done = outcome
      .then(
        (result) => this.settle(profile.id, run, result),
        (error: unknown) => unexpectedEnd(run.last, error),
      )
      .then((final) => {
        recordEnd(db, run, final);
        this.runs.delete(profile.id);
        report(final);
        this.activityChanged();
        this.emit('sync:pendingChanged', { total: countUnsynced(db) });
        this.autoSync.finished(profile.id, final, queueState(db));
        return run.last;
      });
    this.activityChanged();
    return run.last;
  }

  /** A run ended: its final state (a stop asked by the user names which), and what it says of the account. */
  private settle(profileId: string, run: Run, outcome: SyncOutcome): SyncProgress {
    const state = outcome.progress.state === 'paused' ? run.stopAs : outcome.progress.state;
    const final = { ...outcome.progress, state, runId: run.id, scope: run.scope };
    if (outcome.unreachable) this.unreachable.add(profileId);
    else if (state === 'completed') this.unreachable.delete(profileId);
    if (outcome.throttled) this.throttled.add(profileId);
    else if (state === 'completed' || outcome.unreachable) this.throttled.delete(profileId);
    if (outcome.throttled) this.unreachable.delete(profileId);
    if (state === 'paused') this.paused.set(profileId, { runId: run.id, scope: run.scope, progress: final });
    return final;
  }

  private async stopRun(as: 'paused' | 'cancelled'): Promise<SyncProgress | null> {
    const profile = this.accounts.current();
    if (!profile) return null;
    const run = this.runs.get(profile.id);
    if (!run) {
      const paused = this.paused.get(profile.id);
      if (paused && as === 'cancelled') {
        this.paused.delete(profile.id);
        const cancelled: SyncProgress = { ...paused.progress, state: 'cancelled' };
        recordEnd(this.dbs.account(profile.id), { id: paused.runId, scope: paused.scope }, cancelled);
        this.emit('sync:progress', cancelled);
        this.activityChanged();
        return cancelled;
      }
      return paused?.progress ?? null;
    }
    // A cancel asked while a pause waits for its batch (or the other way round) names the end.
    run.stopAs = as;
    run.stop.abort(new Error(as === 'paused' ? 'Paused by the user.' : 'Cancelled by the user.'));
    this.activityChanged();
    return run.done;
  }

  private activityChanged(): void {
    for (const listener of this.activityListeners) listener();
  }

  /** Rows of a type changed: the grid refetches (if it shows this account) and the count goes out. */
  private rowsChanged(profileId: string, engine: string, type: string): void {
    if (this.accounts.current()?.id === profileId) this.catalog.notifyChanged(engine, type, 'sync');
    this.emit('sync:pendingChanged', { total: countUnsynced(this.dbs.account(profileId)) });
  }
}
