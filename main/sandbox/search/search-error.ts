import { HttpError } from '../http/errors';

/**
 * A Search v5 request the server cannot run: 400 with `{"error": why}`, the same envelope
 * Search v5's authorization errors use, saying which parameter is wrong and what it takes.
 */
export function searchError(message: string): HttpError {
  return new HttpError(400, { error: message });
}
