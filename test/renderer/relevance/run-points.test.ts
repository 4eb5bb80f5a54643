import { describe, expect, it } from 'vitest';
import type { RelevanceRunView } from '../../../preload/contract';
import { changesSummary, runName, runPoints } from '../../../renderer/pages/search/cases/run-points';
import {
  describeParams,
  sortFromKey,
  sortKey,
  defaultParams,
} from '../../../renderer/pages/search/compare/default-params';

const metrics = { ndcg: 0.5, precision: 0.4, mrr: 1, err: 0.3 };

function run(id: number, state: RelevanceRunView['state'], withMetrics = true): RelevanceRunView {
  return {
    id,
    caseId: 1,
    startedAt: `2026-11-2${id}T10:00:00.000Z`,
    endedAt: null,
    state,
    done: 3,
    total: 3,
    metrics: withMetrics ? metrics : null,
    changesSince: [],
    error: null,
  };
}

describe('runs over time', () => {
  it('the chart draws completed runs only: a cancelled or failed run has no fair mean', () => {
    const points = runPoints([
      run(1, 'completed'),
      run(2, 'cancelled'),
      run(3, 'failed'),
      run(4, 'completed'),
      run(5, 'running'),
    ]);
    expect(points.map((point) => point.run)).toEqual([1, 4]);
    expect(points[0]).toMatchObject(metrics);
    // Numbered as the list numbers them, counting the runs the chart leaves out.
    expect(points.map((point) => point.label)).toEqual(['#1', '#4']);
  });

  it('runs of one minute are told apart by their number', () => {
    const runs = [run(1, 'completed'), run(2, 'completed')];
    expect(runName(runs, runs[1] as RelevanceRunView)).toMatch(/^#2 · /);
  });

  it('what changed before a run is counted by kind, in words', () => {
    const at = '2026-11-25T10:00:00.000Z';
    expect(
      changesSummary(
        [
          { kind: 'sync', at, summary: 'Pushed 1 change' },
          { kind: 'sync', at, summary: 'Pushed 2 changes' },
          { kind: 'feed', at, summary: 'Feed processed' },
        ],
        false,
      ),
    ).toBe('2 syncs, 1 feed run');
    expect(changesSummary([{ kind: 'import', at, summary: 'Imported 4 rows' }], false)).toBe('1 import');
    expect(changesSummary([], false)).toBe('nothing the app knows of');
    expect(changesSummary([], true)).toBe('first run');
  });
});

describe('a query’s parameters in one line', () => {
  it('the defaults read as such; changes are spelled as the API spells them', () => {
    expect(describeParams(defaultParams('red dress'))).toBe('default parameters');
    const changed = {
      ...defaultParams(),
      queryName: 'fuzzy' as const,
      types: ['product'],
      sort: sortFromKey('price:asc'),
    };
    expect(describeParams(changed)).toBe('query_name=fuzzy · type=product · sort price asc');
    expect(describeParams({ ...defaultParams(), nostats: false })).toBe('counted in stats');
  });

  it('sort choices round-trip, dfscore included', () => {
    for (const key of ['', 'dfscore:desc', 'dfscore:asc', 'price:asc', 'best_price:desc'])
      expect(sortKey(sortFromKey(key))).toBe(key);
    expect(sortFromKey('dfscore:desc')).toEqual([{ kind: 'score', order: 'desc' }]);
  });
});
