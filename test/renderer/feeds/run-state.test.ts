import { describe, expect, it } from 'vitest';
import type { FeedHint } from '../../../preload/contract';
import { hintHeading, RETRY_WITH_FORCE } from '../../../renderer/pages/feeds/hint-text';
import { FORCE_EXPLANATION, RESULT_FILTERS, stateLabel } from '../../../renderer/pages/feeds/run-state';

describe('a task’s state on screen', () => {
  it('WAITING says a previous process is still running and that the app follows it', () => {
    expect(stateLabel('WAITING')).toMatchObject({
      text: 'Waiting',
      tone: 'warn',
      meaning: 'A previous process is still running; following it.',
    });
  });

  it('success is green, failure red, a task Doofinder forgot is a warning', () => {
    expect(stateLabel('SUCCESS').tone).toBe('ok');
    expect(stateLabel('FAILURE').tone).toBe('bad');
    expect(stateLabel('NOTFOUND')).toMatchObject({ text: 'Not found', tone: 'warn' });
    expect(stateLabel('PENDING').text).toBe('Pending');
  });

  it('the history filters by every result, All first', () => {
    expect(RESULT_FILTERS.map((filter) => filter.label)).toEqual(['All', 'Running', 'Success', 'Failure', 'Unknown']);
  });

  it('Force explains, in the document’s words, when it is needed', () => {
    expect(FORCE_EXPLANATION).toContain('even if it has not changed since the last processing');
    expect(FORCE_EXPLANATION).toContain('“Feed is empty” or “No changes”');
  });
});

describe('the hints next to “Feed is empty” and “No changes”', () => {
  const empty: FeedHint = { kind: 'feed-empty', text: 'No items were parsed.', retryWithForce: true };
  const unchanged: FeedHint = { kind: 'no-changes', text: 'The feed has not changed.', retryWithForce: true };

  it('name the problem and offer the retry with force', () => {
    expect(hintHeading(empty)).toBe('Doofinder found no items in the feed');
    expect(hintHeading(unchanged)).toBe('The feed has not changed since the last processing');
    expect(RETRY_WITH_FORCE).toBe('Process again with force');
  });
});
