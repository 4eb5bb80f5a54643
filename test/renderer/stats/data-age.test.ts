import { describe, expect, it } from 'vitest';
import { describeAge, isStale } from '../../../renderer/pages/stats/data-age';
import type { StatsPart, StatsView } from '../../../preload/contract';

const now = new Date(2026, 10, 25, 15, 0).getTime();
const minutesAgo = (minutes: number) => new Date(now - minutes * 60_000).toISOString();

describe('how old the stats on screen are, in words', () => {
  it('says when fresh numbers were read', () => {
    expect(describeAge({ state: 'ready', fetchedAt: minutesAgo(3) }, now)).toBe('Updated 3 minutes ago');
    expect(describeAge({ state: 'ready', fetchedAt: minutesAgo(0) }, now)).toBe('Updated just now');
  });

  it('after a failed read, says the numbers are old and from when', () => {
    const yesterday = new Date(2026, 10, 24, 14, 2).toISOString();
    const text = describeAge({ state: 'error', fetchedAt: yesterday }, now);
    expect(text).toMatch(/^Could not refresh: showing the answer from yesterday /);
    // The clock in the locale's own way: 14:02, or 02:02 PM.
    expect(text).toMatch(/(14|02).02/);
    expect(describeAge({ state: 'error', fetchedAt: null }, now)).toBe('Never read');
  });

  it('while refreshing, says when what is shown was read', () => {
    expect(describeAge({ state: 'loading', fetchedAt: minutesAgo(120) }, now)).toBe(
      'Refreshing… (last read 2 hours ago)',
    );
  });

  it('says it is reading when nothing was ever read', () => {
    expect(describeAge({ state: 'loading', fetchedAt: null }, now)).toBe('Reading…');
  });
});

describe('a cached answer is refreshed on opening only when old', () => {
  const part = (fetchedAt: string | null): StatsPart<never> => ({
    state: 'ready',
    rows: [],
    fetchedAt,
    message: null,
    nextCheckAt: null,
  });
  const view = (fetchedAt: string | null, to = '20261125'): StatsView => ({
    engine: 'e',
    range: { from: '20261101', to },
    aggregates: part(fetchedAt),
    tops: {
      searches: part(minutesAgo(1)),
      clicked: part(minutesAgo(1)),
      opportunities: part(minutesAgo(1)),
      noresults: part(minutesAgo(1)),
    },
  });

  it('a read of a few minutes ago is kept; one of an hour ago is read again', () => {
    expect(isStale(view(minutesAgo(5)), now)).toBe(false);
    expect(isStale(view(minutesAgo(60)), now)).toBe(true);
  });

  it('a range that ended days ago is kept as read (its numbers no longer change, and reads cost requests)', () => {
    expect(isStale(view(minutesAgo(600), '20261124'), now)).toBe(true);
    expect(isStale(view(minutesAgo(600), '20261123'), now)).toBe(false);
  });
});
