/** The sync channels: push pending changes, pause or cancel, each run's results, failed rows, auto-sync. */
import type { HandlersFor } from '../../../preload/contract';
import type { WorkerRuntime } from '../runtime';

type SyncChannel = Exclude<Extract<keyof HandlersFor<'worker'>, `sync:${string}`>, 'sync:pending' | 'sync:discard'>;

export function syncHandlers({ sync, status }: WorkerRuntime): Pick<HandlersFor<'worker'>, SyncChannel> {
  return {
    'sync:start': (scope) => {
      const progress = sync.start(scope);
      status.publish();
      return progress;
    },
    'sync:pause': () => sync.pause(),
    'sync:cancel': () => sync.cancel(),
    'sync:retryFailed': ({ engine, type }) => sync.retryFailed(engine, type),
    'sync:exportFailed': ({ engine, type }) => sync.exportFailed(engine, type),
    'sync:settings': (change) => sync.settings(change),
    'sync:results': (query) => sync.results(query),
  };
}
