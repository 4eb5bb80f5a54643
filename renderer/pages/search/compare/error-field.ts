/**
 * The worker refuses a value the document does not allow (a query over 200 characters, rpp over
 * 100, rpp*page over 1,000) with `details.field`: which parameter, so the page says it next to it.
 * Names are read as the Search tab reads them ("query_name" and "queryName" are one field).
 * Read from any error with `details` (the client's ApiError), so this stays free of the socket.
 */
import { fieldOfError } from '../params/field-errors';

export interface FieldError {
  /** The contract's spelling: "query", "rpp", "page", "queryName", "filters"… */
  field: string;
  message: string;
}

export function detailsOf(error: Error): Record<string, unknown> | undefined {
  const details = (error as { details?: unknown }).details;
  return typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : undefined;
}

export function fieldErrorOf(error: unknown): FieldError | null {
  if (!(error instanceof Error)) return null;
  const at = fieldOfError(detailsOf(error), null);
  return at ? { field: at.field, message: error.message } : null;
}
