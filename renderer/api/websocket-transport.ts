/**
 * Browser mode's `window.api`: the same contract as the preload, carried over a WebSocket
 * to the Node host. The host authenticates the socket with the cookie it set when the page
 * was opened with the launch token. Requests made while the socket is down wait for it;
 * requests in flight when it drops answer `disconnected`, so the caller can retry.
 */
import type { Api, Envelope, EventChannel } from '../../preload/contract';

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface WebSocketTransport extends Api {
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

const RETRY_DELAYS_MS = [250, 500, 1000, 2000, 5000];

export function createWebSocketTransport(url: string): WebSocketTransport {
  let socket: WebSocket | null = null;
  let state: ConnectionState = 'connecting';
  let attempt = 0;
  let nextId = 1;
  /** Frames waiting for the socket to open, by request id. */
  const outbox = new Map<number, string>();
  const inFlight = new Map<number, (result: Envelope<unknown>) => void>();
  const eventListeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();

  function setState(next: ConnectionState): void {
    state = next;
    for (const listener of connectionListeners) listener(next);
  }

  function connect(): void {
    setState('connecting');
    const ws = new WebSocket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      attempt = 0;
      setState('open');
      for (const frame of outbox.values()) ws.send(frame);
      outbox.clear();
    });
    ws.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as
        { id: number; result: Envelope<unknown> } | { event: EventChannel; payload: unknown };
      if ('id' in message) {
        inFlight.get(message.id)?.(message.result);
        inFlight.delete(message.id);
      } else {
        for (const listener of eventListeners.get(message.event) ?? []) listener(message.payload);
      }
    });
    ws.addEventListener('close', () => {
      socket = null;
      for (const [id, resolve] of inFlight) {
        if (outbox.has(id)) continue;
        inFlight.delete(id);
        resolve({
          ok: false,
          error: {
            code: 'disconnected',
            message: 'The connection to the app host dropped before it answered. Try again.',
          },
        });
      }
      setState('closed');
      const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)] ?? 5000;
      attempt += 1;
      setTimeout(connect, delay);
    });
  }

  connect();

  return {
    request(channel, ...input) {
      const id = nextId++;
      const frame = JSON.stringify({ id, channel, input: input[0] });
      return new Promise((resolve) => {
        inFlight.set(id, resolve as (result: Envelope<unknown>) => void);
        if (socket && state === 'open') socket.send(frame);
        else outbox.set(id, frame);
      });
    },
    on(channel, listener) {
      const listeners = eventListeners.get(channel) ?? new Set();
      eventListeners.set(channel, listeners);
      const wrapped = listener as (payload: unknown) => void;
      listeners.add(wrapped);
      return () => listeners.delete(wrapped);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      listener(state);
      return () => connectionListeners.delete(listener);
    },
  };
}
