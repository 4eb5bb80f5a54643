import { describe, expect, it } from 'vitest';
import type { FeedRunView } from '../../../preload/contract';
import { latestOf, withRunReplaced } from '../../../renderer/pages/feeds/latest-run';

const run = (id: number, state: FeedRunView['state']) => ({ id, state }) as FeedRunView;

describe('the run shown as current', () => {
  it('is the newest run, from the stored list or an event', () => {
    expect(latestOf(run(3, 'SUCCESS'), run(4, 'PENDING'))?.id).toBe(4);
    expect(latestOf(run(5, 'SUCCESS'), run(4, 'STARTED'))?.id).toBe(5);
  });

  it('for the same run, takes the event’s state (it comes after the stored answer)', () => {
    expect(latestOf(run(4, 'PENDING'), run(4, 'SUCCESS'))?.state).toBe('SUCCESS');
  });

  it('is nothing when neither knows a run', () => {
    expect(latestOf(null, null)).toBeNull();
    expect(latestOf(undefined, run(1, 'PENDING'))?.id).toBe(1);
  });
});

describe('a history page while a listed run moves on', () => {
  it('shows the run’s new state in place, and leaves a page without it alone', () => {
    const page = { runs: [run(2, 'PENDING'), run(1, 'SUCCESS')], total: 2, active: null };
    const moved = withRunReplaced(page, run(2, 'SUCCESS'));
    expect(moved.runs.map((listed) => listed.state)).toEqual(['SUCCESS', 'SUCCESS']);
    expect(withRunReplaced(page, run(9, 'PENDING'))).toBe(page);
  });
});
