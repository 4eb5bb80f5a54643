/** The Feeds page channels: process, history, picking up runs started elsewhere, logs, settings, sandbox scenarios. */
import type { HandlersFor } from '../../../preload/contract';
import type { WorkerRuntime } from '../runtime';

type FeedsChannel = Extract<keyof HandlersFor<'worker'>, `feeds:${string}`>;

export function feedHandlers({ feeds }: WorkerRuntime): Pick<HandlersFor<'worker'>, FeedsChannel> {
  return {
    'feeds:process': (input) => feeds.process(input),
    'feeds:runs': (input) => feeds.runs(input),
    'feeds:check': (input) => feeds.check(input),
    'feeds:logs': (input) => feeds.logs(input),
    'feeds:settings': (change) => feeds.settings(change),
    'feeds:sandboxScenario': (input) => feeds.sandboxScenario(input),
  };
}
