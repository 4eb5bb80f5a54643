/**
 * Which engine the Feeds page shows lives in the URL hash (#/feeds/{engine}, optionally
 * #/feeds/{engine}/run/{id} to open a run's details), so reloads and links from the activity
 * list land on it; the last engine picked is remembered for the next visit.
 */
import { useMemo, useSyncExternalStore } from 'react';

export interface FeedsTarget {
  engine: string;
  runId: number | null;
}

const LAST_KEY = 'catalog-studio.feeds.last-engine';
const PREFIX = '#/feeds/';

export function feedsTargetFromHash(hash: string): FeedsTarget | null {
  if (!hash.startsWith(PREFIX)) return null;
  const [engine, word, id] = hash.slice(PREFIX.length).split('/').map(decodeURIComponent);
  if (!engine) return null;
  const runId = word === 'run' && id && /^\d+$/.test(id) ? Number(id) : null;
  return { engine, runId };
}

export function feedsHash(engine: string, runId: number | null = null): string {
  const base = `#/feeds/${encodeURIComponent(engine)}`;
  return runId === null ? base : `${base}/run/${runId}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useFeedsTarget(): FeedsTarget | null {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return useMemo(() => feedsTargetFromHash(hash), [hash]);
}

/** Shows an engine (and maybe a run's details); a link from elsewhere adds a history entry, a pick does not. */
export function openFeeds(engine: string, runId: number | null = null, options: { replace?: boolean } = {}): void {
  rememberEngine(engine);
  const hash = feedsHash(engine, runId);
  if (window.location.hash === hash) return;
  if (options.replace) {
    const url = new URL(window.location.href);
    url.hash = hash;
    window.location.replace(url.href);
  } else {
    window.location.hash = hash.slice(1);
  }
}

export function rememberEngine(engine: string): void {
  localStorage.setItem(LAST_KEY, engine);
}

export function lastEngine(): string | null {
  return localStorage.getItem(LAST_KEY);
}

/** The engine to show: the one in the URL if the account has it, else the last one, else the first. */
export function pickEngine(
  hashids: readonly string[],
  fromUrl: string | null,
  remembered: string | null,
): string | null {
  if (fromUrl && hashids.includes(fromUrl)) return fromUrl;
  if (remembered && hashids.includes(remembered)) return remembered;
  return hashids[0] ?? null;
}
