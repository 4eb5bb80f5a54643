import { describe, expect, it } from 'vitest';
import type { StatsDay } from '../../../preload/contract';
import { DEFAULT_SERIES, isEmptyPeriod, toggleSeries, totalsOf } from '../../../renderer/pages/stats/series';

const quiet = (date: string): StatsDay => ({
  date,
  searches: 0,
  queries: 0,
  clicks: 0,
  requests: 0,
  api: 0,
  parser: 0,
});

describe('the daily aggregates’ totals and series', () => {
  it('totals each series over the days shown', () => {
    const days: StatsDay[] = [
      { date: '2026-11-24', searches: 10, queries: 31, clicks: 4, requests: 40, api: 7, parser: 2 },
      { date: '2026-11-25', searches: 5, queries: 9, clicks: 1, requests: 12, api: 3, parser: 0 },
    ];
    expect(totalsOf(days)).toEqual({ searches: 15, queries: 40, clicks: 5, requests: 52, api: 10, parser: 2 });
    expect(totalsOf([])).toEqual({ searches: 0, queries: 0, clicks: 0, requests: 0, api: 0, parser: 0 });
  });

  it('a period of zeros is empty (the page says so instead of drawing flat lines), one search is not', () => {
    expect(isEmptyPeriod([quiet('2026-11-24'), quiet('2026-11-25')])).toBe(true);
    expect(isEmptyPeriod([quiet('2026-11-24'), { ...quiet('2026-11-25'), api: 1 }])).toBe(false);
  });

  it('starts on searches, queries and clicks; the legend toggles one series at a time', () => {
    expect([...DEFAULT_SERIES]).toEqual(['searches', 'queries', 'clicks']);
    const next = toggleSeries(DEFAULT_SERIES, 'api');
    expect([...next].sort()).toEqual(['api', 'clicks', 'queries', 'searches']);
    expect([...toggleSeries(next, 'searches')].sort()).toEqual(['api', 'clicks', 'queries']);
    expect(DEFAULT_SERIES.has('api')).toBe(false);
  });
});
