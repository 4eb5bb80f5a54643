/**
 * Waiting on the sandbox clock, which tests move with the control API instead of sleeping.
 * Nothing tells a waiter that the clock moved, so the clock is looked at again every few
 * milliseconds; `due` is asked again each time, as the config it reads may change too.
 */
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../clock';

const LOOK_AGAIN_MS = 10;

/** Waits until the clock reaches `due()`; `check` runs at every look and may throw to stop waiting. */
export async function waitForClock(
  clock: Clock,
  due: () => number,
  signal: AbortSignal,
  check: () => void = () => {},
): Promise<void> {
  for (let left = due() - clock.now(); left > 0; left = due() - clock.now()) {
    await sleep(Math.min(left, LOOK_AGAIN_MS), undefined, { signal });
    check();
  }
}

/** Lets queued requests run between two slices of work. */
export async function yieldToRequests(signal: AbortSignal): Promise<void> {
  await nextTurn(undefined, { signal });
}
