import type { HandlersFor } from '../../../preload/contract';
import type { WorkerRuntime } from '../runtime';
import { accountHandlers } from './accounts';
import { appHandlers } from './app';

/** One handler per worker channel of the contract; `satisfies` makes a missing one a compile error. */
export function createWorkerHandlers(runtime: WorkerRuntime) {
  return {
    ...appHandlers(runtime),
    ...accountHandlers(runtime),
  } satisfies HandlersFor<'worker'>;
}
