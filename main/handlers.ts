import type { HandlersFor, WorkerState } from '../preload/contract';
import { accountHandlers } from './accounts';
import type { FileGrants } from './file-grants';
import { fileHandlers } from './files';
import type { Keychain } from './keychain';
import { notifyHandlers } from './notify';
import type { WorkerSupervisor } from './supervisor';

/**
 * Handlers that run in the main process (or the browser-mode host): the keychain, the
 * account operations that need it, the worker's state, the desktop app's file dialogs and
 * desktop notifications.
 */
export function createMainHandlers(deps: { keychain: Keychain; worker: WorkerSupervisor; grants?: FileGrants }) {
  return {
    'app:workerState': (): WorkerState => deps.worker.currentState(),
    'keychain:status': () => deps.keychain.status(),
    ...accountHandlers(deps.worker, deps.keychain),
    ...fileHandlers({ grants: deps.grants }),
    ...notifyHandlers(),
  } satisfies HandlersFor<'main'>;
}
