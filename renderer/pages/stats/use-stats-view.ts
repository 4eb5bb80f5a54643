/**
 * The stats of one engine and range: the worker answers its cached view at once (so the page
 * opens offline), then moves each part on in the background (`stats:changed`): generating,
 * read, failed. A cached answer that `isStale` is refreshed once on opening.
 */
import { useCallback, useEffect, useState } from 'react';
import type { StatsRange, StatsView } from '../../../preload/contract';
import { call } from '../../api/client';
import { useEvent } from '../../api/hooks';
import { isStale } from './data-age';

interface Answer {
  key: string | null;
  view: StatsView | null;
  error: unknown;
}

export interface StatsViewState {
  view: StatsView | null;
  /** The request itself failed (the worker refused it); part failures live in the view. */
  error: unknown;
  refresh: () => void;
}

function sameRange(a: StatsRange, b: StatsRange): boolean {
  return a.from === b.from && a.to === b.to;
}

export function useStatsView(engine: string | null, range: StatsRange): StatsViewState {
  const { from, to } = range;
  const key = engine === null ? null : `${engine}|${from}|${to}`;
  const [answer, setAnswer] = useState<Answer>({ key: null, view: null, error: null });
  // A Refresh belongs to the engine and range it was pressed for; another range reads the cache first.
  const [refreshed, setRefreshed] = useState<{ key: string | null; times: number }>({ key: null, times: 0 });
  const refreshTimes = refreshed.key === key ? refreshed.times : 0;

  useEffect(() => {
    if (engine === null) return;
    let current = true;
    const asked = `${engine}|${from}|${to}`;
    const read = (refresh: boolean) => {
      call('stats:load', { engine, range: { from, to }, refresh }).then(
        (view) => {
          if (!current) return;
          setAnswer({ key: asked, view, error: null });
          if (!refresh && isStale(view, Date.now())) read(true);
        },
        (reason: unknown) => {
          if (current)
            setAnswer((before) => ({ key: asked, view: before.key === asked ? before.view : null, error: reason }));
        },
      );
    };
    read(refreshTimes > 0);
    return () => {
      current = false;
    };
  }, [engine, from, to, refreshTimes]);

  useEvent('stats:changed', ({ view }) => {
    if (view.engine === engine && sameRange(view.range, { from, to })) setAnswer({ key, view, error: null });
  });

  const refresh = useCallback(
    () => setRefreshed((before) => ({ key, times: (before.key === key ? before.times : 0) + 1 })),
    [key],
  );
  const mine = answer.key === key;
  return { view: mine ? answer.view : null, error: mine ? answer.error : null, refresh };
}
