/**
 * What the desktop app and browser mode share behind their transports: the API worker's
 * supervisor, the keychain, the router, and handing keys to each new worker.
 */
import type { EventChannel, WorkerState } from '../preload/contract';
import { deliverKeys } from './accounts';
import { createFileGrants, type FileGrants } from './file-grants';
import { confirmDroppedFile } from './files';
import { createMainHandlers } from './handlers';
import { createKeychain, type Keychain } from './keychain';
import { createRouter, type RouteRequest } from './router';
import { WorkerSupervisor } from './supervisor';
import type { WorkerBoot } from './worker/protocol';

export interface AppHost {
  supervisor: WorkerSupervisor;
  keychain: Keychain;
  route: RouteRequest;
  /**
   * The files the worker may read or write for requests through `route`: main grants dialog
   * picks, browser-mode uploads and export reservations, confirmed drops; a headless caller
   * grants the paths its user typed. New with each host, so a restart forgets them all.
   */
  grants: FileGrants;
}

export function createAppHost(options: {
  workerScript: string;
  boot: Omit<WorkerBoot, 'restarts'>;
  onEvent: (channel: EventChannel, payload: unknown) => void;
  keychain?: Keychain;
  log?: (line: string) => void;
}): AppHost {
  const keychain = options.keychain ?? createKeychain();
  const supervisor: WorkerSupervisor = new WorkerSupervisor({
    script: options.workerScript,
    boot: options.boot,
    log: options.log,
    onEvent: options.onEvent,
    onState: (state: WorkerState) => {
      options.onEvent('app:workerState', state);
      // A new worker knows no keys: hand them over from the keychain.
      if (state.status === 'ready') {
        void deliverKeys(supervisor, keychain).catch((error: unknown) => {
          options.log?.(`could not hand keys to the worker: ${error instanceof Error ? error.message : String(error)}`);
        });
      }
    },
  });
  const grants = createFileGrants();
  const route = createRouter({
    worker: supervisor,
    mainHandlers: createMainHandlers({ keychain, worker: supervisor, grants }),
    grants,
    confirmRead: confirmDroppedFile,
  });
  supervisor.start();
  return { supervisor, keychain, route, grants };
}
