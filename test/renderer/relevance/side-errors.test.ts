import { describe, expect, it } from 'vitest';
import { emptyForm, type SearchForm } from '../../../renderer/pages/search/params/search-form';
import { formRowOf, placeCompareError } from '../../../renderer/pages/search/compare/side-errors';

/** What the client's ApiError carries: the worker's message and details. */
function refused(message: string, details?: Record<string, unknown>): Error {
  return Object.assign(new Error(message), { code: 'invalid_input', details });
}

function form(change: Partial<SearchForm> = {}): SearchForm {
  return { ...emptyForm(), ...change };
}

const brand: SearchForm['filters'][number] = { kind: 'terms', field: 'brand', values: ['Acme'] };
const unfinished: SearchForm['filters'][number] = { kind: 'terms', field: 'color', values: [] };
const farAway: SearchForm['filters'][number] = { kind: 'geo', field: 'location', point: '100,3', distance: '5km' };

describe('a refused comparison lands on the side and field it is about', () => {
  it('a filter only B has: the message is on B’s filter row, and A is left alone', () => {
    const placed = placeCompareError(
      refused('The latitude 100 is out of range: it goes from -90 to 90.', {
        field: 'filters',
        index: 0,
        name: 'location',
      }),
      { a: form(), b: form({ filters: [farAway] }) },
    );
    expect(placed).toEqual({
      query: [],
      a: [],
      b: [{ at: { field: 'filters', index: 0 }, message: 'The latitude 100 is out of range: it goes from -90 to 90.' }],
    });
  });

  it('the worker counts rows as sent; the panel’s row number counts the unfinished ones shown above it', () => {
    const b = form({ filters: [unfinished, farAway] });
    expect(formRowOf(b, 'filters', 0, 'location')).toBe(1);
    const placed = placeCompareError(refused('Out of range.', { field: 'filters', index: 0, name: 'location' }), {
      a: form({ filters: [brand] }),
      b,
    });
    // A's first sent filter is on brand, not location: the error is not A's.
    expect(placed?.a).toEqual([]);
    expect(placed?.b).toEqual([{ at: { field: 'filters', index: 1 }, message: 'Out of range.' }]);
  });

  it('a row Doofinder’s message names ("filter[brand]") is found on the side that has it', () => {
    const placed = placeCompareError(
      refused('Doofinder refused the search (400): filter[brand] is not a facet', {
        field: 'filter',
        serverMessage: 'filter[brand] is not a facet',
      }),
      { a: form(), b: form({ filters: [unfinished, brand] }) },
    );
    expect(placed?.a).toEqual([]);
    expect(placed?.b.map((problem) => problem.at)).toEqual([{ field: 'filters', index: 1 }]);
  });

  it('a parameter only one side moved from its default is that side’s', () => {
    const placed = placeCompareError(refused('Unknown query type.', { field: 'query_name' }), {
      a: form(),
      b: form({ queryName: 'fuzzy' }),
    });
    expect(placed?.a).toEqual([]);
    expect(placed?.b).toEqual([{ at: { field: 'queryName' }, message: 'Unknown query type.' }]);
  });

  it('when both sides set it, or neither does, both show it rather than a guess', () => {
    const both = placeCompareError(refused('Unknown type.', { field: 'type' }), {
      a: form({ types: ['product'] }),
      b: form({ types: ['product', 'article'] }),
    });
    expect(both?.a.map((problem) => problem.at)).toEqual([{ field: 'types' }]);
    expect(both?.b.map((problem) => problem.at)).toEqual([{ field: 'types' }]);
    const neither = placeCompareError(refused('No filters allowed.', { field: 'filters', index: 3 }), {
      a: form(),
      b: form(),
    });
    expect(neither?.a).toEqual([{ at: { field: 'filters', index: null }, message: 'No filters allowed.' }]);
    expect(neither?.b).toEqual(neither?.a);
  });

  it('the query is shared: its message goes to the one query box', () => {
    expect(
      placeCompareError(refused('The query has 201 characters.', { field: 'query' }), { a: form(), b: form() }),
    ).toEqual({ query: ['The query has 201 characters.'], a: [], b: [] });
  });

  it('an error that names no field is left for the banner', () => {
    const forms = { a: form(), b: form() };
    expect(placeCompareError(refused('Doofinder refused the API key.', { status: 401 }), forms)).toBeNull();
    expect(placeCompareError(refused('No details.'), forms)).toBeNull();
    expect(placeCompareError(new Error('socket closed'), forms)).toBeNull();
    expect(placeCompareError(null, forms)).toBeNull();
  });
});
