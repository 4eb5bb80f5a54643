/** The activity entry (and desktop notification) for a run that ended: what happened, why, what to look at. */
import type { FeedHealthFlag } from '../../../preload/contract';
import type { NewActivity } from '../activity/activity-store';
import { hintSentence } from './feed-hints';
import { toRunView, type RunRow } from './run-store';

export function runEndedActivity(row: RunRow, engineName: string, offerRemirror: boolean): NewActivity {
  const view = toRunView(row);
  const flags = view.health?.flags ?? [];
  const level =
    view.result === 'success'
      ? flags.length > 0
        ? 'warning'
        : 'success'
      : view.result === 'failure'
        ? 'error'
        : 'warning';
  const title =
    view.result === 'success'
      ? `Feed processed: ${engineName}`
      : view.result === 'failure'
        ? `Feed failed: ${engineName}`
        : `Feed run not found: ${engineName}`;
  const body = [view.message, view.hint ? hintSentence(view.hint) : null, flags.length > 0 ? flagSentence(flags) : null]
    .filter((part): part is string => Boolean(part))
    .map(asSentence)
    .join(' ');
  return {
    kind: 'feed-run',
    level,
    engine: row.engine,
    title,
    body,
    runId: row.id,
    notify: true,
    offerRemirror: view.result === 'success' && offerRemirror,
  };
}

/** Health flags found after the run's entry was already posted (the count check waited for a sync). */
export function healthActivity(row: RunRow, engineName: string): NewActivity | null {
  const flags = toRunView(row).health?.flags ?? [];
  if (flags.length === 0) return null;
  return {
    kind: 'feed-run',
    level: 'warning',
    engine: row.engine,
    title: `Feed health: ${engineName}`,
    body: flagSentence(flags),
    runId: row.id,
    notify: true,
    offerRemirror: false,
  };
}

/** Doofinder's messages come without a full stop ("The task has successfuly finished"); joined, they need one. */
function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function flagSentence(flags: FeedHealthFlag[]): string {
  return `Check the feed: ${flags.map((flag) => flag.message).join('; ')}.`;
}
