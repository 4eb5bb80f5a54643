import { describe, expect, it } from 'vitest';
import { changeText, emptyHistoryText, originLabel, truncate } from '../../../renderer/pages/feeds/run-summary';

describe('a run in the history table', () => {
  it('a long message is cut at a word with an ellipsis; a short one is left whole', () => {
    const message = 'Item does not have key field: id at line number: 2 and the price column is empty on most rows';
    const cut = truncate(message, 40);
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(cut.endsWith('…')).toBe(true);
    expect(message.startsWith(cut.slice(0, -1))).toBe(true);
    expect(truncate('Feed is empty', 40)).toBe('Feed is empty');
  });

  it('says whether this app started it or it was seen elsewhere', () => {
    expect(originLabel({ origin: 'app' })).toBe('This app');
    expect(originLabel({ origin: 'elsewhere' })).toBe('Seen elsewhere');
  });

  it('shows the change in items against the baseline, a loss with a minus sign', () => {
    expect(changeText(40, 100)).toBe('−60%');
    expect(changeText(103, 100)).toBe('+3%');
    expect(changeText(100, 100)).toBe('0%');
    expect(changeText(5, 0)).toBe('new');
    expect(changeText(5, null)).toBeNull();
  });

  it('an empty history says what to do, per filter', () => {
    expect(emptyHistoryText('all')).toContain('Press Process now');
    expect(emptyHistoryText('failure')).toBe('No failed run: nothing to look into.');
  });
});
