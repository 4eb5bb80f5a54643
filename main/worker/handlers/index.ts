import type { HandlersFor } from '../../../preload/contract';
import type { WorkerRuntime } from '../runtime';
import { accountHandlers } from './accounts';
import { activityHandlers } from './activity';
import { appHandlers } from './app';
import { catalogHandlers } from './catalog';
import { csvHandlers } from './csv';
import { feedHandlers } from './feeds';
import { pendingHandlers } from './pending';
import { relevanceHandlers } from './relevance';
import { searchHandlers } from './search';
import { statsHandlers } from './stats';
import { syncHandlers } from './sync';

/** One handler per worker channel of the contract; `satisfies` makes a missing one a compile error. */
export function createWorkerHandlers(runtime: WorkerRuntime) {
  return {
    ...appHandlers(runtime),
    ...accountHandlers(runtime),
    ...catalogHandlers(runtime),
    ...syncHandlers(runtime),
    ...pendingHandlers(runtime),
    ...csvHandlers(runtime),
    ...feedHandlers(runtime),
    ...activityHandlers(runtime),
    ...statsHandlers(runtime),
    ...relevanceHandlers(runtime),
    ...searchHandlers(runtime),
  } satisfies HandlersFor<'worker'>;
}
