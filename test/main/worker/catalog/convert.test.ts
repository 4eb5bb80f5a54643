import { describe, expect, it } from 'vitest';
import { convertText, parseBoolean, parseNumber, parsePrice, splitList } from '../../../../main/worker/catalog/convert';
import { detectKind } from '../../../../main/worker/catalog/field-kinds';

describe('typed and pasted text becomes the value its column holds', () => {
  it('reads numbers with a decimal point or a decimal comma, thousands separators and signs', () => {
    const cases: Array<[string, number | null]> = [
      ['12', 12],
      ['12.5', 12.5],
      ['12,5', 12.5],
      ['-3', -3],
      ['+4,25', 4.25],
      ['.5', 0.5],
      ['1,234.56', 1234.56],
      ['1.234,56', 1234.56],
      ['1 234,5', 1234.5],
      ['1.234.567', 1234567],
      ['1,234,567', 1234567],
      ['1e3', 1000],
      ['12 5', null],
      ['1,23,4', null],
      ['abc', null],
      ['', null],
      ['1.2.3,4', null],
    ];
    for (const [text, value] of cases) expect(parseNumber(text), text).toBe(value);
  });

  it('reads prices with a currency symbol or code on either side', () => {
    expect(parsePrice('€12,50')).toBe(12.5);
    expect(parsePrice('12.50 EUR')).toBe(12.5);
    expect(parsePrice('$ 1,299.00')).toBe(1299);
    expect(parsePrice('19,99 €')).toBe(19.99);
    expect(parsePrice('45')).toBe(45);
    expect(parsePrice('€12 EUR')).toBeNull();
    expect(parsePrice('about 12')).toBeNull();
  });

  it('reads booleans as true/false, yes/no or 1/0 in any case', () => {
    expect(['true', 'YES', '1', ' Yes '].map(parseBoolean)).toEqual([true, true, true, true]);
    expect(['false', 'no', '0'].map(parseBoolean)).toEqual([false, false, false]);
    expect(parseBoolean('maybe')).toBeNull();
  });

  it('splits lists on " %% " or "|" and tidies category paths', () => {
    expect(splitList('red | blue|green')).toEqual(['red', 'blue', 'green']);
    expect(splitList('a %% b %% c')).toEqual(['a', 'b', 'c']);
    expect(convertText('Men>Shoes >  Boots | Sale > Men', 'categories')).toEqual({
      ok: true,
      value: ['Men > Shoes > Boots', 'Sale > Men'],
    });
  });

  it('reports what does not fit its column instead of storing it', () => {
    expect(convertText('twelve', 'number')).toMatchObject({ ok: false, reason: 'Not a number' });
    expect(convertText('12 apples', 'price')).toMatchObject({ ok: false });
    expect(convertText('perhaps', 'boolean')).toMatchObject({ ok: false });
    expect(convertText('31/05/2024', 'date')).toMatchObject({ ok: false });
    expect(convertText('2024-02-30x', 'date')).toMatchObject({ ok: false });
    expect(convertText('shop.example.com/a', 'url')).toMatchObject({ ok: false });
    expect(convertText('P-9', 'id')).toMatchObject({ ok: false });
  });

  it('keeps text as typed, takes ISO dates and web addresses, and clears on an empty cell', () => {
    expect(convertText('  Linen shirt ', 'text')).toEqual({ ok: true, value: '  Linen shirt ' });
    expect(convertText('2024-05-31', 'date')).toEqual({ ok: true, value: '2024-05-31' });
    expect(convertText('2024-05-31T14:00:00Z', 'date')).toEqual({ ok: true, value: '2024-05-31T14:00:00Z' });
    expect(convertText('https://a.example/x.jpg', 'image')).toEqual({ ok: true, value: 'https://a.example/x.jpg' });
    expect(convertText('   ', 'number')).toEqual({ ok: true, value: null });
  });
});

describe('field kinds are told from the values and the name', () => {
  it('tells every kind the grid edits differently', () => {
    expect(detectKind('id', ['A-1'])).toBe('id');
    expect(detectKind('title', ['Shirt', 'Scarf'])).toBe('text');
    expect(detectKind('weight', [1, 2.5])).toBe('number');
    expect(detectKind('sale_price', [10, 12.5])).toBe('price');
    expect(detectKind('cost', ['12.50 EUR', '€3'])).toBe('price');
    expect(detectKind('in_stock', [true, false])).toBe('boolean');
    expect(detectKind('tags', [['a', 'b'], ['c']])).toBe('list');
    expect(detectKind('categories', [['Men > Shirts'], ['Women > Scarves', 'Sale > Women']])).toBe('categories');
    expect(detectKind('link', ['https://shop.example/p/1'])).toBe('url');
    expect(detectKind('image_link', ['https://shop.example/media/1'])).toBe('image');
    expect(detectKind('picture', ['https://shop.example/media/1.png'])).toBe('image');
    expect(detectKind('released', ['2024-05-31', '2024-06-01T10:00:00Z'])).toBe('date');
    expect(detectKind('gtin', ['5028689716871'])).toBe('text');
  });

  it('falls back to text when values disagree', () => {
    expect(detectKind('mixed', [1, 'one', true, 'two'])).toBe('text');
  });
});
