/** PLACEHOLDER (being built): the sync channels. */
import type { HandlersFor } from '../../../preload/contract';
import { AppError } from '../../errors';
import type { WorkerRuntime } from '../runtime';

type SyncChannel = Exclude<Extract<keyof HandlersFor<'worker'>, `sync:${string}`>, 'sync:pending' | 'sync:discard'>;

export function syncHandlers(_runtime: WorkerRuntime): Pick<HandlersFor<'worker'>, SyncChannel> {
  const notYet = () => {
    throw new AppError('internal', 'Sync is not built yet.');
  };
  return {
    'sync:start': notYet,
    'sync:pause': notYet,
    'sync:cancel': notYet,
    'sync:retryFailed': notYet,
    'sync:exportFailed': notYet,
    'sync:settings': notYet,
  };
}
