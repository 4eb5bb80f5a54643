/** PLACEHOLDER (being built): the pending-changes list and discarding changes. */
import type { HandlersFor } from '../../../preload/contract';
import { AppError } from '../../errors';
import type { WorkerRuntime } from '../runtime';

export function pendingHandlers(_runtime: WorkerRuntime): Pick<HandlersFor<'worker'>, 'sync:pending' | 'sync:discard'> {
  const notYet = () => {
    throw new AppError('internal', 'The pending changes list is not built yet.');
  };
  return { 'sync:pending': notYet, 'sync:discard': notYet };
}
