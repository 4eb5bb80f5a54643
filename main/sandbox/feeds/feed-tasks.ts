/**
 * Runs process tasks in the background, after the 201 has been sent: PENDING for
 * `feedQueueMs` on the sandbox clock, STARTED while the feeds are read and written (with
 * indexing on the engine held), then SUCCESS or FAILURE. One process per engine at a time.
 * Whatever happens inside a run, it ends with its task finished and its hold released.
 */
import type { SandboxContext } from '../context';
import type { Engine } from '../store/records';
import { waitForClock } from './clock-wait';
import { RunInterrupted } from './feed-error';
import { FeedRun } from './feed-run';
import { holdIndexing, releaseAbandonedHolds } from './indexing-hold';
import { processEngine, type RunOutcome } from './process-engine';
import { TaskLog, pruneLog } from './task-log';
import {
  activeProcessTask,
  createProcessTask,
  failUnfinishedTasks,
  markFinished,
  markStarted,
  TASK_MESSAGES,
  taskExists,
  type ProcessTask,
} from './task-store';

export type StartResult = { accepted: true; task: ProcessTask } | { accepted: false; running: ProcessTask };

export class FeedTasks {
  private readonly runs = new Map<string, Promise<void>>();
  private stopping = new AbortController();

  /** The context is read lazily: this runner is itself part of it. */
  constructor(private readonly context: () => SandboxContext) {}

  start(engine: Engine, force: boolean): StartResult {
    const { db, clock } = this.context();
    const running = activeProcessTask(db, engine.id);
    if (running && this.runs.has(running.id)) return { accepted: false, running };
    // A task no run of this sandbox is working on (left by an earlier one) will never finish.
    if (running) failUnfinishedTasks(db, clock.now(), [running.id]);
    const task = createProcessTask(db, engine.id, force, clock.now());
    const run = this.run(task, engine).catch((error: unknown) => {
      process.stderr.write(`sandbox: feed task ${task.id}: ${String(error)}\n`);
    });
    this.runs.set(task.id, run);
    void run.finally(() => this.runs.delete(task.id));
    return { accepted: true, task };
  }

  /** Resolves once no task is running (tests wait on it instead of sleeping). */
  async settled(): Promise<void> {
    while (this.runs.size > 0) await Promise.allSettled([...this.runs.values()]);
  }

  /** Stops every run (the sandbox is closing); their tasks end as FAILURE. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.settled();
    this.stopping = new AbortController();
  }

  /** Tasks and holds a stopped sandbox left behind in its data file. */
  recover(): void {
    const { db, clock } = this.context();
    failUnfinishedTasks(db, clock.now());
    releaseAbandonedHolds(db);
  }

  /** What a run that threw ends as; null when it was stopped or its state wiped (nothing to report). */
  private failureOf(error: unknown, task: ProcessTask, signal: AbortSignal): RunOutcome | null {
    if (signal.aborted || !taskExists(this.context().db, task.id)) return null;
    if (error instanceof RunInterrupted) {
      return { state: 'FAILURE', message: `Processing stopped: ${error.message}`, result: {} };
    }
    process.stderr.write(`sandbox: feed task ${task.id}: ${error instanceof Error ? error.stack : String(error)}\n`);
    const reason = error instanceof Error ? error.message : String(error);
    return { state: 'FAILURE', message: `The feed processor failed unexpectedly: ${reason}`, result: {} };
  }

  private async run(task: ProcessTask, engine: Engine): Promise<void> {
    const ctx = this.context();
    const signal = this.stopping.signal;
    let release: (() => void) | null = null;
    let outcome: RunOutcome | null = null;
    try {
      await waitForClock(
        ctx.clock,
        () => task.createdAt + ctx.config.feedQueueMs,
        signal,
        () => {
          if (!taskExists(ctx.db, task.id)) throw new RunInterrupted('stopped');
        },
      );
      if (!taskExists(ctx.db, task.id)) return;
      const startedAt = ctx.clock.now();
      markStarted(ctx.db, task.id, startedAt);
      release = holdIndexing(ctx.db, engine.id);
      const log = new TaskLog(ctx.db, engine.id, task.id, () => ctx.clock.now());
      outcome = await processEngine(new FeedRun(ctx, engine, task.id, task.force, log, signal, startedAt));
    } catch (error) {
      outcome = this.failureOf(error, task, signal);
    } finally {
      release?.();
      // A task that was wiped with the rest of the state has nothing left to update.
      if (taskExists(ctx.db, task.id)) {
        markFinished(
          ctx.db,
          task.id,
          outcome ?? { state: 'FAILURE', message: TASK_MESSAGES.interrupted },
          ctx.clock.now(),
        );
        pruneLog(ctx.db, engine.id);
      }
    }
  }
}
