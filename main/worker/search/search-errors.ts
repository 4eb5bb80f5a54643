/**
 * A failed search in words, next to the field at fault: the server's own message, its status,
 * and, when the message names a parameter (the sandbox and Doofinder answer {"error": "..."}
 * starting with it), the SearchParamsView field that parameter comes from.
 */
import type { ErrorCode, SearchParamsView } from '../../../preload/contract';
import { AppError } from '../../errors';
import { DoofinderError } from '../doofinder/errors';
import { LaneCancelled } from './lanes';

/** Longest first, so `filter_execution` is not read as `filter`. */
const PARAMETER_FIELDS: Array<[string, string]> = [
  ['filter_execution', 'filterExecution'],
  ['exclude_execution', 'excludeExecution'],
  ['query_name', 'queryName'],
  ['transformer', 'transformer'],
  ['session_id', 'sessionId'],
  ['item_id', 'itemId'],
  ['datatype', 'type'],
  ['exclude', 'excludes'],
  ['filter', 'filters'],
  ['hashid', 'engine'],
  ['amount', 'amount'],
  ['query', 'query'],
  ['store', 'store'],
  ['dfid', 'dfid'],
  ['sort', 'sort'],
  ['type', 'types'],
  ['page', 'page'],
  ['rpp', 'rpp'],
];

/** The field a server message is about, if it names a parameter. */
export function fieldOfMessage(message: string | null): string | null {
  if (!message) return null;
  if (/more than \d+ (search )?results/i.test(message)) return 'page';
  // The parameter named first is the one the message is about.
  let found: { at: number; field: string } | null = null;
  for (const [parameter, field] of PARAMETER_FIELDS) {
    const at = message.search(new RegExp(`(^|\\s)${parameter}(\\[|\\b)`));
    if (at >= 0 && (found === null || at < found.at)) found = { at, field };
  }
  return found?.field ?? null;
}

function codeOf(error: DoofinderError): ErrorCode {
  if (error.kind === 'auth') return 'auth_failed';
  if (error.kind === 'network') return 'unreachable';
  if (error.kind === 'not_found') return 'not_found';
  return 'doofinder_error';
}

function sentenceOf(error: DoofinderError, what: string): string {
  const said = error.serverMessage ? `: ${error.serverMessage}` : '.';
  switch (error.kind) {
    case 'auth':
      return `Doofinder refused the API key for ${what} (${error.status ?? 'no status'})${said}`;
    case 'rate_limited':
    case 'quota':
      return `Doofinder answered 429, too many requests, to ${what}${said} Nothing was retried: try again in a moment.`;
    case 'network':
      return `Doofinder could not be reached for ${what}${said}`;
    case 'not_found':
      return `Doofinder does not know this search engine (404) for ${what}${said}`;
    default:
      return `Doofinder refused ${what} (${error.status ?? 'no status'})${said}`;
  }
}

const LIST_PARAMETER: Record<string, string> = { filters: 'filter', excludes: 'exclude', sort: 'sort' };

/**
 * The row of a list a message names: `filter[price]` is the filter on price, `[geo_distance]`
 * the geo clause, `sort[_geo_distance]` the geo sort, `sort[1]` the second sort.
 */
export function rowOfMessage(
  message: string | null,
  field: string,
  params: SearchParamsView | undefined,
): number | null {
  const parameter = LIST_PARAMETER[field];
  if (!message || !parameter || !params) return null;
  const key = new RegExp(`${parameter}\\[([^\\]]*)\\]`).exec(message)?.[1];
  if (key === undefined) return null;
  if (field === 'sort') {
    if (/^\d+$/.test(key)) return Number(key);
    const at = params.sort.findIndex((clause) =>
      key === '_geo_distance' ? clause.kind === 'geo' : clause.kind === 'field' && clause.field === key,
    );
    return at < 0 ? null : at;
  }
  const clauses = field === 'filters' ? params.filters : params.excludes;
  const at = clauses.findIndex((clause) => (key === 'geo_distance' ? clause.kind === 'geo' : clause.field === key));
  return at < 0 ? null : at;
}

/**
 * Any failure of a tester request as the AppError the renderer shows; `what` is e.g. "the
 * search". With the search's params, a refused filter or sort also names its row (`index`).
 */
export function searchFailure(error: unknown, what: string, signal?: AbortSignal, params?: SearchParamsView): unknown {
  if (error instanceof LaneCancelled || (signal?.aborted && signal.reason instanceof LaneCancelled)) {
    return new AppError('cancelled', `A newer search replaced this one.`);
  }
  if (!(error instanceof DoofinderError)) return error;
  const field = fieldOfMessage(error.serverMessage);
  const index = field === null ? null : rowOfMessage(error.serverMessage, field, params);
  return new AppError(codeOf(error), sentenceOf(error, what), {
    status: error.status,
    kind: error.kind,
    serverMessage: error.serverMessage,
    ...(field ? { field } : {}),
    ...(index === null ? {} : { index }),
  });
}
