/** A page of the engine's runs, newest first, filtered by result; read again when a run moves on. */
import type { FeedRunResult, FeedRunsPage } from '../../../preload/contract';
import { withRunReplaced } from './latest-run';
import { useEvent, useRequest, type RequestState } from '../../api/hooks';
import { useDebounced } from '../catalog/use-debounced';

export const HISTORY_PAGE_SIZE = 25;
/** A running run sends an event per poll: read the page once a burst settles. */
const RELOAD_DELAY_MS = 400;

export type ResultFilter = FeedRunResult | 'all';

export function useRunHistory(engine: string, filter: ResultFilter, page: number): RequestState<FeedRunsPage> {
  const history = useRequest('feeds:runs', {
    engine,
    ...(filter === 'all' ? {} : { result: filter }),
    offset: page * HISTORY_PAGE_SIZE,
    limit: HISTORY_PAGE_SIZE,
  });
  const reload = useDebounced(history.reload, RELOAD_DELAY_MS);
  useEvent('feeds:changed', (event) => {
    if (event.engine !== engine) return;
    // A listed run changes in place at once (so it agrees with the current run above it);
    // the page is read again after, for new runs and for runs leaving the filter.
    if (history.data) history.set(withRunReplaced(history.data, event.run));
    reload();
  });
  return history;
}
