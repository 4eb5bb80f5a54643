/**
 * Routes one contract request, whatever carried it (Electron IPC or browser mode's
 * WebSocket): unknown channels are refused, input is checked against the channel's
 * schema, a file it names must have been granted by main (see file-grants.ts), then the
 * request goes to its main-process handler or to the API worker.
 */
import type { z } from 'zod';
import { isRequestChannel, requests, type Envelope, type ErrorCode, type HandlersFor } from '../preload/contract';
import { toEnvelope } from './errors';
import { fileRequest, type FileGrants, type FileRight } from './file-grants';
import type { WorkerChannel } from './worker/protocol';

export interface RouterDeps {
  worker: { request(channel: WorkerChannel, input: unknown): Promise<Envelope<unknown>> };
  mainHandlers: HandlersFor<'main'>;
  /** The files the renderer may have the worker read or write: only those main handed out. */
  grants: FileGrants;
  /**
   * Asks the user about a file to read that main did not hand out (in Electron, a dropped
   * file: only the renderer learns its path). True grants it; absent, such a file is refused.
   */
  confirmRead?: (file: string) => Promise<boolean>;
}

export type RouteRequest = (channel: unknown, input: unknown) => Promise<Envelope<unknown>>;

export function createRouter({ worker, mainHandlers, grants, confirmRead }: RouterDeps): RouteRequest {
  /** Null when the request may go on; otherwise why not. */
  async function refusedFile(channel: string, input: unknown): Promise<Envelope<never> | null> {
    const request = fileRequest(channel, input);
    if (!request) return null;
    const missing = request.rights.filter((right) => !grants.allows(request.file, right));
    if (missing.length === 0) return null;
    if (confirmRead && missing.length === 1 && missing[0] === 'read' && (await confirmRead(request.file))) {
      grants.grant(request.file, 'read');
      return null;
    }
    return notGranted(request.file, missing);
  }

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
    if (definition.runs === 'worker') {
      const refused = await refusedFile(channel, parsed.data);
      return refused ?? worker.request(channel as WorkerChannel, parsed.data);
    }
    const handler = mainHandlers[channel as keyof HandlersFor<'main'>] as (input: unknown) => unknown;
    return toEnvelope(() => handler(parsed.data));
  };
}

function refuse(code: ErrorCode, message: string, details?: Record<string, unknown>): Envelope<never> {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}

function notGranted(file: string, missing: readonly FileRight[]): Envelope<never> {
  const what = missing.includes('write') ? (missing.includes('read') ? 'open or write' : 'write to') : 'open';
  return refuse(
    'forbidden',
    `The app did not ${what} "${file}": it only uses files you chose in this session. Pick the file again.`,
    { file, rights: [...missing] },
  );
}
