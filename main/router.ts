/**
 * Routes one contract request, whatever carried it (Electron IPC or browser mode's
 * WebSocket): unknown channels are refused, input is checked against the channel's
 * schema, then the request goes to its main-process handler or to the API worker.
 */
import type { z } from 'zod';
import { isRequestChannel, requests, type Envelope, type ErrorCode, type HandlersFor } from '../preload/contract';
import { toEnvelope } from './errors';
import type { WorkerChannel } from './worker/protocol';

export interface RouterDeps {
  worker: { request(channel: WorkerChannel, input: unknown): Promise<Envelope<unknown>> };
  mainHandlers: HandlersFor<'main'>;
}

export type RouteRequest = (channel: unknown, input: unknown) => Promise<Envelope<unknown>>;

export function createRouter({ worker, mainHandlers }: RouterDeps): RouteRequest {
  return async (channel, rawInput) => {
    if (!isRequestChannel(channel)) {
      return refuse('unknown_channel', `There is no request channel named "${String(channel).slice(0, 80)}".`);
    }
    const definition = requests[channel];
    const parsed = (definition.input as z.ZodType).safeParse(rawInput);
    if (!parsed.success) {
      return refuse('invalid_input', `The request "${channel}" was sent with input the app does not accept.`, {
        issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
      });
    }
    if (definition.runs === 'worker') return worker.request(channel as WorkerChannel, parsed.data);
    const handler = mainHandlers[channel as keyof HandlersFor<'main'>] as (input: unknown) => unknown;
    return toEnvelope(() => handler(parsed.data));
  };
}

function refuse(code: ErrorCode, message: string, details?: Record<string, unknown>): Envelope<never> {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}
