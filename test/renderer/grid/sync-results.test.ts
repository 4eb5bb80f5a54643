import { describe, expect, it } from 'vitest';
import type { SyncItemOutcome } from '../../../preload/contract';
import { formatCount } from '../../../renderer/app/format';
import {
  outcomeFilters,
  pageRange,
  RESULTS_PAGE,
  resultsHeadline,
  runEnding,
  turnPage,
} from '../../../renderer/grid/sync-results';

const counts = (partial: Partial<Record<SyncItemOutcome, number>>): Record<SyncItemOutcome, number> => ({
  synced: 0,
  failed: 0,
  conflict: 0,
  'not-sent': 0,
  ...partial,
});

describe('what the results list says about a sync', () => {
  it('counts every item of the run, not only those on the page', () => {
    expect(resultsHeadline(counts({ synced: 1_299, failed: 1, 'not-sent': 1_700 }))).toBe(
      `Last sync: ${formatCount(1_299)} synced, 1 failed, ${formatCount(1_700)} not sent`,
    );
    expect(resultsHeadline(counts({ synced: 1 }))).toBe('Last sync: 1 synced');
    expect(resultsHeadline(counts({ failed: 2, conflict: 3 }))).toBe('Last sync: 0 synced, 2 failed, 3 in conflict');
  });

  it('says how a sync that did not finish ended, and why it stopped', () => {
    expect(runEnding({ state: 'completed', error: null })).toBeNull();
    expect(runEnding({ state: 'cancelled', error: null })).toMatch(/goes with the next sync/);
    expect(runEnding({ state: 'paused', error: null })).toMatch(/resume/);
    expect(runEnding({ state: 'failed', error: 'Doofinder could not be reached.' })).toBe(
      'Stopped: Doofinder could not be reached.',
    );
  });

  it('offers a filter for each outcome the run has, problems first', () => {
    expect(outcomeFilters(counts({ synced: 5, failed: 1, 'not-sent': 2 }))).toEqual([
      { outcome: null, label: 'All', count: 8 },
      { outcome: 'failed', label: 'Failed', count: 1 },
      { outcome: 'not-sent', label: 'Not sent', count: 2 },
      { outcome: 'synced', label: 'Synced', count: 5 },
    ]);
  });

  it('pages through a long list without going past either end', () => {
    const total = 20_000;
    expect(pageRange(0, RESULTS_PAGE, total)).toBe(`1–${RESULTS_PAGE} of ${formatCount(total)}`);
    expect(pageRange(19_900, 100, total)).toBe(
      `${formatCount(19_901)}–${formatCount(20_000)} of ${formatCount(total)}`,
    );
    expect(pageRange(0, 0, 0)).toBe('None');
    expect(turnPage(0, -1, total)).toBe(0);
    expect(turnPage(0, 1, total)).toBe(RESULTS_PAGE);
    expect(turnPage(19_900, 1, total)).toBe(19_900);
    expect(turnPage(150, -1, total, 100)).toBe(50);
    expect(turnPage(50, -1, total, 100)).toBe(0);
  });
});
