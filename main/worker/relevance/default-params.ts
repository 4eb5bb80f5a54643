/** The parameters a query added without any (from a CSV of judgments) runs with. */
import type { SearchParamsView } from '../../../preload/contract';

/**
 * The search tester's defaults (no transformer, so prices and every field come back; OR within
 * a field, as Doofinder does) with the case's k as the page size (the metrics read the top k)
 * and nostats on.
 */
export function defaultQueryParams(query: string, k: number): SearchParamsView {
  return {
    query,
    page: 1,
    rpp: k,
    transformer: 'none',
    types: [],
    queryName: null,
    filters: [],
    excludes: [],
    filterExecution: 'or',
    excludeExecution: 'or',
    sort: [],
    nostats: true,
  };
}
