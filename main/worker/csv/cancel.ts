/**
 * Stopping a dry run or an export the user cancelled (`csv:cancel`): the long loops look at
 * the task's AbortSignal between rows and pages and leave through this error, so their
 * clean-up (dropping the staged rows, removing the partial file) runs as for any failure.
 */
import { AppError } from '../../errors';

export function cancelledError(what: string): AppError {
  return new AppError('cancelled', `${what} was cancelled.`);
}

export function isCancelled(error: unknown): boolean {
  return error instanceof AppError && error.code === 'cancelled';
}

/** Throws the cancel error when the user asked to stop; `what` names the task ("The dry run of shop.csv"). */
export function stopIfCancelled(signal: AbortSignal | undefined, what: () => string): void {
  if (signal?.aborted) throw cancelledError(what());
}
