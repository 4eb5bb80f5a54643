/** Asks the worker to look at `tasks/process` on open and every 30 s while visible (runs started elsewhere). */
import { useEffect } from 'react';
import { call } from '../../api/client';
import { documentVisibility, runWhileVisible } from './visible-interval';

/** The worker polls at the lowest priority; this only says "look soon", so it costs a sync nothing. */
const CHECK_EVERY_MS = 30_000;

export function useFeedCheck(engine: string): void {
  useEffect(
    () =>
      runWhileVisible(
        () => {
          // A failed check is not worth a message: the next one comes in 30 s, and the page shows stored runs.
          call('feeds:check', { engine }).catch(() => undefined);
        },
        CHECK_EVERY_MS,
        documentVisibility,
      ),
    [engine],
  );
}
