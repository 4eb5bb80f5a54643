import { describe, expect, it } from 'vitest';
import type { SearchOptionsView } from '../../../preload/contract';
import { decodeEntities, formatPrice, priceFormatOf } from '../../../renderer/pages/search/results/price-format';

function options(currency: Record<string, unknown> | null, code = 'EUR'): SearchOptionsView {
  return {
    engine: 'e',
    currency: { code, symbol: null, format: null },
    facets: [],
    sortOptions: [],
    fields: [],
    geoFields: [],
    types: [],
    raw: currency ? { currency } : {},
  };
}

describe('prices read as the engine’s search layer shows them', () => {
  it('follows the document’s example currency: "%v %s", comma decimals, dot thousands, &euro;', () => {
    const format = priceFormatOf(
      options({ thousand: '.', symbol: '&euro;', precision: 2, label: 'Euro', format: '%v %s', decimal: ',' }),
      null,
    );
    expect(formatPrice(1234567.5, format)).toBe('1.234.567,50 €');
    expect(formatPrice(9.9, format)).toBe('9,90 €');
    expect(formatPrice(-3, format)).toBe('-3,00 €');
  });

  it('puts the symbol first when the format says so, with the precision given', () => {
    const format = priceFormatOf(
      options({ symbol: '$', precision: 0, decimal: '.', thousand: ',', format: '%s%v' }),
      null,
    );
    expect(formatPrice(1999.6, format)).toBe('$2,000');
  });

  it('without options, formats with the engine’s currency code', () => {
    expect(formatPrice(12.5, priceFormatOf(null, 'USD'))).toBe('$12.50');
    expect(formatPrice(12.5, priceFormatOf(null, 'EUR'))).toBe('€12.50');
  });

  it('a missing price reads as a dash, and no currency at all as a plain number', () => {
    expect(formatPrice(null, priceFormatOf(null, 'EUR'))).toBe('–');
    expect(formatPrice(7, priceFormatOf(null, null))).toBe('7.00');
  });

  it('decodes numeric and named entities and leaves unknown ones alone', () => {
    expect(decodeEntities('&#8364; &#x20AC; &pound; &bogus;')).toBe('€ € £ &bogus;');
  });
});
