import type { SearchParamsView, SearchSortClause } from '../../../../preload/contract';
import { emptyForm, formToParams } from '../params/search-form';

/** A parameter set as the Search tab starts it (its empty form), with `query`. */
export function defaultParams(query = ''): SearchParamsView {
  return { ...formToParams(emptyForm()).params, query };
}

/** The one sort the compact panel offers, as a select value ("" is Doofinder's relevance order). */
export function sortKey(sort: readonly SearchSortClause[]): string {
  const first = sort[0];
  if (!first) return '';
  if (first.kind === 'score') return `dfscore:${first.order}`;
  if (first.kind === 'field') return `${first.field}:${first.order}`;
  return '';
}

export function sortFromKey(key: string): SearchSortClause[] {
  if (key === '') return [];
  const cut = key.lastIndexOf(':');
  const field = key.slice(0, cut);
  const order = key.slice(cut + 1) === 'asc' ? 'asc' : 'desc';
  return field === 'dfscore' ? [{ kind: 'score', order }] : [{ kind: 'field', field, order }];
}

/** A short description of what a parameter set changes from the defaults, for lists. */
export function describeParams(params: SearchParamsView): string {
  const base = defaultParams();
  const parts: string[] = [];
  if (params.queryName) parts.push(`query_name=${params.queryName}`);
  if (params.types.length > 0) parts.push(`type=${params.types.join(',')}`);
  if (params.transformer !== base.transformer) parts.push(`transformer=${params.transformer}`);
  if (params.rpp !== base.rpp) parts.push(`rpp=${params.rpp}`);
  if (params.page !== base.page) parts.push(`page=${params.page}`);
  if (params.filters.length > 0) parts.push(`${params.filters.length} filter${params.filters.length === 1 ? '' : 's'}`);
  if (params.excludes.length > 0)
    parts.push(`${params.excludes.length} exclusion${params.excludes.length === 1 ? '' : 's'}`);
  const sort = sortKey(params.sort);
  if (sort) parts.push(`sort ${sort.replace(':', ' ')}`);
  if (!params.nostats) parts.push('counted in stats');
  return parts.length === 0 ? 'default parameters' : parts.join(' · ');
}
