/** The activity list: what happened in the background (feed runs), newest first, and what was read. */
import type { HandlersFor } from '../../../preload/contract';
import type { WorkerRuntime } from '../runtime';

type ActivityChannel = Extract<keyof HandlersFor<'worker'>, `activity:${string}`>;

export function activityHandlers({ activity }: WorkerRuntime): Pick<HandlersFor<'worker'>, ActivityChannel> {
  return {
    'activity:list': ({ limit }) => activity.list(limit),
    'activity:markRead': ({ ids }) => activity.markRead(ids),
  };
}
