import { describe, expect, it } from 'vitest';
import { feedsHash, feedsTargetFromHash, pickEngine } from '../../../renderer/pages/feeds/feeds-route';

describe('the Feeds page’s address', () => {
  it('names the engine, and the run whose details are open', () => {
    expect(feedsTargetFromHash('#/feeds/abc123')).toEqual({ engine: 'abc123', runId: null });
    expect(feedsTargetFromHash('#/feeds/abc123/run/42')).toEqual({ engine: 'abc123', runId: 42 });
    expect(feedsTargetFromHash('#/feeds/abc123/run/x')).toEqual({ engine: 'abc123', runId: null });
    expect(feedsTargetFromHash('#/feeds')).toBeNull();
    expect(feedsTargetFromHash('#/catalog/abc123/product')).toBeNull();
  });

  it('round-trips what it writes', () => {
    expect(feedsTargetFromHash(feedsHash('abc123', 7))).toEqual({ engine: 'abc123', runId: 7 });
    expect(feedsHash('abc123')).toBe('#/feeds/abc123');
  });

  it('opens on the engine in the address, else the last one picked, else the first', () => {
    const engines = ['first', 'second', 'third'];
    expect(pickEngine(engines, 'third', 'second')).toBe('third');
    expect(pickEngine(engines, null, 'second')).toBe('second');
    expect(pickEngine(engines, 'gone', 'also-gone')).toBe('first');
    expect(pickEngine([], null, 'second')).toBeNull();
  });
});
