import { describe, expect, it } from 'vitest';
import { fieldKeyOf, fieldOfError, messagesAt } from '../../../renderer/pages/search/params/field-errors';
import { emptyForm, type SearchForm } from '../../../renderer/pages/search/params/search-form';

const form: SearchForm = {
  ...emptyForm(),
  filters: [
    { kind: 'terms', field: 'brand', values: ['Acme'] },
    { kind: 'geo', field: 'location', point: '40,-70', distance: '2km' },
  ],
  sort: [{ kind: 'field', field: 'price', order: 'asc' }],
};

describe('an error is shown next to the parameter that caused it', () => {
  it('reads the contract’s spelling and the API’s', () => {
    expect(fieldKeyOf('query')).toEqual({ field: 'query' });
    expect(fieldKeyOf('rpp')).toEqual({ field: 'rpp' });
    expect(fieldKeyOf('query_name')).toEqual({ field: 'queryName' });
    expect(fieldKeyOf('queryName')).toEqual({ field: 'queryName' });
    expect(fieldKeyOf('type')).toEqual({ field: 'types' });
    expect(fieldKeyOf('filter_execution')).toEqual({ field: 'filters', index: null });
  });

  it('finds the filter row by index or by field name, geo_distance included', () => {
    expect(fieldKeyOf('filters.1', form)).toEqual({ field: 'filters', index: 1 });
    expect(fieldKeyOf('filter[brand]', form)).toEqual({ field: 'filters', index: 0 });
    expect(fieldKeyOf('filter[geo_distance]', form)).toEqual({ field: 'filters', index: 1 });
    expect(fieldKeyOf('sort[price]', form)).toEqual({ field: 'sort', index: 0 });
    expect(fieldKeyOf('exclude[size]', form)).toEqual({ field: 'excludes', index: null });
  });

  it('takes the worker’s details.field, or the first router issue path it knows', () => {
    expect(fieldOfError({ field: 'rpp' }, form)).toEqual({ field: 'rpp' });
    expect(fieldOfError({ field: 'filters', index: 1, name: 'location' }, form)).toEqual({
      field: 'filters',
      index: 1,
    });
    const geo = 'filter[geo_distance]: "color" is not a geo field of this search engine (geo fields: none).';
    expect(fieldOfError({ field: 'filters', serverMessage: geo }, form)).toEqual({ field: 'filters', index: 1 });
    expect(fieldOfError({ field: 'filters', serverMessage: 'filter must be given per field' }, form)).toEqual({
      field: 'filters',
      index: null,
    });
    expect(
      fieldOfError(
        {
          issues: [
            { path: 'engine', message: 'x' },
            { path: 'params.page', message: 'y' },
          ],
        },
        form,
      ),
    ).toEqual({
      field: 'page',
    });
    expect(fieldOfError({ issues: [{ path: 'engine', message: 'x' }] }, form)).toBeNull();
    expect(fieldOfError(undefined, form)).toBeNull();
  });

  it('a row’s message stays on its row, a list’s on the list', () => {
    const problems = [
      { at: { field: 'filters' as const, index: 1 }, message: 'row' },
      { at: { field: 'filters' as const, index: null }, message: 'list' },
      { at: { field: 'rpp' as const }, message: 'rpp' },
    ];
    expect(messagesAt(problems, { field: 'filters', index: 1 })).toEqual(['row']);
    expect(messagesAt(problems, { field: 'filters', index: 0 })).toEqual([]);
    expect(messagesAt(problems, { field: 'filters', index: null })).toEqual(['list']);
    expect(messagesAt(problems, { field: 'rpp' })).toEqual(['rpp']);
  });
});
