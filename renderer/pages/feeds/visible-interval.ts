/**
 * Runs `task` now and every `everyMs` while the page is visible, and again as soon as it
 * becomes visible after being hidden: a hidden window spends no requests, and a user who
 * comes back sees runs started elsewhere without waiting for the next tick.
 */

export interface VisibilitySource {
  isVisible(): boolean;
  /** Calls `listener` when visibility changes; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
}

export interface Timers {
  setInterval(handler: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export function runWhileVisible(
  task: () => void,
  everyMs: number,
  visibility: VisibilitySource,
  timers: Timers = {
    setInterval: (handler, ms) => globalThis.setInterval(handler, ms),
    clearInterval: (handle) => globalThis.clearInterval(handle as ReturnType<typeof setInterval>),
  },
): () => void {
  let wasVisible = visibility.isVisible();
  if (wasVisible) task();
  const handle = timers.setInterval(() => {
    if (visibility.isVisible()) task();
  }, everyMs);
  const unsubscribe = visibility.onChange(() => {
    const visible = visibility.isVisible();
    if (visible && !wasVisible) task();
    wasVisible = visible;
  });
  return () => {
    timers.clearInterval(handle);
    unsubscribe();
  };
}

export const documentVisibility: VisibilitySource = {
  isVisible: () => document.visibilityState === 'visible',
  onChange(listener) {
    document.addEventListener('visibilitychange', listener);
    return () => document.removeEventListener('visibilitychange', listener);
  },
};
