/**
 * The engine's `/5/options` with the fields and types the tester offers. Shared: Compare and
 * Relevance cases may import it (`useSearchOptions(engine)`), as the parameter panel does.
 */
import type { SearchOptionsView } from '../../../../preload/contract';
import { useRequest } from '../../../api/hooks';

export interface SearchOptionsState {
  options: SearchOptionsView | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

export function useSearchOptions(engine: string): SearchOptionsState {
  const request = useRequest('search:options', { engine });
  return { options: request.data ?? null, error: request.error, loading: request.loading, reload: request.reload };
}
