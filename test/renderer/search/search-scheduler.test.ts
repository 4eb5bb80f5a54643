import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchAnswerView, SearchParamsView } from '../../../preload/contract';
import { emptyForm, formToParams } from '../../../renderer/pages/search/params/search-form';
import { IDLE, SearchScheduler, type SearchRunState } from '../../../renderer/pages/search/tester/search-scheduler';

class Cancelled extends Error {}

function params(query: string): SearchParamsView {
  return formToParams({ ...emptyForm(), query }).params;
}

function answerFor(query: string): SearchAnswerView {
  return { queryName: 'match_and', raw: { query } } as unknown as SearchAnswerView;
}

/** A worker whose answers the test releases by hand, in any order. */
function harness() {
  const pending: Array<{
    query: string;
    resolve: (answer: SearchAnswerView) => void;
    reject: (error: unknown) => void;
  }> = [];
  let state: SearchRunState = IDLE;
  const scheduler = new SearchScheduler({
    send: (sent) =>
      new Promise((resolve, reject) => {
        pending.push({ query: sent.query, resolve, reject });
      }),
    update: (change) => {
      state = change(state);
    },
    isCancelled: (error) => error instanceof Cancelled,
    delayMs: 250,
  });
  return { scheduler, pending, state: () => state };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('searching as the user types', () => {
  it('typing a word sends one search, for the whole word, once the typing pauses', () => {
    const { scheduler, pending } = harness();
    for (const prefix of ['d', 'dr', 'dre', 'dres', 'dress']) {
      scheduler.schedule(params(prefix));
      vi.advanceTimersByTime(100);
    }
    expect(pending).toEqual([]);
    vi.advanceTimersByTime(150);
    expect(pending.map((each) => each.query)).toEqual(['dress']);
  });

  it('Enter searches at once', () => {
    const { scheduler, pending, state } = harness();
    scheduler.schedule(params('shirt'), true);
    expect(pending.map((each) => each.query)).toEqual(['shirt']);
    expect(state().loading).toBe(true);
  });

  it('an answer to an older search never replaces the newer one’s', async () => {
    const { scheduler, pending, state } = harness();
    scheduler.schedule(params('dre'), true);
    scheduler.schedule(params('dress'), true);
    pending[1]?.resolve(answerFor('dress'));
    await vi.runAllTimersAsync();
    pending[0]?.resolve(answerFor('dre'));
    await vi.runAllTimersAsync();
    expect(state().sent?.query).toBe('dress');
    expect(state().answer).toEqual(answerFor('dress'));
    expect(state().loading).toBe(false);
  });

  it('a search the worker cancelled for a newer one is not an error', async () => {
    const { scheduler, pending, state } = harness();
    scheduler.schedule(params('dre'), true);
    pending[0]?.reject(new Cancelled('replaced'));
    await vi.runAllTimersAsync();
    expect(state().error).toBeNull();
  });

  it('a failure keeps the answer shown with its own parameters, and only Retry sends again', async () => {
    const { scheduler, pending, state } = harness();
    scheduler.schedule(params('dress'), true);
    pending[0]?.resolve(answerFor('dress'));
    await vi.runAllTimersAsync();
    scheduler.schedule(params('shirt'), true);
    pending[1]?.reject(new Error('offline'));
    await vi.runAllTimersAsync();
    expect(state().error).toEqual(new Error('offline'));
    expect(state().sent?.query).toBe('dress');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(pending).toHaveLength(2);
    scheduler.retry();
    expect(pending.map((each) => each.query)).toEqual(['dress', 'shirt', 'shirt']);
    pending[2]?.resolve(answerFor('shirt'));
    await vi.runAllTimersAsync();
    expect(state()).toMatchObject({ error: null, sent: { query: 'shirt' }, loading: false });
  });

  it('holding (a limit broken) stops what waits and keeps the answer; clearing the query clears it', async () => {
    const { scheduler, pending, state } = harness();
    scheduler.schedule(params('dress'), true);
    pending[0]?.resolve(answerFor('dress'));
    await vi.runAllTimersAsync();
    scheduler.schedule(params('dresses'));
    scheduler.hold();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(pending).toHaveLength(1);
    expect(state().answer).toEqual(answerFor('dress'));
    scheduler.schedule(null);
    expect(state()).toEqual(IDLE);
  });
});
