import { describe, expect, it } from 'vitest';
import type { FieldKind } from '../../../preload/contract';
import { convertText } from '../../../main/worker/catalog/convert';
import {
  displayText,
  listItems,
  normalizePath,
  parseNumber,
  parsePrice,
  valueFromText,
  problemWith,
  textToSend,
  valueText,
} from '../../../renderer/grid/cell-values';

describe('cell values as people read and type them', () => {
  it('copies lists and category paths joined with " | "', () => {
    expect(valueText(['red', 'blue'])).toBe('red | blue');
    expect(valueText(['Men > Shoes', 'Sale > Men'])).toBe('Men > Shoes | Sale > Men');
    expect(valueText(12.5)).toBe('12.5');
    expect(valueText(null)).toBe('');
    expect(valueText(true)).toBe('true');
  });

  it('shows prices with cents and booleans as words', () => {
    expect(displayText('price', 49.9)).toBe('49.90');
    expect(displayText('price', 1249)).toBe('1,249.00');
    expect(displayText('number', 3)).toBe('3');
    expect(displayText('boolean', false)).toBe('No');
    expect(displayText('text', undefined)).toBe('');
  });

  it('accepts numbers as typed, with a decimal point or comma and thousands separators', () => {
    expect(parseNumber(' 12.5 ')).toBe(12.5);
    expect(parseNumber('12,5')).toBe(12.5);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('1,234.56')).toBe(1234.56);
    expect(parseNumber('1.234,56')).toBe(1234.56);
    expect(parseNumber('12 euros')).toBeNull();
    expect(parseNumber('1,23,4')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });

  it('accepts prices with a currency before or after, as the worker does', () => {
    expect(parsePrice('€12,50')).toBe(12.5);
    expect(parsePrice('12.50 EUR')).toBe(12.5);
    expect(parsePrice('12.50 apples')).toBeNull();
    expect(problemWith('price', '$ 9.99')).toBeNull();
  });

  it('says what is wrong with a price or number before it is sent', () => {
    expect(problemWith('price', 'cheap')).toMatch(/not a price/);
    expect(problemWith('price', '-1')).toMatch(/cannot be negative/);
    expect(problemWith('price', '19.99')).toBeNull();
    expect(problemWith('number', 'x')).toMatch(/not a number/);
    expect(problemWith('boolean', 'maybe')).toMatch(/true or false/);
    expect(problemWith('url', 'example.com')).toMatch(/http/);
    expect(problemWith('date', '31/01/2025')).toMatch(/not a date/);
    expect(problemWith('date', '2025-01-31')).toBeNull();
    expect(problemWith('text', 'anything')).toBeNull();
  });

  it('lets any column be cleared with empty text', () => {
    expect(problemWith('price', '  ')).toBeNull();
    expect(textToSend('price', '')).toBeNull();
  });

  it('sends tidy text: lists and paths joined the same way, numbers as typed for the worker to read', () => {
    expect(textToSend('price', ' 12,50 ')).toBe('12,50');
    expect(textToSend('boolean', 'Yes')).toBe('true');
    expect(textToSend('list', 'red|blue |  | green')).toBe('red | blue | green');
    expect(textToSend('categories', 'Men>Shoes | Sale >Men>  Boots')).toBe('Men > Shoes | Sale > Men > Boots');
    expect(textToSend('text', '  keep my spaces ')).toBe('  keep my spaces ');
  });

  it('reads paths as A > B > C and lists as chips', () => {
    expect(normalizePath('A>B >  C')).toBe('A > B > C');
    expect(listItems(['a', '', 'b'])).toEqual(['a', 'b']);
    expect(listItems('a | b')).toEqual(['a', 'b']);
    expect(listItems(null)).toEqual([]);
  });

  it('shows an edit at once in the cell’s own form, before the worker answers', () => {
    expect(valueFromText('price', '12.5')).toBe(12.5);
    expect(valueFromText('boolean', 'true')).toBe(true);
    expect(valueFromText('list', 'a | b')).toEqual(['a', 'b']);
    expect(valueFromText('text', 'x')).toBe('x');
    expect(valueFromText('price', null)).toBeNull();
  });
});

describe('the grid and the worker read typed text the same way', () => {
  const samples: Array<[FieldKind, string]> = [
    ['number', '1.234,56'],
    ['number', '1 234,5'],
    ['number', "1'234.5"],
    ['number', '1e3'],
    ['number', '1,23,4'],
    ['number', '12 euros'],
    ['price', '€12,50'],
    ['price', '12.50 EUR'],
    ['price', 'US$ 3'],
    ['price', '12.50 apples'],
    ['price', '€12 EUR'],
    ['boolean', 'Yes'],
    ['boolean', '0'],
    ['boolean', 'maybe'],
    ['url', 'https://example.com/a'],
    ['url', 'ftp://example.com'],
    ['date', '2025-01-31T10:00:00Z'],
    ['date', '31/01/2025'],
  ];

  it('an editor accepts exactly the text the worker would store, and shows the value it stores', () => {
    for (const [kind, text] of samples) {
      const stored = convertText(text, kind);
      expect(problemWith(kind, text) === null, `${kind} "${text}"`).toBe(stored.ok);
      if (stored.ok) expect(valueFromText(kind, text), `${kind} "${text}"`).toEqual(stored.value);
    }
  });

  it('splits a list on " %% " as well as "|", as the worker does', () => {
    expect(textToSend('list', 'red %% blue|green')).toBe('red | blue | green');
    expect(convertText('red %% blue|green', 'list')).toEqual({ ok: true, value: ['red', 'blue', 'green'] });
  });
});
