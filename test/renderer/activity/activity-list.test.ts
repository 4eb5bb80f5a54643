import { describe, expect, it } from 'vitest';
import type { ActivityEntry, ActivityPage } from '../../../preload/contract';
import {
  ACTIVITY_LIMIT,
  unreadBadge,
  withAddedEntry,
  withAllRead,
  withEntryRead,
} from '../../../renderer/app/activity/activity-list';

function entry(id: number, read = false): ActivityEntry {
  return {
    id,
    at: '2026-11-25T10:00:00.000Z',
    level: 'success',
    kind: 'feed-run',
    engine: 'e1',
    title: `Run ${id}`,
    body: '',
    runId: id,
    notify: true,
    offerRemirror: false,
    read,
  };
}

describe('the activity list', () => {
  it('puts a new entry on top and counts it unread', () => {
    const page: ActivityPage = { entries: [entry(1, true)], unread: 0 };
    const next = withAddedEntry(page, entry(2));
    expect(next.entries.map((e) => e.id)).toEqual([2, 1]);
    expect(next.unread).toBe(1);
  });

  it('does not list or count an entry twice (an event after the list already had it)', () => {
    const page: ActivityPage = { entries: [entry(2)], unread: 1 };
    expect(withAddedEntry(page, entry(2))).toBe(page);
  });

  it('keeps at most its limit of entries', () => {
    let page: ActivityPage = { entries: [], unread: 0 };
    for (let id = 1; id <= ACTIVITY_LIMIT + 5; id += 1) page = withAddedEntry(page, entry(id, true));
    expect(page.entries).toHaveLength(ACTIVITY_LIMIT);
    expect(page.entries[0]?.id).toBe(ACTIVITY_LIMIT + 5);
  });

  it('Mark all read clears the count; opening one marks only that one', () => {
    const page: ActivityPage = { entries: [entry(2), entry(1)], unread: 2 };
    expect(withAllRead(page)).toEqual({ entries: [entry(2, true), entry(1, true)], unread: 0 });
    const one = withEntryRead(page, 1, 1);
    expect(one.entries.map((e) => e.read)).toEqual([false, true]);
    expect(one.unread).toBe(1);
  });

  it('the bell shows the count, 9+ past nine, nothing at zero', () => {
    expect(unreadBadge(0)).toBeNull();
    expect(unreadBadge(3)).toBe('3');
    expect(unreadBadge(12)).toBe('9+');
  });
});
