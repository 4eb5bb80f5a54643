/**
 * Doofinder's errors as the renderer sees them: a code to act on and a message to show,
 * with the request and server message in details. Never the key.
 */
import type { ErrorCode } from '../../preload/contract';
import { AppError } from '../errors';
import { DoofinderError } from './doofinder/errors';

export function toAppError(error: unknown): unknown {
  if (!(error instanceof DoofinderError)) return error;
  const code: ErrorCode =
    error.kind === 'auth' ? 'auth_failed' : error.kind === 'network' ? 'unreachable' : 'doofinder_error';
  return new AppError(code, error.message, {
    kind: error.kind,
    status: error.status,
    serverMessage: error.serverMessage,
    request: `${error.request.method} ${error.request.path}`,
  });
}

/** Runs `work`, turning a DoofinderError into the AppError the envelope carries. */
export async function speakingDoofinder<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toAppError(error);
  }
}
