import { threadId } from 'node:worker_threads';
import type { HandlersFor } from '../../../preload/contract';
import type { WorkerRuntime } from '../runtime';

type AppHandlers = Pick<HandlersFor<'worker'>, 'app:info' | 'app:ping' | 'app:status'>;

export function appHandlers({ boot, startedAt, status }: WorkerRuntime): AppHandlers {
  return {
    'app:info': () => ({
      appName: boot.appName,
      version: boot.appVersion,
      dataDir: boot.dataDir,
      workerUptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
      workerStartedAt: startedAt.toISOString(),
      workerRestarts: boot.restarts,
      runtime: {
        node: process.versions.node,
        electron: process.versions.electron ?? null,
        platform: process.platform,
        mode: boot.mode,
      },
    }),
    'app:ping': ({ sentAt }) => ({ sentAt, workerAt: Date.now(), workerThreadId: threadId }),
    'app:status': () => status.snapshot(),
  };
}
