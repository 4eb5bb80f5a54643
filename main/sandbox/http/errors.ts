/**
 * Errors exactly as the documents word them (management-api-v1.md "API Errors", and the
 * error envelope of stats-api-v2). Spelling mistakes included: clients may match on them.
 */
export const MESSAGES = {
  unauthenticated: 'Autentication credentials where not provided',
  quota: 'Requests Limit Reached',
  indexingInProgress: 'Indexing operation in progress',
  undefinedType: 'Undefined type. Please create it first',
  typeExists: 'The type is already created',
  lockedType: (type: string) => `You can not modify the ${type} type using the API`,
  missingIds: "Some items don't have required 'id' field",
  tooManyItems: 'Too many items in bulk operation',
  noItem: 'Please specify some item to index',
  noItems: 'There are no items to add',
  badJson: 'put/post operation needs proper JSON to be submitted',
  needsList: 'Bulk operatio needs a list of items',
  singleWithList: 'Single item op attempted with a list of items',
  needsIds: 'A list of ids should be provided',
  notAllowed: 'That operation is not allowed',
  unindexed: 'Some items were not indexed. ',
  notFound: 'Not found.',
} as const;

/** A response that ends the request: status, body and optional headers. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body === 'object' && body && 'detail' in body ? String(body.detail) : `HTTP ${status}`);
  }
}

/** Management API v1 errors carry `{"detail": message}` (Django REST framework's shape). */
export const v1Error = (status: number, detail: string, headers?: Record<string, string>) =>
  new HttpError(status, { detail }, headers);

export const notFound = () => v1Error(404, MESSAGES.notFound);

/** Stats API v2 errors carry `{"error": {"code", "message"}}`. */
export const statsError = (status: number, code: string, message: string, headers?: Record<string, string>) =>
  new HttpError(status, { error: { code, message } }, headers);

/** Django REST framework's throttle message, with the wait rounded up to whole seconds. */
export function throttledMessage(waitMs: number): string {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return `Request was throttled. Expected available in ${seconds} second${seconds === 1 ? '' : 's'}.`;
}
