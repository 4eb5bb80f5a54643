import { describe, expect, it } from 'vitest';
import { remirrorSummary } from '../../../renderer/pages/feeds/remirror-summary';

describe('what Mirror again says after a feed run', () => {
  it('names the types it mirrors and where the progress is', () => {
    expect(remirrorSummary({ started: ['product', 'recipe'], failed: [] })).toBe(
      'Mirroring product, recipe again: the Catalog page shows the progress, then what the feed changed.',
    );
  });

  it('says which type could not be mirrored, and why', () => {
    expect(
      remirrorSummary({ started: [], failed: [{ type: 'product', reason: 'A mirror is already running.' }] }),
    ).toBe('product could not be mirrored: A mirror is already running.');
  });

  it('says so when there is nothing to mirror', () => {
    expect(remirrorSummary({ started: [], failed: [] })).toBe('This search engine has no types to mirror.');
  });
});
