/**
 * A /5/search request's parameters (search-api-v5.md "The Request"), checked against the
 * document's limits: query up to 200 characters, rpp up to 100, no result past the 1,000th.
 */
import type { Engine } from '../store/records';
import { type Clause, echoOf, type FilterEcho, parseClauses } from './filter-params';
import { isRecord } from './qs-shapes';
import { TRANSFORMERS, type Transformer } from './results';
import { searchError } from './search-error';
import { parseSort, type SortSpec } from './sort-params';
import { QUERY_NAMES, type QueryName } from './text-match';

export const MAX_QUERY_LENGTH = 200;
export const MAX_RPP = 100;
/** "You can't fetch more than 1000 search results in total." */
export const MAX_RESULTS = 1000;
/** Doofinder's results per page when rpp is not sent. */
const DEFAULT_RPP = 10;

export type Execution = 'and' | 'or';

export interface SearchParams {
  query: string;
  page: number;
  rpp: number;
  transformer: Transformer;
  /** null: every type. */
  types: string[] | null;
  /** null: try every query_name in order. */
  queryName: QueryName | null;
  nostats: boolean;
  filters: Clause[];
  filterExecution: Execution;
  excludes: Clause[];
  excludeExecution: Execution;
  filterEcho: FilterEcho | null;
  sort: SortSpec[];
  queryCounter: number | null;
  sessionId: string | null;
}

type Query = Record<string, unknown>;

/** A parameter sent once, as text; undefined when absent. */
export function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw searchError(`${name} must be sent once, as a single value.`);
  return value;
}

function wholeNumber(query: Query, name: string, fallback: number, min: number, max: number): number {
  const text = single(query, name);
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || value < min || value > max) {
    throw searchError(`${name} must be a whole number from ${min} to ${max}; got "${text}".`);
  }
  return value;
}

function oneOf<T extends string>(query: Query, name: string, allowed: readonly T[], fallback: T): T {
  const text = single(query, name);
  if (text === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(text)) {
    throw searchError(`${name} must be one of ${allowed.filter(Boolean).join(', ')}; got "${text}".`);
  }
  return text as T;
}

export function transformerOf(query: Query): Transformer {
  return oneOf(query, 'transformer', TRANSFORMERS, '');
}

function typesOf(query: Query): string[] | null {
  const raw = query.type;
  if (raw === undefined || raw === '') return null;
  const list = Array.isArray(raw) ? raw : isRecord(raw) ? Object.values(raw) : [raw];
  if (!list.every((type) => typeof type === 'string')) throw searchError('type takes one or several type names.');
  return list;
}

function executionOf(query: Query, name: string): Execution {
  return oneOf(query, name, ['and', 'or'] as const, 'or');
}

/** "when present in any search request": any value but an explicit false. */
function present(query: Query, name: string): boolean {
  const value = query[name];
  return value !== undefined && value !== 'false' && value !== '0';
}

export function parseSearchParams(query: Query, engine: Engine): SearchParams {
  const text = single(query, 'query');
  if (text === undefined) throw searchError('query is mandatory: send query= (empty to browse every item).');
  if (text.length > MAX_QUERY_LENGTH) {
    throw searchError(`query can't be longer than ${MAX_QUERY_LENGTH} characters; it has ${text.length}.`);
  }
  const rpp = wholeNumber(query, 'rpp', DEFAULT_RPP, 1, MAX_RPP);
  const page = wholeNumber(query, 'page', 1, 1, MAX_RESULTS);
  if (page * rpp > MAX_RESULTS) {
    throw searchError(
      `You can't fetch more than ${MAX_RESULTS} search results in total: rpp * page is ${rpp * page} (rpp ${rpp}, page ${page}).`,
    );
  }
  const geoFields = engine.options.geoFields ?? [];
  const filters = parseClauses('filter', query.filter, geoFields);
  const counter = single(query, 'query_counter');
  if (counter !== undefined && !/^\d+$/.test(counter)) throw searchError('query_counter must be a whole number.');
  const queryName = single(query, 'query_name');
  return {
    query: text,
    page,
    rpp,
    transformer: transformerOf(query),
    types: typesOf(query),
    queryName:
      queryName === undefined || queryName === '' ? null : oneOf(query, 'query_name', QUERY_NAMES, 'match_and'),
    nostats: present(query, 'nostats'),
    filters,
    filterExecution: executionOf(query, 'filter_execution'),
    excludes: parseClauses('exclude', query.exclude, geoFields),
    excludeExecution: executionOf(query, 'exclude_execution'),
    filterEcho: echoOf(filters),
    sort: parseSort(query.sort, geoFields),
    queryCounter: counter === undefined ? null : Number(counter),
    sessionId: single(query, 'session_id') ?? null,
  };
}
