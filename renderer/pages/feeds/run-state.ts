/** How a feed run's task state reads on screen: a word, a tone, and what it means. */
import type { FeedRunResult, FeedTaskState } from '../../../preload/contract';

export type Tone = 'accent' | 'ok' | 'warn' | 'bad' | 'muted';

export interface StateLabel {
  text: string;
  tone: Tone;
  /** One sentence on what the state means, for a title or a line under the badge. */
  meaning: string;
}

const LABELS: Record<FeedTaskState, StateLabel> = {
  PENDING: { text: 'Pending', tone: 'accent', meaning: 'Doofinder accepted the request and queued it.' },
  STARTED: { text: 'Processing', tone: 'accent', meaning: 'Doofinder is reading the feed.' },
  SUCCESS: { text: 'Success', tone: 'ok', meaning: 'The feed was processed.' },
  FAILURE: { text: 'Failed', tone: 'bad', meaning: 'Processing stopped; the message says why.' },
  NOTFOUND: {
    text: 'Not found',
    tone: 'warn',
    meaning: 'Doofinder has no information on this task any more, so its result is unknown.',
  },
  WAITING: {
    text: 'Waiting',
    tone: 'warn',
    meaning: 'A previous process is still running; following it.',
  },
};

export function stateLabel(state: FeedTaskState): StateLabel {
  return LABELS[state];
}

export const RESULT_FILTERS: ReadonlyArray<{ value: FeedRunResult | 'all'; label: string }> = [
  { value: 'all', label: 'All' },
  { value: 'running', label: 'Running' },
  { value: 'success', label: 'Success' },
  { value: 'failure', label: 'Failure' },
  { value: 'unknown', label: 'Unknown' },
];

export const FORCE_EXPLANATION =
  'Force processes the feed even if it has not changed since the last processing, or even if it has no items: ' +
  'needed after “Feed is empty” or “No changes”.';
