/**
 * One HTTP exchange with Doofinder: builds the URL (query strings in the bracket style
 * the APIs expect), sends the token in the header the API wants, applies a timeout, and
 * turns every non-2xx answer or network failure into a DoofinderError.
 */
import qs from 'qs';
import type { AccountEndpoint } from './endpoints';
import { errorFromResponse, networkError, type RequestLabel } from './errors';

export type Api = 'management' | 'search' | 'stats';

export interface HttpRequest {
  api: Api;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path from the API root, e.g. `/v1/searchengines` or `/5/search`. */
  path: string;
  query?: Record<string, unknown>;
  body?: unknown;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface HttpResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

const DEFAULT_TIMEOUT_MS = 30_000;

function authorization(api: Api, token: string): string {
  // Search v5 documents the bare token; Management v1 and Stats v2 want "Token {token}".
  return api === 'search' ? token : `Token ${token}`;
}

export function urlOf(endpoint: AccountEndpoint, request: Pick<HttpRequest, 'api' | 'path' | 'query'>): string {
  const base = request.api === 'search' ? endpoint.search : endpoint.management;
  const query = request.query ? qs.stringify(request.query, { arrayFormat: 'brackets', skipNulls: true }) : '';
  return `${base}${request.path}${query ? `?${query}` : ''}`;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export async function send<T = unknown>(endpoint: AccountEndpoint, request: HttpRequest): Promise<HttpResponse<T>> {
  const label: RequestLabel = { method: request.method, path: request.path };
  const timeout = AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  const headers: Record<string, string> = {
    Authorization: authorization(request.api, endpoint.token),
    Accept: 'application/json',
  };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(urlOf(endpoint, request), {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal,
    });
  } catch (error) {
    // A caller's own abort is not a network failure: let it through as is.
    if (request.signal?.aborted) throw request.signal.reason;
    throw networkError(label, error);
  }
  let body: unknown;
  try {
    body = await readBody(response);
  } catch (error) {
    if (request.signal?.aborted) throw request.signal.reason;
    throw networkError(label, error);
  }
  if (response.status >= 200 && response.status < 300)
    return { status: response.status, body: body as T, headers: response.headers };
  throw errorFromResponse(response.status, body, label, response.headers.get('retry-after'));
}
