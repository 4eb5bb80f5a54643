/** The Search tab's searches on the worker's 'main' lane, as the user types (see search-scheduler.ts). */
import { useEffect, useState } from 'react';
import { ApiError, call } from '../../../api/client';
import { IDLE, SearchScheduler, type SearchRunState } from './search-scheduler';

export interface SearchRun extends SearchRunState {
  scheduler: SearchScheduler;
}

export function useSearchRun(engine: string): SearchRun {
  const [state, setState] = useState<SearchRunState>(IDLE);
  // One scheduler per engine: the tab is keyed by engine, so it lives as long as the tab.
  const [scheduler] = useState(
    () =>
      new SearchScheduler({
        send: (params) => call('search:run', { engine, params, lane: 'main' }),
        update: setState,
        isCancelled: (error) => error instanceof ApiError && error.code === 'cancelled',
      }),
  );
  useEffect(() => () => scheduler.dispose(), [scheduler]);
  return { ...state, scheduler };
}
