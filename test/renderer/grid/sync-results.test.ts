import { describe, expect, it } from 'vitest';
import type { PendingItem, PendingSnapshot } from '../../../preload/contract';
import { countOutcomes, syncResults, syncTotals } from '../../../renderer/grid/sync-results';

function snapshot(items: PendingItem[]): PendingSnapshot {
  return {
    groups: [
      {
        engine: 'e1',
        engineName: 'Outdoor shop',
        type: 'product',
        counts: { edited: 0, created: 0, deleted: 0, failed: 0, conflicts: 0 },
        items,
        more: 0,
      },
    ],
    total: items.length,
    requests: 1,
    etaSeconds: 1,
  };
}

const item = (id: string, status: PendingItem['status'], error: string | null = null): PendingItem => ({
  id,
  status,
  fields: [],
  error,
});

describe('the result of a sync, item by item', () => {
  it('tells synced, failed (with the reason) and not sent apart', () => {
    const before = snapshot([item('a', 'dirty'), item('b', 'new'), item('c', 'deleted'), item('d', 'dirty')]);
    const after = snapshot([item('b', 'failed', 'price: not a number'), item('d', 'dirty')]);
    const results = syncResults(before, after);
    expect(results.map((r) => [r.id, r.outcome, r.reason])).toEqual([
      ['a', 'synced', null],
      ['b', 'failed', 'price: not a number'],
      ['c', 'synced', null],
      ['d', 'not-sent', null],
    ]);
    expect(countOutcomes(results)).toEqual({ synced: 2, failed: 1, conflict: 0, 'not-sent': 1 });
  });

  it('leaves out rows that had already failed before and were not retried', () => {
    const before = snapshot([item('a', 'failed', 'old reason'), item('b', 'dirty')]);
    const after = snapshot([item('a', 'failed', 'old reason')]);
    expect(syncResults(before, after).map((r) => r.id)).toEqual(['b']);
  });
});

describe('what a finished sync says it did', () => {
  it('counts every item the sync sent, also those past the capped pending list', () => {
    const listed = syncResults(
      snapshot([item('a', 'dirty'), item('b', 'dirty')]),
      snapshot([item('b', 'failed', 'failed to parse [price]')]),
    );
    expect(syncTotals(listed, { done: 1_300, failed: 1, total: 3_000 })).toEqual({
      synced: 1_299,
      failed: 1,
      conflict: 0,
      'not-sent': 1_700,
    });
  });

  it('falls back to the listed items when the progress is not known', () => {
    const listed = syncResults(snapshot([item('a', 'dirty')]), snapshot([]));
    expect(syncTotals(listed, null)).toMatchObject({ synced: 1, failed: 0 });
  });
});
