/**
 * The parameter panel's state and the Search v5 parameters it stands for. The form keeps what
 * the user typed (text in number boxes, half-filled filter rows); `formToParams` turns it into
 * the contract's `SearchParamsView`, leaving out rows not finished yet and naming the limits of
 * search-api-v5.md that the values break, so the page explains them before anything is sent.
 */
import type { SearchParamsView, SearchQueryName, SearchSortClause } from '../../../../preload/contract';

/** search-api-v5.md "Basic parameters": the query "can't be longer than 200 characters". */
export const MAX_QUERY_LENGTH = 200;
/** "rpp … can't be bigger than 100". */
export const MAX_RPP = 100;
/** "You can't fetch more than 1000 search results in total". */
export const MAX_RESULTS = 1000;
export const DEFAULT_RPP = 20;

export type RangeLowerOp = 'gte' | 'gt';
export type RangeUpperOp = 'lte' | 'lt';

/** One filter or exclusion row as typed: bounds and points stay text until sent. */
export type ClauseDraft =
  | { kind: 'terms'; field: string; values: string[] }
  | { kind: 'range'; field: string; lowerOp: RangeLowerOp; lower: string; upperOp: RangeUpperOp; upper: string }
  | { kind: 'geo'; field: string; point: string; distance: string };

export type SortDraft =
  | { kind: 'field'; field: string; order: 'asc' | 'desc' }
  | { kind: 'score'; order: 'asc' | 'desc' }
  | { kind: 'geo'; field: string; point: string; order: 'asc' | 'desc' };

export interface SearchForm {
  query: string;
  page: string;
  rpp: string;
  transformer: SearchParamsView['transformer'];
  types: string[];
  queryName: SearchQueryName | null;
  filters: ClauseDraft[];
  excludes: ClauseDraft[];
  filterExecution: 'or' | 'and';
  excludeExecution: 'or' | 'and';
  sort: SortDraft[];
  nostats: boolean;
}

/** Where a problem belongs on the page: a parameter, or one filter, exclusion or sort row. */
export type FieldKey =
  | { field: 'query' | 'page' | 'rpp' | 'transformer' | 'types' | 'queryName' | 'nostats' }
  | { field: 'filters' | 'excludes' | 'sort'; index: number | null };

export interface FieldProblem {
  at: FieldKey;
  message: string;
}

