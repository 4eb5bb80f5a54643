/**
 * What can go wrong talking to Doofinder, as types the rest of the app can act on
 * (DESIGN.md section 3). Each error keeps the server's own message and the request it
 * answered, with the token redacted; none carries a header or a key.
 */
import { redactSecrets } from '../../redact';

export type DoofinderErrorKind =
  | 'auth' // 401: stop everything for this account, ask for a new key
  | 'rate_limited' // 429 throttling: pause the bucket, then resume slower
  | 'quota' // 429 "Requests Limit Reached": the plan is spent, stop background work
  | 'conflict' // 409: indexing in progress or a type being deleted: retry later
  | 'too_large' // 413: split the batch
  | 'bad_request' // 406/400: the request is wrong, retrying will not help
  | 'unindexed' // 400 with unindexed_items: some items of a bulk failed
  | 'not_allowed' // 405: maintenance, retry later
  | 'not_found' // 404
  | 'network' // no answer: connection refused or dropped, timeout
  | 'server'; // 5xx

export interface RequestLabel {
  method: string;
  /** The path without host or query (no secrets live there). */
  path: string;
}

export interface ItemFailure {
  status: string;
  reason: string;
  type: string;
}

export class DoofinderError extends Error {
  readonly kind: DoofinderErrorKind;
  readonly status: number | null;
  /** What the server said, redacted; null when it said nothing usable. */
  readonly serverMessage: string | null;
  readonly request: RequestLabel;
  /** For `unindexed`: the failure of each item, by id. */
  readonly unindexedItems: Record<string, ItemFailure> | null;
  /** For `rate_limited`: how long the server asked to wait. */
  readonly retryAfterMs: number | null;

  constructor(init: {
    kind: DoofinderErrorKind;
    status: number | null;
    serverMessage: string | null;
    request: RequestLabel;
    unindexedItems?: Record<string, ItemFailure> | null;
    retryAfterMs?: number | null;
    cause?: unknown;
  }) {
    const serverMessage = init.serverMessage === null ? null : redactSecrets(init.serverMessage);
    super(redactSecrets(describe(init.kind, init.status, serverMessage, init.request)));
    this.name = 'DoofinderError';
    this.kind = init.kind;
    this.status = init.status;
    this.serverMessage = serverMessage;
    this.request = init.request;
    this.unindexedItems = init.unindexedItems ?? null;
    this.retryAfterMs = init.retryAfterMs ?? null;
  }

  /** Worth sending again unchanged, after a wait. */
  get retryable(): boolean {
    return ['rate_limited', 'conflict', 'not_allowed', 'network', 'server'].includes(this.kind);
  }
}

const SUMMARY: Record<DoofinderErrorKind, string> = {
  auth: 'Doofinder did not accept the API key',
  rate_limited: 'Doofinder asked to slow down',
  quota: "The account's monthly request allowance is used up",
  conflict: 'Doofinder is busy indexing this search engine',
  too_large: 'The request was too large for Doofinder',
  bad_request: 'Doofinder rejected the request',
  unindexed: 'Doofinder did not index some items',
  not_allowed: 'Doofinder does not allow this operation right now',
  not_found: 'Doofinder does not know this resource',
  network: 'Doofinder could not be reached',
  server: 'Doofinder had a server error',
};

function describe(
  kind: DoofinderErrorKind,
  status: number | null,
  serverMessage: string | null,
  request: RequestLabel,
): string {
  const said = serverMessage ? `: ${serverMessage}` : '';
  const code = status === null ? '' : ` (${status})`;
  return `${SUMMARY[kind]}${code}${said} [${request.method} ${request.path}]`;
}

/** The message a Doofinder error body carries, in any of the APIs' shapes. */
export function serverMessageOf(body: unknown): string | null {
  if (typeof body === 'string') return body.trim() ? body.trim().slice(0, 300) : null;
  if (typeof body !== 'object' || body === null) return null;
  const record = body as Record<string, unknown>;
  if (typeof record.detail === 'string') return record.detail.trim();
  if (typeof record.message === 'string') return record.message;
  if (typeof record.error === 'string') return record.error;
  if (typeof record.error === 'object' && record.error !== null) {
    const error = record.error as Record<string, unknown>;
    if (typeof error.message === 'string') return error.message;
  }
  // Django REST framework field errors: {"name": ["This field is required."]}
  const fields = Object.entries(record)
    .filter(([, value]) => Array.isArray(value) && value.every((entry) => typeof entry === 'string'))
    .map(([field, value]) => `${field}: ${(value as string[]).join(' ')}`);
  return fields.length > 0 ? fields.join('; ') : null;
}

const QUOTA_MESSAGE = /requests limit reached/i;

export function errorFromResponse(
  status: number,
  body: unknown,
  request: RequestLabel,
  retryAfterHeader: string | null,
): DoofinderError {
  const serverMessage = serverMessageOf(body);
  const base = { status, serverMessage, request };
  if (status === 401 || status === 403) return new DoofinderError({ ...base, kind: 'auth' });
  if (status === 429) {
    if (serverMessage && QUOTA_MESSAGE.test(serverMessage)) return new DoofinderError({ ...base, kind: 'quota' });
    return new DoofinderError({ ...base, kind: 'rate_limited', retryAfterMs: retryAfterMs(retryAfterHeader) });
  }
  if (status === 409) return new DoofinderError({ ...base, kind: 'conflict' });
  if (status === 413) return new DoofinderError({ ...base, kind: 'too_large' });
  if (status === 405) return new DoofinderError({ ...base, kind: 'not_allowed' });
  if (status === 404) return new DoofinderError({ ...base, kind: 'not_found' });
  if (status === 400 && typeof body === 'object' && body !== null && 'unindexed_items' in body) {
    const items = body.unindexed_items;
    return new DoofinderError({
      ...base,
      kind: 'unindexed',
      unindexedItems: typeof items === 'object' && items !== null ? (items as Record<string, ItemFailure>) : {},
    });
  }
  if (status >= 500) return new DoofinderError({ ...base, kind: 'server' });
  return new DoofinderError({ ...base, kind: 'bad_request' });
}

/** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export function networkError(request: RequestLabel, cause: unknown): DoofinderError {
  const reason =
    cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
  return new DoofinderError({ kind: 'network', status: null, serverMessage: reason, request, cause });
}

/** The reason an AbortSignal fired, as an Error (AbortSignal.reason may be anything). */
export function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException('The operation was aborted.', 'AbortError');
}
