import { describe, expect, it } from 'vitest';
import { setRange, termIsFiltered, toggleTerm } from '../../../renderer/pages/search/facets/facet-filters';
import { emptyForm, formToParams } from '../../../renderer/pages/search/params/search-form';

describe('a click in the facets panel filters the results', () => {
  it('a term adds a filter on its field, a second term of the field joins it, and the page goes back to 1', () => {
    let form = { ...emptyForm(), query: 'dress', page: '3' };
    form = toggleTerm(form, 'brand', 'Acme');
    expect(form.page).toBe('1');
    form = toggleTerm(form, 'brand', 'Zeta');
    form = toggleTerm(form, 'color', 'Red');
    expect(formToParams(form).params.filters).toEqual([
      { kind: 'terms', field: 'brand', values: ['Acme', 'Zeta'] },
      { kind: 'terms', field: 'color', values: ['Red'] },
    ]);
    expect(termIsFiltered(form, 'brand', 'Zeta')).toBe(true);
    expect(termIsFiltered(form, 'color', 'Blue')).toBe(false);
  });

  it('clicking a filtered term again removes it, and the row with its last value', () => {
    let form = toggleTerm(toggleTerm(emptyForm(), 'brand', 'Acme'), 'brand', 'Zeta');
    form = toggleTerm(form, 'brand', 'Acme');
    expect(form.filters).toEqual([{ kind: 'terms', field: 'brand', values: ['Zeta'] }]);
    form = toggleTerm(form, 'brand', 'Zeta');
    expect(form.filters).toEqual([]);
  });

  it('a range replaces the field’s range filter, inclusive, and clearing both bounds removes it', () => {
    let form = setRange(emptyForm(), 'price', '10', '50');
    form = setRange(form, 'price', '20', '');
    expect(formToParams(form).params.filters).toEqual([{ kind: 'range', field: 'price', gte: 20 }]);
    expect(setRange(form, 'price', '', ' ').filters).toEqual([]);
  });
});
