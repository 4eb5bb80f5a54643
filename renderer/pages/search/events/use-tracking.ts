/**
 * Sending tracking events as a shopper would, with a session the tester makes, and the log of
 * what each one answered (newest first, the last 30). Events are never sent twice on their own:
 * a failure is logged, and the user decides whether to send again.
 */
import { useCallback, useState } from 'react';
import type { SearchEventKind, SearchResultView } from '../../../../preload/contract';
import { call, describeError } from '../../../api/client';
import { newSessionId } from './session-id';

export interface TrackingEntry {
  id: number;
  kind: SearchEventKind;
  /** What it was about: the result's title, or the store. */
  about: string;
  at: number;
  status: number | null;
  body: string;
  url: string | null;
  ok: boolean;
}

export const EVENT_LABELS: Record<SearchEventKind, string> = {
  click: 'Click',
  'add-to-cart': 'Add to cart',
  'remove-from-cart': 'Remove from cart',
  'clear-cart': 'Clear cart',
  checkout: 'Checkout',
  visit: 'Visit',
};

const KEPT = 30;

export interface Tracking {
  sessionId: string;
  newSession: () => void;
  log: readonly TrackingEntry[];
  sending: boolean;
  send: (
    kind: SearchEventKind,
    options?: { result?: SearchResultView; amount?: number; store?: string },
  ) => Promise<void>;
}

export function useTracking(engine: string, query: string): Tracking {
  const [sessionId, setSessionId] = useState(() => newSessionId());
  const [log, setLog] = useState<TrackingEntry[]>([]);
  const [sending, setSending] = useState(0);

  const send = useCallback<Tracking['send']>(
    async (kind, { result, amount, store } = {}) => {
      const id = Date.now() + Math.random();
      const about = result ? (result.title ?? result.id) : kind === 'visit' ? `store ${store ?? ''}` : 'the cart';
      setSending((n) => n + 1);
      let entry: TrackingEntry;
      try {
        const answer = await call('search:event', {
          engine,
          kind,
          sessionId,
          ...(result ? { dfid: result.dfid, itemId: result.id, type: result.type } : {}),
          ...(amount !== undefined && (kind === 'add-to-cart' || kind === 'remove-from-cart') ? { amount } : {}),
          ...(kind === 'click' && query ? { query: query.slice(0, 200) } : {}),
          ...(kind === 'visit' ? { store } : {}),
        });
        const ok = answer.status >= 200 && answer.status < 300;
        entry = {
          id,
          kind,
          about,
          at: Date.now(),
          status: answer.status,
          body: answer.body,
          url: answer.request.url,
          ok,
        };
      } catch (error) {
        entry = { id, kind, about, at: Date.now(), status: null, body: describeError(error), url: null, ok: false };
      } finally {
        setSending((n) => n - 1);
      }
      setLog((before) => [entry, ...before].slice(0, KEPT));
    },
    [engine, query, sessionId],
  );

  const newSession = useCallback(() => setSessionId(newSessionId()), []);
  return { sessionId, newSession, log, sending: sending > 0, send };
}
