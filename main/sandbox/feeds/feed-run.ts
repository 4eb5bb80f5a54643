/** What every step of one process task needs: where to write, where to log, when to stop. */
import type { SandboxContext } from '../context';
import type { Engine } from '../store/records';
import { typeByName } from '../store/engines';
import { waitForClock, yieldToRequests } from './clock-wait';
import { RunInterrupted } from './feed-error';
import type { TaskLog } from './task-log';
import { taskExists } from './task-store';

export class FeedRun {
  constructor(
    readonly ctx: SandboxContext,
    readonly engine: Engine,
    readonly taskId: string,
    readonly force: boolean,
    readonly log: TaskLog,
    readonly signal: AbortSignal,
    private readonly startedAt: number,
  ) {}

  /** Throws RunInterrupted when the sandbox is closing, or the task, engine or type is gone (reset, deletions). */
  checkpoint(type?: string): void {
    if (this.signal.aborted || !taskExists(this.ctx.db, this.taskId)) throw new RunInterrupted('stopped');
    if (type !== undefined && !typeByName(this.ctx.db, this.engine.id, type)) {
      throw new RunInterrupted(`the type ${type} was deleted while its feed was being processed`);
    }
  }

  /**
   * Between two slices: lets requests in, then keeps to `feedItemsPerSecond` (on the
   * sandbox clock) when set, so a run of `written` items lasts at least written / rate.
   */
  async pace(written: number): Promise<void> {
    await yieldToRequests(this.signal);
    const { config, clock } = this.ctx;
    await waitForClock(
      clock,
      () => (config.feedItemsPerSecond ? this.startedAt + (written * 1000) / config.feedItemsPerSecond : 0),
      this.signal,
      () => this.checkpoint(),
    );
  }
}
