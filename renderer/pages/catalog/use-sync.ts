/**
 * A sync of the current account as the page sees it: its progress (from `sync:progress`
 * events), pause, resume, cancel, and afterwards a result per item, told from the pending
 * list before and after (see grid/sync-results.ts).
 */
import { useCallback, useRef, useState } from 'react';
import type { PendingSnapshot, SyncProgress } from '../../../preload/contract';
import { call, describeError } from '../../api/client';
import { useEvent } from '../../api/hooks';
import { syncResults, type ItemResult } from '../../grid/sync-results';

export interface SyncState {
  progress: SyncProgress | null;
  results: ItemResult[] | null;
  /** How the sync the results are of ended: its counts cover every item it sent. */
  ended: SyncProgress | null;
  /** Items left out of the results because the pending list was capped. */
  unlisted: number;
  problem: string | null;
  running: boolean;
  start: (scope?: { engine: string; type: string }) => Promise<void>;
  pause: () => Promise<void>;
  cancel: () => Promise<void>;
  clearResults: () => void;
}

const FINAL = new Set<SyncProgress['state']>(['completed', 'cancelled', 'failed']);

export function useSync(): SyncState {
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const [results, setResults] = useState<ItemResult[] | null>(null);
  const [ended, setEnded] = useState<SyncProgress | null>(null);
  const [unlisted, setUnlisted] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const before = useRef<PendingSnapshot | null>(null);

  const finish = useCallback(async (last: SyncProgress) => {
    const start = before.current;
    before.current = null;
    if (!start) return;
    try {
      const after = await call('sync:pending');
      setEnded(last);
      setResults(syncResults(start, after));
      setUnlisted(start.groups.reduce((sum, group) => sum + group.more, 0));
    } catch (error) {
      setProblem(`The sync ended, but its results could not be read: ${describeError(error)}`);
    }
  }, []);

  const track = useCallback(
    (update: SyncProgress | null) => {
      setProgress(update);
      if (update && FINAL.has(update.state)) void finish(update);
    },
    [finish],
  );

  useEvent('sync:progress', track);

  const start = useCallback(
    async (scope?: { engine: string; type: string }) => {
      setProblem(null);
      try {
        // A resumed sync keeps the list it started from, so its results cover everything it sent.
        before.current ??= await call('sync:pending');
        setResults(null);
        track(await call('sync:start', scope ?? {}));
      } catch (error) {
        setProblem(describeError(error));
      }
    },
    [track],
  );

  const pause = useCallback(async () => {
    try {
      setProgress(await call('sync:pause'));
    } catch (error) {
      setProblem(describeError(error));
    }
  }, []);

  const cancel = useCallback(async () => {
    try {
      track(await call('sync:cancel'));
    } catch (error) {
      setProblem(describeError(error));
    }
  }, [track]);

  return {
    progress,
    results,
    ended,
    unlisted,
    problem,
    running: progress?.state === 'running',
    start,
    pause,
    cancel,
    clearResults: () => setResults(null),
  };
}
