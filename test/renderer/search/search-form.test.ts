import { describe, expect, it } from 'vitest';
import type { SearchParamsView } from '../../../preload/contract';
import {
  activeParameterCount,
  emptyForm,
  formToParams,
  paramsToForm,
  type SearchForm,
} from '../../../renderer/pages/search/params/search-form';

function form(change: Partial<SearchForm>): SearchForm {
  return { ...emptyForm(), query: 'dress', ...change };
}

describe('the parameter panel sends what the user set, as the contract spells it', () => {
  it('a fresh panel searches the first 20 results with nostats on and nothing else', () => {
    const { params, problems } = formToParams(form({}));
    expect(problems).toEqual([]);
    expect(params).toEqual({
      query: 'dress',
      page: 1,
      rpp: 20,
      transformer: 'none',
      types: [],
      queryName: null,
      filters: [],
      excludes: [],
      filterExecution: 'or',
      excludeExecution: 'or',
      sort: [],
      nostats: true,
    });
  });

  it('range bounds that are numbers go as numbers, others (dates) as text, each under the operator picked', () => {
    const { params } = formToParams(
      form({
        filters: [
          { kind: 'range', field: 'price', lowerOp: 'gt', lower: ' 4.36 ', upperOp: 'lt', upper: '99' },
          { kind: 'range', field: 'created', lowerOp: 'gte', lower: '2026-01-01', upperOp: 'lte', upper: '' },
        ],
      }),
    );
    expect(params.filters).toEqual([
      { kind: 'range', field: 'price', gt: 4.36, lt: 99 },
      { kind: 'range', field: 'created', gte: '2026-01-01' },
    ]);
  });

  it('rows not finished are kept in the panel but not sent', () => {
    const { params } = formToParams(
      form({
        filters: [
          { kind: 'terms', field: 'brand', values: [] },
          { kind: 'terms', field: '', values: ['x'] },
          { kind: 'geo', field: 'location', point: '40,-70', distance: '200' },
          { kind: 'terms', field: 'color', values: ['Red'] },
        ],
        sort: [
          { kind: 'field', field: '', order: 'asc' },
          { kind: 'geo', field: 'location', point: 'north', order: 'asc' },
          { kind: 'score', order: 'desc' },
        ],
      }),
    );
    expect(params.filters).toEqual([{ kind: 'terms', field: 'color', values: ['Red'] }]);
    expect(params.sort).toEqual([{ kind: 'score', order: 'desc' }]);
  });

  it('a geo filter and a geo sort go with their point without spaces', () => {
    const { params } = formToParams(
      form({
        excludes: [{ kind: 'geo', field: 'location', point: '40, -70', distance: '200km' }],
        sort: [{ kind: 'geo', field: 'location', point: ' 41.1, -71.3', order: 'asc' }],
      }),
    );
    expect(params.excludes).toEqual([{ kind: 'geo', field: 'location', point: '40,-70', distance: '200km' }]);
    expect(params.sort).toEqual([{ kind: 'geo', field: 'location', point: '41.1,-71.3', order: 'asc' }]);
  });

  it('a saved parameter set comes back into the panel and out again unchanged', () => {
    const saved: SearchParamsView = {
      query: 'linen shirt',
      page: 2,
      rpp: 50,
      transformer: 'basic',
      types: ['product', 'page'],
      queryName: 'fuzzy',
      filters: [
        { kind: 'terms', field: 'brand', values: ['Acme', 'Zeta'] },
        { kind: 'range', field: 'price', gt: 10, lte: 99.5 },
        { kind: 'geo', field: 'location', point: '40,-70', distance: '5mi' },
      ],
      excludes: [{ kind: 'range', field: 'stock', lt: 1 }],
      filterExecution: 'and',
      excludeExecution: 'and',
      sort: [
        { kind: 'field', field: 'price', order: 'asc' },
        { kind: 'score', order: 'desc' },
        { kind: 'geo', field: 'location', point: '40,-70', order: 'asc' },
      ],
      nostats: false,
    };
    expect(formToParams(paramsToForm(saved))).toEqual({ params: saved, problems: [] });
  });
});

describe('limits of the Search v5 document are explained before anything is sent', () => {
  it('more than 100 results per page names rpp', () => {
    const { problems } = formToParams(form({ rpp: '150' }));
    expect(problems).toEqual([{ at: { field: 'rpp' }, message: 'Doofinder returns at most 100 results per page.' }]);
  });

  it('a page past the 1,000th result names the page and says which page is the last', () => {
    const { problems } = formToParams(form({ rpp: '100', page: '11' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.at).toEqual({ field: 'page' });
    expect(problems[0]?.message).toBe(
      'Doofinder never returns more than 1,000 results for a search, and page 11 of 100 would reach result 1,100. With 100 per page the last page is 10.',
    );
  });

  it('exactly the 1,000th result is allowed', () => {
    expect(formToParams(form({ rpp: '100', page: '10' })).problems).toEqual([]);
    expect(formToParams(form({ rpp: '30', page: '34' })).problems[0]?.message).toMatch(/the last page is 33\.$/);
  });

  it('text where a number goes, or zero, is named', () => {
    expect(formToParams(form({ page: 'two' })).problems.map((problem) => problem.at)).toEqual([{ field: 'page' }]);
    expect(formToParams(form({ rpp: '0' })).problems.map((problem) => problem.at)).toEqual([{ field: 'rpp' }]);
  });

  it('a 201-character query names the query and its length', () => {
    const { problems } = formToParams(form({ query: 'a'.repeat(201) }));
    expect(problems).toEqual([
      { at: { field: 'query' }, message: 'Doofinder takes queries of at most 200 characters; this one has 201.' },
    ]);
    expect(formToParams(form({ query: 'a'.repeat(200) })).problems).toEqual([]);
  });
});

describe('the panel counts the parameters set', () => {
  it('is zero for a fresh panel, whatever the query', () => {
    expect(activeParameterCount(form({ query: 'anything' }))).toBe(0);
  });

  it('counts each changed parameter, and each filter, exclusion and sort row that is sent', () => {
    const count = activeParameterCount(
      form({
        page: '2',
        rpp: '50',
        transformer: 'onlyid',
        types: ['product'],
        queryName: 'match_or',
        filters: [
          { kind: 'terms', field: 'brand', values: ['Acme'] },
          { kind: 'terms', field: 'color', values: [] },
        ],
        filterExecution: 'and',
        excludes: [{ kind: 'terms', field: 'color', values: ['Red'] }],
        sort: [{ kind: 'score', order: 'asc' }],
        nostats: false,
      }),
    );
    // page, rpp, transformer, type, query_name, 1 filter (the empty row is not sent),
    // filter_execution, 1 exclusion, 1 sort, nostats off.
    expect(count).toBe(10);
  });

  it('an execution setting without any filter to apply to does not count', () => {
    expect(activeParameterCount(form({ filterExecution: 'and', excludeExecution: 'and' }))).toBe(0);
  });
});
