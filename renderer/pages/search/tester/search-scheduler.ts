/**
 * Searching as the user types: each change waits `delayMs` for the next keystroke, and each
 * search sent replaces the one before (the worker's lane cancels the older call, which then fails
 * `cancelled`: not an error to show). Answers that arrive for an older search are dropped, so the
 * page never shows results for a query no longer in the box. Nothing here retries by itself:
 * `retry` is the user's Retry button.
 */
import type { SearchAnswerView, SearchParamsView } from '../../../../preload/contract';

export interface SearchRunState {
  answer: SearchAnswerView | null;
  /** The parameters `answer` answers (an error leaves the previous answer and its parameters). */
  sent: SearchParamsView | null;
  error: unknown;
  loading: boolean;
}

export const IDLE: SearchRunState = { answer: null, sent: null, error: null, loading: false };

export const DEBOUNCE_MS = 250;

export interface SchedulerDeps {
  send: (params: SearchParamsView) => Promise<SearchAnswerView>;
  update: (change: (before: SearchRunState) => SearchRunState) => void;
  isCancelled: (error: unknown) => boolean;
  delayMs?: number;
}

export class SearchScheduler {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private sequence = 0;
  private last: SearchParamsView | null = null;

  constructor(private readonly deps: SchedulerDeps) {}

  /** Searches for `params` after the pause (or now); null stops what is waiting and clears the answer. */
  schedule(params: SearchParamsView | null, now = false): void {
    this.stopTimer();
    this.last = params;
    if (!params) {
      this.sequence += 1;
      this.deps.update(() => IDLE);
      return;
    }
    if (now) this.run(params);
    else this.timer = setTimeout(() => this.run(params), this.deps.delayMs ?? DEBOUNCE_MS);
  }

  retry(): void {
    if (this.last) this.run(this.last);
  }

  /** Stops a search waiting or going, keeping the answer on screen (the parameters broke a limit). */
  hold(): void {
    this.stopTimer();
    this.sequence += 1;
    this.deps.update((before) => (before.loading ? { ...before, loading: false } : before));
  }

  dispose(): void {
    this.stopTimer();
    this.sequence += 1;
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private run(params: SearchParamsView): void {
    this.timer = null;
    const mine = ++this.sequence;
    this.deps.update((before) => ({ ...before, loading: true }));
    this.deps.send(params).then(
      (answer) => {
        if (mine === this.sequence) this.deps.update(() => ({ answer, sent: params, error: null, loading: false }));
      },
      (error: unknown) => {
        if (mine !== this.sequence || this.deps.isCancelled(error)) return;
        this.deps.update((before) => ({ ...before, error, loading: false }));
      },
    );
  }
}
