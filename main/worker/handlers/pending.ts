/** The pending-changes list and discarding changes (one undoable action). */
import type { HandlersFor } from '../../../preload/contract';
import type { WorkerRuntime } from '../runtime';

export function pendingHandlers({
  catalog,
}: WorkerRuntime): Pick<HandlersFor<'worker'>, 'sync:pending' | 'sync:discard'> {
  return {
    'sync:pending': () => catalog.pending(),
    'sync:discard': (scope) => catalog.discard(scope),
  };
}
