/**
 * Polls a processing task until it ends, backing off while nothing changes: 1 s, 2 s, 4 s…
 * capped at 30 s, and back to 1 s whenever the state moves (a task that just started is
 * likely to move again soon). Every poll is a request against the customer's monthly plan.
 */
import { abortReason } from '../doofinder/errors';

export interface PollSchedule {
  firstMs: number;
  maxMs: number;
}

export const DEFAULT_SCHEDULE: PollSchedule = { firstMs: 1_000, maxMs: 30_000 };

export function nextDelay(previousMs: number, changed: boolean, schedule: PollSchedule): number {
  return changed ? schedule.firstMs : Math.min(schedule.maxMs, previousMs * 2);
}

export interface PollAnswer {
  state: string;
  done: boolean;
}

export interface PollLoop {
  schedule: PollSchedule;
  signal: AbortSignal;
  initialState: string;
  /** Asks once; a failure is reported to `failed` and asked again after the next wait. */
  poll(): Promise<PollAnswer>;
  /** The next poll is due in `ms`. */
  waiting(ms: number): void;
  failed(error: unknown, retryInMs: number): void;
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Resolves when the task is done; rejects only when aborted. */
export async function pollUntilDone(loop: PollLoop): Promise<void> {
  let delay = loop.schedule.firstMs;
  let state = loop.initialState;
  for (;;) {
    loop.waiting(delay);
    await sleep(delay, loop.signal);
    let answer: PollAnswer;
    try {
      answer = await loop.poll();
    } catch (error) {
      if (loop.signal.aborted) throw abortReason(loop.signal);
      delay = nextDelay(delay, false, loop.schedule);
      loop.failed(error, delay);
      continue;
    }
    if (answer.done) return;
    delay = nextDelay(delay, answer.state !== state, loop.schedule);
    state = answer.state;
  }
}
