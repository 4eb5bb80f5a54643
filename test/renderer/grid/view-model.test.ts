import { describe, expect, it } from 'vitest';
import { filtersFromModel, sortFromModel } from '../../../renderer/grid/view-model';

describe('column filters and sort as the worker reads them', () => {
  it('turns text filters into the view’s filters', () => {
    expect(
      filtersFromModel({
        title: { filterType: 'text', type: 'contains', filter: 'tent' },
        brand: { filterType: 'text', type: 'blank' },
      }),
    ).toEqual([
      { field: 'title', op: 'contains', value: 'tent' },
      { field: 'brand', op: 'blank' },
    ]);
  });

  it('turns number filters into comparisons and ranges', () => {
    expect(
      filtersFromModel({
        price: { filterType: 'number', type: 'inRange', filter: 10, filterTo: 50 },
        stock: { filterType: 'number', type: 'greaterThanOrEqual', filter: 1 },
      }),
    ).toEqual([
      { field: 'price', op: 'between', from: 10, to: 50 },
      { field: 'stock', op: 'gte', value: 1 },
    ]);
  });

  it('keeps both conditions of an AND, and drops an OR rather than misread it', () => {
    expect(
      filtersFromModel({
        price: {
          filterType: 'number',
          operator: 'AND',
          conditions: [
            { filterType: 'number', type: 'greaterThan', filter: 5 },
            { filterType: 'number', type: 'lessThan', filter: 9 },
          ],
        },
        title: {
          filterType: 'text',
          operator: 'OR',
          conditions: [
            { type: 'contains', filter: 'a' },
            { type: 'contains', filter: 'b' },
          ],
        },
      }),
    ).toEqual([
      { field: 'price', op: 'gt', value: 5 },
      { field: 'price', op: 'lt', value: 9 },
    ]);
  });

  it('ignores half-typed filters (no value yet)', () => {
    expect(filtersFromModel({ title: { filterType: 'text', type: 'contains', filter: '' } })).toEqual([]);
    expect(filtersFromModel({ price: { filterType: 'number', type: 'inRange', filter: 3 } })).toEqual([]);
    expect(filtersFromModel(null)).toEqual([]);
  });

  it('keeps the sort order of up to five columns', () => {
    const model = ['a', 'b', 'c', 'd', 'e', 'f'].map((colId, i) => ({ colId, sort: i % 2 ? 'desc' : 'asc' }));
    expect(sortFromModel(model)).toEqual([
      { field: 'a', dir: 'asc' },
      { field: 'b', dir: 'desc' },
      { field: 'c', dir: 'asc' },
      { field: 'd', dir: 'desc' },
      { field: 'e', dir: 'asc' },
    ]);
  });
});
