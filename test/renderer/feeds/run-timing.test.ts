import { describe, expect, it } from 'vitest';
import type { FeedRunView } from '../../../preload/contract';
import { formatElapsed, nextPollText, runElapsedMs } from '../../../renderer/pages/feeds/run-timing';

function run(overrides: Partial<FeedRunView>): FeedRunView {
  return {
    id: 1,
    engine: 'e1',
    taskId: 't1',
    origin: 'app',
    force: false,
    state: 'STARTED',
    result: 'running',
    message: 'Your task is being processed',
    startedAt: '2026-11-25T10:00:00.000Z',
    endedAt: null,
    durationMs: null,
    nextPollAt: null,
    pollNote: null,
    hint: null,
    health: null,
    ...overrides,
  };
}

const at = (iso: string) => Date.parse(iso);

describe('a run’s elapsed time and duration', () => {
  it('reads in seconds, then minutes and seconds, then hours and minutes', () => {
    expect(formatElapsed(0)).toBe('0 s');
    expect(formatElapsed(8_400)).toBe('8 s');
    expect(formatElapsed(65_000)).toBe('1 min 05 s');
    expect(formatElapsed(2 * 3_600_000 + 3 * 60_000 + 30_000)).toBe('2 h 03 min');
  });

  it('ticks while the run is going, counted from its start', () => {
    const going = run({});
    expect(runElapsedMs(going, at('2026-11-25T10:00:07.000Z'))).toBe(7_000);
    expect(runElapsedMs(going, at('2026-11-25T10:01:07.000Z'))).toBe(67_000);
  });

  it('stops at the run’s duration once it ended, whatever the clock says', () => {
    const done = run({ state: 'SUCCESS', result: 'success', endedAt: '2026-11-25T10:00:42.000Z', durationMs: 42_000 });
    expect(runElapsedMs(done, at('2026-11-25T12:00:00.000Z'))).toBe(42_000);
    const noDuration = run({ state: 'FAILURE', result: 'failure', endedAt: '2026-11-25T10:00:30.000Z' });
    expect(runElapsedMs(noDuration, at('2026-11-25T12:00:00.000Z'))).toBe(30_000);
  });

  it('is unknown for a run first seen already finished', () => {
    expect(runElapsedMs(run({ startedAt: null, state: 'SUCCESS', result: 'success' }), Date.now())).toBeNull();
  });
});

describe('when the app checks a running task again', () => {
  it('counts down to the next check, then says it is checking', () => {
    const polled = run({ nextPollAt: '2026-11-25T10:00:10.000Z' });
    expect(nextPollText(polled, at('2026-11-25T10:00:05.500Z'))).toBe('next check in 5 s');
    expect(nextPollText(polled, at('2026-11-25T10:00:10.000Z'))).toBe('checking now');
  });

  it('says nothing once the run is over', () => {
    const over = run({ state: 'SUCCESS', result: 'success', nextPollAt: '2026-11-25T10:00:10.000Z' });
    expect(nextPollText(over, at('2026-11-25T10:00:05.000Z'))).toBeNull();
  });
});
