import type { HandlersFor } from '../../../preload/contract';
import { speakingDoofinder } from '../app-errors';
import type { WorkerRuntime } from '../runtime';

type AccountHandlers = Pick<
  HandlersFor<'worker'>,
  'accounts:list' | 'accounts:switch' | 'engines:list' | 'mirror:start' | 'mirror:cancel'
>;

export function accountHandlers({ accounts, engines, mirrors, status }: WorkerRuntime): AccountHandlers {
  return {
    'accounts:list': () => accounts.snapshot(),
    'accounts:switch': ({ id }) => {
      const snapshot = accounts.switchTo(id);
      engines.changed();
      status.publish();
      return snapshot;
    },
    'engines:list': ({ refresh }) => {
      if (refresh) return speakingDoofinder(() => engines.refresh());
      const snapshot = engines.snapshot();
      // An account whose engines were never listed gets them listed now; the list follows as an event.
      if (snapshot.accountId && !snapshot.refreshedAt) void engines.refresh();
      return snapshot;
    },
    'mirror:start': ({ engine, type }) => mirrors.start(engine, type),
    'mirror:cancel': ({ engine, type }) => ({ cancelled: mirrors.cancel(engine, type) }),
  };
}
