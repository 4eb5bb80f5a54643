import type { HandlersFor, WorkerState } from '../preload/contract';
import type { Keychain } from './keychain';

/** Handlers that run in the main process (or the browser-mode host): the keychain and the worker's state. */
export function createMainHandlers(deps: { keychain: Keychain; workerState: () => WorkerState }) {
  return {
    'app:workerState': () => deps.workerState(),
    'keychain:status': () => deps.keychain.status(),
  } satisfies HandlersFor<'main'>;
}
