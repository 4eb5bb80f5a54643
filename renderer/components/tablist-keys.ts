/**
 * Arrow keys, Home and End across a row of tabs (the WAI-ARIA tabs pattern): the tab moved to
 * is selected and focused. One place for every tablist of the app.
 */
import { useRef, type KeyboardEvent } from 'react';

/** The tab a key moves to from `index` of `count` (wrapping), or null for another key. */
export function tabIndexForKey(key: string, index: number, count: number): number | null {
  if (key === 'ArrowRight') return (index + 1) % count;
  if (key === 'ArrowLeft') return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

export function useTablistKeys(count: number, active: number, select: (index: number) => void) {
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    const next = tabIndexForKey(event.key, active, count);
    if (next === null) return;
    event.preventDefault();
    select(next);
    tabs.current[next]?.focus();
  }
  const tabRef = (index: number) => (element: HTMLButtonElement | null) => {
    tabs.current[index] = element;
  };
  return { onKeyDown, tabRef };
}
