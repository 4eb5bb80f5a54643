/**
 * Tracking events from a result, to test a shop's tracking end to end: the /5/stats/* calls
 * of search-api-v5.md ("Registering clicks", "Registering cart items", checkout) and Stats
 * v2's visit. Each is spelled here with what its endpoint needs, and checked first for what
 * the document requires, naming the field at fault.
 */
import type { SearchEventKind } from '../../../preload/contract';
import { AppError } from '../../errors';
import type { QueryPairs } from './spell-params';

export interface EventInput {
  kind: SearchEventKind;
  sessionId: string;
  dfid?: string;
  itemId?: string;
  type?: string;
  amount?: number;
  query?: string;
  store?: string;
}

export type EventRequest =
  | { api: 'search'; method: 'GET'; path: string; pairs: QueryPairs }
  | { api: 'stats'; method: 'POST'; path: string; body: Record<string, string> };

/** Stats v2's limits on a visit (stats-api-v2-visit.md). */
const MAX_STORE = 36;
const MAX_VISIT_SESSION = 32;

function required(value: string | undefined, field: string, sentence: string): string {
  if (value === undefined || value.trim() === '') throw new AppError('invalid_input', sentence, { field });
  return value;
}

function cartPairs(hashid: string, input: EventInput): QueryPairs {
  const itemId = required(input.itemId, 'itemId', 'A cart event needs the id of the item (its id in the shop).');
  return [
    ['hashid', hashid],
    ['session_id', input.sessionId],
    ['item_id', itemId],
    // "by default will be product"
    ['datatype', input.type || 'product'],
    ['amount', String(input.amount ?? 1)],
  ];
}

function visitBody(hashid: string, input: EventInput): Record<string, string> {
  const store = required(input.store, 'store', 'A visit needs the shop’s store id (1 to 36 characters).').trim();
  if (store.length > MAX_STORE) {
    throw new AppError(
      'invalid_input',
      `A store id has at most ${MAX_STORE} characters; this one has ${store.length}.`,
      {
        field: 'store',
      },
    );
  }
  if (input.sessionId.length > MAX_VISIT_SESSION) {
    throw new AppError(
      'invalid_input',
      `A visit's session id has at most ${MAX_VISIT_SESSION} characters; this one has ${input.sessionId.length}.`,
      { field: 'sessionId' },
    );
  }
  return {
    store,
    hashid,
    session_id: input.sessionId,
    ...(input.dfid ? { dfid: input.dfid } : {}),
  };
}

/**
 * What to send for an event. `random` defeats caches, as the document asks of clicks; the
 * click also carries hashid, which names the engine the key is checked against.
 */
export function eventRequest(hashid: string, input: EventInput, random: string): EventRequest {
  const get = (name: string, pairs: QueryPairs): EventRequest => ({
    api: 'search',
    method: 'GET',
    path: `/5/stats/${name}`,
    pairs,
  });
  switch (input.kind) {
    case 'click': {
      const dfid = required(input.dfid, 'dfid', 'A click needs the result’s dfid.');
      return get('click', [
        ['hashid', hashid],
        ['dfid', dfid],
        ...(input.query ? ([['query', input.query]] as QueryPairs) : []),
        ['session_id', input.sessionId],
        ['random', random],
      ]);
    }
    case 'add-to-cart':
    case 'remove-from-cart':
      return get(input.kind, cartPairs(hashid, input));
    case 'clear-cart':
    case 'checkout':
      return get(input.kind, [
        ['hashid', hashid],
        ['session_id', input.sessionId],
      ]);
    case 'visit':
      return { api: 'stats', method: 'POST', path: '/api/v2/stats/visit', body: visitBody(hashid, input) };
  }
}

/** The answer as text: the /5/stats calls answer "OK" (some as a JSON string), a visit JSON. */
export function bodyText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body === null || body === undefined) return '';
  return JSON.stringify(body);
}
