/** The parameters a query added without any (from a CSV of judgments) runs with. */
import type { SearchParamsView } from '../../../preload/contract';

/** Doofinder's defaults with the case's k as the page size (the metrics read the top k) and nostats on. */
export function defaultQueryParams(query: string, k: number): SearchParamsView {
  return {
    query,
    page: 1,
    rpp: k,
    transformer: 'basic',
    types: [],
    queryName: null,
    filters: [],
    excludes: [],
    filterExecution: 'and',
    excludeExecution: 'or',
    sort: [],
    nostats: true,
  };
}
