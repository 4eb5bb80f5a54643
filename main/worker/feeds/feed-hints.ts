/**
 * The hints management-api-v1.md gives for two task messages ("Tasks messages"), in words a
 * shop owner reads. Doofinder words them "No changes in feeds" where the sandbox says "No
 * changes", so they are matched loosely.
 */
import type { FeedHint, FeedTaskState } from '../../../preload/contract';

const HINTS: ReadonlyArray<{ pattern: RegExp; hint: FeedHint }> = [
  {
    pattern: /feed\s+is\s+empty/i,
    hint: {
      kind: 'feed-empty',
      text:
        'Doofinder read the feed but found no items in it, so the search index was left as it was. ' +
        'Check that the feed address is right and that the file has products (the logs name the lines it skipped). ' +
        'Processing again with Force overrides this, and empties the index if the feed really has no items.',
      retryWithForce: true,
    },
  },
  {
    pattern: /no\s+changes/i,
    hint: {
      kind: 'no-changes',
      text:
        'The feed has not changed since it was last processed, so Doofinder did not read it again: ' +
        'the index would come out the same. Processing again with Force reads it anyway.',
      retryWithForce: true,
    },
  },
];

export function hintFor(state: FeedTaskState, message: string): FeedHint | null {
  if (state !== 'FAILURE') return null;
  return HINTS.find((entry) => entry.pattern.test(message))?.hint ?? null;
}

/** The hint in one sentence, for a notification. */
export function hintSentence(hint: FeedHint): string {
  return hint.kind === 'feed-empty'
    ? 'No items were found in the feed; check it, or process again with Force.'
    : 'The feed has not changed since the last run; process again with Force to read it anyway.';
}
