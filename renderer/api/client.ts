/**
 * The renderer's single door to the app: `call()` answers with the value or throws an
 * `ApiError` carrying the contract's `{code, message, details}`.
 */
import type {
  Api,
  ApiErrorData,
  ErrorCode,
  EventChannel,
  EventPayload,
  InputArgs,
  RequestChannel,
  RequestOutput,
} from '../../preload/contract';
import { createWebSocketTransport, type ConnectionState, type WebSocketTransport } from './websocket-transport';

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(data: ApiErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
    this.details = data.details;
  }
}

function browserTransport(): WebSocketTransport {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return createWebSocketTransport(`${scheme}://${window.location.host}/api`);
}

const webSocket: WebSocketTransport | null = window.api ? null : browserTransport();
const transport: Api = window.api ?? (webSocket as WebSocketTransport);

export const runsInBrowser = webSocket !== null;

export async function call<K extends RequestChannel>(channel: K, ...input: InputArgs<K>): Promise<RequestOutput<K>> {
  const envelope = await transport.request(channel, ...input);
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.value;
}

export function subscribe<K extends EventChannel>(
  channel: K,
  listener: (payload: EventPayload<K>) => void,
): () => void {
  return transport.on(channel, listener);
}

/** Browser mode only: the state of the socket to the host. Electron's IPC never disconnects. */
export function onConnection(listener: (state: ConnectionState) => void): () => void {
  if (!webSocket) {
    listener('open');
    return () => undefined;
  }
  return webSocket.onConnection(listener);
}

export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
