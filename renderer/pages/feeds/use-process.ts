/** Starting a run: Process now, with or without force; the answer is the run to follow. */
import { useState } from 'react';
import type { FeedRunView } from '../../../preload/contract';
import { call, describeError } from '../../api/client';

export interface ProcessControl {
  /** Which button is waiting for Doofinder's answer. */
  starting: 'normal' | 'force' | null;
  error: string | null;
  start: (force: boolean) => void;
}

export function useProcess(engine: string, onStarted: (run: FeedRunView) => void): ProcessControl {
  const [starting, setStarting] = useState<ProcessControl['starting']>(null);
  const [error, setError] = useState<string | null>(null);
  function start(force: boolean) {
    if (starting) return;
    setStarting(force ? 'force' : 'normal');
    setError(null);
    call('feeds:process', { engine, force }).then(
      (run) => {
        setStarting(null);
        onStarted(run);
      },
      (reason: unknown) => {
        setStarting(null);
        setError(`Processing could not be started: ${describeError(reason)}`);
      },
    );
  }
  return { starting, error, start };
}
