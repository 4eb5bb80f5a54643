/** What the page says around the document's hints ("Tasks messages"): a heading and the retry's label. */
import type { FeedHint } from '../../../preload/contract';

const HEADINGS: Record<FeedHint['kind'], string> = {
  'feed-empty': 'Doofinder found no items in the feed',
  'no-changes': 'The feed has not changed since the last processing',
};

export function hintHeading(hint: FeedHint): string {
  return HEADINGS[hint.kind];
}

export const RETRY_WITH_FORCE = 'Process again with force';
