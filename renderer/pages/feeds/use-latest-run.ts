/** The engine's current or last run, kept live by `feeds:changed`. */
import { useCallback, useState } from 'react';
import type { FeedRunView } from '../../../preload/contract';
import { useEvent, useRequest } from '../../api/hooks';
import { latestOf } from './latest-run';

export interface LatestRun {
  /** Undefined while loading; null when the engine has no run yet. */
  run: FeedRunView | null | undefined;
  error: unknown;
  /** A run this page just started (before its first event arrives). */
  adopt: (run: FeedRunView) => void;
}

export function useLatestRun(engine: string): LatestRun {
  const stored = useRequest('feeds:runs', { engine, limit: 1 });
  const [live, setLive] = useState<FeedRunView | null>(null);
  const adopt = useCallback(
    (run: FeedRunView) => {
      if (run.engine === engine) setLive((current) => latestOf(current, run));
    },
    [engine],
  );
  useEvent('feeds:changed', (event) => {
    if (event.engine === engine) adopt(event.run);
  });
  const fromStore = stored.data ? (stored.data.active ?? stored.data.runs[0] ?? null) : undefined;
  const run = fromStore === undefined && live === null ? undefined : latestOf(fromStore, live);
  return { run, error: stored.error, adopt };
}
