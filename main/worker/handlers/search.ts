/** The search tester's channels: one search, options, curl, a comparison, tracking events. */
import type { HandlersFor } from '../../../preload/contract';
import type { WorkerRuntime } from '../runtime';

type SearchChannel = Extract<keyof HandlersFor<'worker'>, `search:${string}`>;

export function searchHandlers({ search }: WorkerRuntime): Pick<HandlersFor<'worker'>, SearchChannel> {
  return {
    'search:run': (input) => search.run(input),
    'search:options': (input) => search.options(input),
    'search:curl': (input) => search.curl(input),
    'search:compare': (input) => search.compare(input),
    'search:event': (input) => search.event(input),
  };
}
