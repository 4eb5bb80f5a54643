/** Keeping views of the engine's runs current with `feeds:changed`: the run shown as current, a history page. */
import type { FeedRunsPage, FeedRunView } from '../../../preload/contract';

/**
 * A newer run wins; for the same run, the event's view wins (events come after the state
 * they report, a stored answer may be older). Null and undefined mean "nothing known".
 */
export function latestOf(stored: FeedRunView | null | undefined, live: FeedRunView | null): FeedRunView | null {
  if (!stored) return live;
  if (!live) return stored;
  return live.id >= stored.id ? live : stored;
}

/** The page with `run` in place of its older view; the same page when it does not list the run. */
export function withRunReplaced(page: FeedRunsPage, run: FeedRunView): FeedRunsPage {
  if (!page.runs.some((listed) => listed.id === run.id)) return page;
  return { ...page, runs: page.runs.map((listed) => (listed.id === run.id ? run : listed)) };
}
