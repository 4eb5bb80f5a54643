import { threadId } from 'node:worker_threads';
import type { HandlersFor } from '../../../preload/contract';
import type { WorkerBoot } from '../protocol';

type AppHandlers = Pick<HandlersFor<'worker'>, 'app:info' | 'app:ping' | 'app:status'>;

export function appHandlers(boot: WorkerBoot, startedAt: Date): AppHandlers {
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
    // No account or sync exists until the accounts issue lands: report exactly that.
    'app:status': () => ({
      account: null,
      sync: { state: 'idle', pendingChanges: 0 },
      rate: { requestsPerSecond: 0, queued: 0, pausedReason: null },
    }),
  };
}
