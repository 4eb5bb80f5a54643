import type { HandlersFor } from '../../../preload/contract';
import type { WorkerBoot } from '../protocol';
import { appHandlers } from './app';

/** One handler per worker channel of the contract; `satisfies` makes a missing one a compile error. */
export function createWorkerHandlers(boot: WorkerBoot, startedAt: Date) {
  return {
    ...appHandlers(boot, startedAt),
  } satisfies HandlersFor<'worker'>;
}
