/** The Stats page and Usage channels: cached answers at once, reads in the background, CSV export. */
import type { HandlersFor } from '../../../preload/contract';
import type { WorkerRuntime } from '../runtime';

type StatsChannel = Extract<keyof HandlersFor<'worker'>, `stats:${string}`>;

export function statsHandlers({ stats }: WorkerRuntime): Pick<HandlersFor<'worker'>, StatsChannel> {
  return {
    'stats:load': (input) => stats.load(input),
    'stats:export': (input) => stats.export(input),
    'stats:usage': (input) => stats.usage(input),
  };
}
