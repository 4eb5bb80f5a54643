/**
 * A sync of the current account as the page sees it: its progress (from `sync:progress`
 * events), pause, resume, cancel, and which run's results the results list shows (the
 * worker keeps a result per item for each run: `sync:results`).
 */
import { useCallback, useState } from 'react';
import type { SyncProgress } from '../../../preload/contract';
import { call, describeError } from '../../api/client';
import { useEvent } from '../../api/hooks';

export interface SyncState {
  progress: SyncProgress | null;
  problem: string | null;
  running: boolean;
  /**
   * The run whose results are shown: its id once a sync here ends, 'last' (the newest the
   * worker kept, also from before a restart) until then, null while hidden.
   */
  resultsRun: number | 'last' | null;
  /** Moves each time a sync ends, so the results are read again (a resumed run keeps its id). */
  resultsVersion: number;
  start: (scope?: { engine?: string; type?: string }) => Promise<void>;
  pause: () => Promise<void>;
  cancel: () => Promise<void>;
  clearResults: () => void;
}

const FINAL = new Set<SyncProgress['state']>(['completed', 'cancelled', 'failed']);

export function useSync(): SyncState {
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [resultsRun, setResultsRun] = useState<number | 'last' | null>('last');
  const [resultsVersion, setResultsVersion] = useState(0);

  const track = useCallback((update: SyncProgress | null) => {
    setProgress(update);
    if (update && (FINAL.has(update.state) || update.state === 'paused')) {
      setResultsRun(update.runId ?? 'last');
      setResultsVersion((version) => version + 1);
    }
  }, []);

  useEvent('sync:progress', track);

  const start = useCallback(
    async (scope?: { engine?: string; type?: string }) => {
      setProblem(null);
      try {
        // The last results make way for this sync's, which show when it ends.
        setResultsRun(null);
        track(await call('sync:start', scope ?? {}));
      } catch (error) {
        setProblem(describeError(error));
      }
    },
    [track],
  );

  const pause = useCallback(async () => {
    try {
      track(await call('sync:pause'));
    } catch (error) {
      setProblem(describeError(error));
    }
  }, [track]);

  const cancel = useCallback(async () => {
    try {
      track(await call('sync:cancel'));
    } catch (error) {
      setProblem(describeError(error));
    }
  }, [track]);

  return {
    progress,
    problem,
    running: progress?.state === 'running',
    resultsRun,
    resultsVersion,
    start,
    pause,
    cancel,
    clearResults: () => setResultsRun(null),
  };
}
