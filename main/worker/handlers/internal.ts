/** Operations only main can ask for: the ones that carry an API key. */
import { speakingDoofinder } from '../app-errors';
import type { InternalOps } from '../protocol';
import type { WorkerRuntime } from '../runtime';

type InternalHandlers = {
  [K in keyof InternalOps]: (
    input: InternalOps[K]['input'],
  ) => Promise<InternalOps[K]['output']> | InternalOps[K]['output'];
};

export function createInternalHandlers({ accounts, engines, status }: WorkerRuntime): InternalHandlers {
  return {
    'accounts:verifyKey': (input) => speakingDoofinder(() => accounts.verifyKey(input)),
    'accounts:create': (input) => {
      const view = accounts.create(input);
      // A new account becomes the current one: show its engines straight away.
      void engines.refresh().catch(() => undefined);
      status.publish();
      return view;
    },
    'accounts:update': (input) => {
      const view = accounts.update(input);
      status.publish();
      return view;
    },
    'accounts:remove': ({ id }) => {
      accounts.remove(id);
      engines.changed();
      status.publish();
      return { removed: true };
    },
    'accounts:keyholders': () => accounts.keyholders(),
    'accounts:keys': ({ keys }) => ({ received: accounts.receiveKeys(keys) }),
  };
}