export function emptyForm(): SearchForm {
  return {
    query: '',
    page: '1',
    rpp: String(DEFAULT_RPP),
    transformer: 'none',
    types: [],
    queryName: null,
    filters: [],
    excludes: [],
    filterExecution: 'or',
    excludeExecution: 'or',
    sort: [],
    // Testing must not count in the shop's stats unless the user says so.
    nostats: true,
  };
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const POINT = /^\s*-?\d+(\.\d+)?\s*,\s*-?\d+(\.\d+)?\s*$/;

/** Numbers go as numbers; anything else (a date, say) as Doofinder would read the text. */
function boundValue(text: string): number | string {
  const trimmed = text.trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : trimmed;
}

function wholeNumber(text: string): number | null {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : null;
}

/** Why a row is not sent yet, or null when it is complete. */
export function clauseGap(clause: ClauseDraft): string | null {
  if (!clause.field) return 'Pick a field.';
  if (clause.kind === 'terms') return clause.values.length === 0 ? 'Add at least one value.' : null;
  if (clause.kind === 'range') {
    return clause.lower.trim() === '' && clause.upper.trim() === '' ? 'Give a lower or an upper bound.' : null;
  }
  if (!POINT.test(clause.point)) return 'The point is "lat,lon", e.g. 40,-70.';
  return /^\s*\d+(\.\d+)?\s*(km|mi|m|yd|ft|in|cm|mm|nmi|NM|kilometers|miles|meters)\s*$/.test(clause.distance)
    ? null
    : 'The distance has a unit, e.g. 200km or 5mi.';
}

export function sortGap(sort: SortDraft): string | null {
  if (sort.kind === 'score') return null;
  if (!sort.field) return 'Pick a field.';
  if (sort.kind === 'geo' && !POINT.test(sort.point)) {
    return 'The point is "lat,lon", e.g. 40,-70.';
  }
  return null;
}

function clauseParams(clause: ClauseDraft): SearchParamsView['filters'][number] {
  if (clause.kind === 'terms') return { kind: 'terms', field: clause.field, values: [...clause.values] };
  if (clause.kind === 'geo') {
    return {
      kind: 'geo',
      field: clause.field,
      point: clause.point.replace(/\s+/g, ''),
      distance: clause.distance.trim(),
    };
  }
  const range: Extract<SearchParamsView['filters'][number], { kind: 'range' }> = { kind: 'range', field: clause.field };
  if (clause.lower.trim() !== '') range[clause.lowerOp] = boundValue(clause.lower);
  if (clause.upper.trim() !== '') range[clause.upperOp] = boundValue(clause.upper);
  return range;
}

function sortParams(sort: SortDraft): SearchSortClause {
  if (sort.kind === 'geo') return { ...sort, point: sort.point.replace(/\s+/g, '') };
  return { ...sort };
}

/** The limits of rpp and page, in words, before anything is sent. */
export function pagingProblems(pageText: string, rppText: string): FieldProblem[] {
  const page = wholeNumber(pageText);
  const rpp = wholeNumber(rppText);
  const problems: FieldProblem[] = [];
  if (page === null || page < 1)
    problems.push({ at: { field: 'page' }, message: 'The page is a whole number from 1.' });
  if (rpp === null || rpp < 1) {
    problems.push({ at: { field: 'rpp' }, message: 'Results per page is a whole number from 1 to 100.' });
  } else if (rpp > MAX_RPP) {
    problems.push({ at: { field: 'rpp' }, message: `Doofinder returns at most ${MAX_RPP} results per page.` });
  }
  if (problems.length === 0 && page !== null && rpp !== null && page * rpp > MAX_RESULTS) {
    const lastPage = Math.floor(MAX_RESULTS / rpp);
    problems.push({
      at: { field: 'page' },
      message:
        `Doofinder never returns more than ${MAX_RESULTS.toLocaleString('en')} results for a search, and page ${page} ` +
        `of ${rpp} would reach result ${(page * rpp).toLocaleString('en')}. With ${rpp} per page the last page is ${lastPage}.`,
    });
  }
  return problems;
}

export function queryProblem(query: string): FieldProblem | null {
  return query.length > MAX_QUERY_LENGTH
    ? {
        at: { field: 'query' },
        message: `Doofinder takes queries of at most ${MAX_QUERY_LENGTH} characters; this one has ${query.length}.`,
      }
    : null;
}

export interface FormParams {
  params: SearchParamsView;
  /** Limits broken: the search is not sent while there are any. */
  problems: FieldProblem[];
}

export function formToParams(form: SearchForm): FormParams {
  const problems = [...pagingProblems(form.page, form.rpp)];
  const tooLong = queryProblem(form.query);
  if (tooLong) problems.unshift(tooLong);
  const params: SearchParamsView = {
    query: form.query,
    page: Math.max(1, wholeNumber(form.page) ?? 1),
    rpp: Math.max(1, wholeNumber(form.rpp) ?? DEFAULT_RPP),
    transformer: form.transformer,
    types: [...form.types],
    queryName: form.queryName,
    filters: form.filters.filter((clause) => clauseGap(clause) === null).map(clauseParams),
    excludes: form.excludes.filter((clause) => clauseGap(clause) === null).map(clauseParams),
    filterExecution: form.filterExecution,
    excludeExecution: form.excludeExecution,
    sort: form.sort.filter((sort) => sortGap(sort) === null).map(sortParams),
    nostats: form.nostats,
  };
  return { params, problems };
}

function boundText(value: number | string | undefined): string {
  return value === undefined ? '' : String(value);
}

function clauseDraft(clause: SearchParamsView['filters'][number]): ClauseDraft {
  if (clause.kind === 'terms') return { kind: 'terms', field: clause.field, values: [...clause.values] };
  if (clause.kind === 'geo') return { ...clause };
  return {
    kind: 'range',
    field: clause.field,
    lowerOp: clause.gt !== undefined && clause.gte === undefined ? 'gt' : 'gte',
    lower: boundText(clause.gte ?? clause.gt),
    upperOp: clause.lt !== undefined && clause.lte === undefined ? 'lt' : 'lte',
    upper: boundText(clause.lte ?? clause.lt),
  };
}

/** A saved parameter set (a relevance query, say) back into the panel. */
export function paramsToForm(params: SearchParamsView): SearchForm {
  return {
    query: params.query,
    page: String(params.page),
    rpp: String(params.rpp),
    transformer: params.transformer,
    types: [...params.types],
    queryName: params.queryName,
    filters: params.filters.map(clauseDraft),
    excludes: params.excludes.map(clauseDraft),
    filterExecution: params.filterExecution,
    excludeExecution: params.excludeExecution,
    sort: params.sort.map((sort) => ({ ...sort })),
    nostats: params.nostats,
  };
}

/** How many parameters differ from a fresh panel (the query aside): each filter, exclusion and sort counts. */
export function activeParameterCount(form: SearchForm): number {
  const fresh = emptyForm();
  const { params } = formToParams(form);
  let count = params.filters.length + params.excludes.length + params.sort.length;
  if (params.page !== 1) count += 1;
  if (params.rpp !== DEFAULT_RPP) count += 1;
  if (form.transformer !== fresh.transformer) count += 1;
  if (form.types.length > 0) count += 1;
  if (form.queryName !== null) count += 1;
  if (params.filters.length > 0 && form.filterExecution !== fresh.filterExecution) count += 1;
  if (params.excludes.length > 0 && form.excludeExecution !== fresh.excludeExecution) count += 1;
  if (form.nostats !== fresh.nostats) count += 1;
  return count;
}
