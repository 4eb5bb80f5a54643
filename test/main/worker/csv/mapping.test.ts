import { describe, expect, it } from 'vitest';
import type { FieldInfo } from '../../../../preload/contract';
import { convertText } from '../../../../main/worker/catalog/convert';
import { CsvFileError } from '../../../../main/worker/csv/errors';
import { convertCell, convertId } from '../../../../main/worker/csv/mapping/convert-cell';
import { gtinCheckDigitOk } from '../../../../main/worker/csv/mapping/identifiers';
import type { ColumnMapping } from '../../../../main/worker/csv/mapping/mapping';
import { checkMapping, proposeMapping } from '../../../../main/worker/csv/mapping/match-columns';
import { listPresets, presetForHeader, savePreset } from '../../../../main/worker/csv/mapping/presets';
import { catalogFixture } from '../catalog/catalog-fixture';

const FIELDS: FieldInfo[] = [
  { name: 'id', kind: 'id', count: 10 },
  { name: 'title', kind: 'text', count: 10 },
  { name: 'price', kind: 'price', count: 10 },
  { name: 'image_link', kind: 'image', count: 10 },
  { name: 'categories', kind: 'categories', count: 10 },
  { name: 'gtin', kind: 'number', count: 10 },
  { name: 'Marca', kind: 'text', count: 10 },
];

const fieldsOf = (columns: string[]) =>
  Object.fromEntries(proposeMapping(columns, FIELDS).columns.map((column) => [column.column, column.field]));

describe('columns find their fields', () => {
  it('by name with case and accents ignored, and by the synonyms shops use', () => {
    expect(fieldsOf(['ID', 'Título', 'imagen', 'EAN', 'marca', 'Categorías', 'Regular price'])).toEqual({
      ID: 'id',
      Título: 'title',
      imagen: 'image_link',
      EAN: 'gtin',
      marca: 'Marca',
      Categorías: 'categories',
      'Regular price': 'price',
    });
  });

  it('a Shopify header maps Handle to the id, Vendor to the brand field the type has, the rest to Doofinder-named new fields', () => {
    const mapping = proposeMapping(
      ['Handle', 'Title', 'Body (HTML)', 'Vendor', 'Variant SKU', 'Variant Price', 'Image Src'],
      FIELDS,
    );
    expect(mapping.columns.map((column) => [column.field, column.isNew])).toEqual([
      ['id', false],
      ['title', false],
      ['description', true],
      ['Marca', false],
      ['sku', true],
      ['price', false],
      ['image_link', false],
    ]);
  });

  it('identifiers are text whatever kind the catalog guessed, and a second column for a field gets its own', () => {
    const mapping = proposeMapping(['id', 'gtin', 'EAN', 'Weird Column!'], FIELDS);
    expect(mapping.columns.map((column) => [column.field, column.kind])).toEqual([
      ['id', 'id'],
      ['gtin', 'text'],
      ['ean', 'text'],
      ['weird_column', 'text'],
    ]);
  });

  it('a file without an id column is refused, naming its columns', () => {
    const mapping = proposeMapping(['Name', 'Price'], FIELDS);
    expect(() => checkMapping(mapping, 1)).toThrow(CsvFileError);
    expect(() => checkMapping(mapping, 1)).toThrow(/No column is the item id.*Name, Price/);
  });
});

const column = (field: string, kind: ColumnMapping['kind']): ColumnMapping => ({
  column: field,
  index: 0,
  field,
  kind,
  isNew: false,
  matchedBy: 'name',
});

describe('cells become values by their kind', () => {
  it('numbers and prices with either decimal mark and a currency, booleans, lists, categories', () => {
    expect(convertCell(column('price', 'price'), '12,50 €', 3, null)).toEqual({ ok: true, value: 12.5 });
    expect(convertCell(column('price', 'price'), '19.99 EUR', 3, null)).toEqual({ ok: true, value: 19.99 });
    expect(convertCell(column('stock', 'number'), '1.234,5', 3, null)).toEqual({ ok: true, value: 1234.5 });
    expect(convertCell(column('in_stock', 'boolean'), 'yes', false, null)).toEqual({ ok: true, value: true });
    expect(convertCell(column('tags', 'list'), 'a, b,c', null, ',')).toEqual({ ok: true, value: ['a', 'b', 'c'] });
    expect(convertCell(column('categories', 'categories'), 'A>B %% C', null, null)).toEqual({
      ok: true,
      value: ['A > B', 'C'],
    });
    const bad = convertCell(column('price', 'price'), 'twelve', 3, null);
    expect(bad).toMatchObject({ ok: false, reason: expect.stringMatching(/Not a price.*twelve/) as unknown });
  });

  it('a list separator can be chosen for an import (convert.ts)', () => {
    expect(convertText('red; blue', 'list', { listSeparator: ';' })).toEqual({ ok: true, value: ['red', 'blue'] });
    expect(convertText('red | blue', 'list')).toEqual({ ok: true, value: ['red', 'blue'] });
  });

  it('identifiers keep their leading zeros and flag what a spreadsheet did to them', () => {
    expect(convertCell(column('sku', 'text'), '00123', null, null)).toEqual({ ok: true, value: '00123' });
    expect(convertId('007')).toEqual({ ok: true, id: '007' });
    expect(convertId('1.23457E+12')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/scientific/) as unknown,
    });
    expect(convertCell(column('gtin', 'text'), '4.00638E+12', null, null)).toMatchObject({ ok: false });
    expect(convertCell(column('gtin', 'text'), '4006381333931', '04006381333931', null)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/leading zero/) as unknown,
    });
    expect(convertCell(column('gtin', 'text'), '40063813339', null, null)).toMatchObject({
      ok: true,
      warning: expect.stringMatching(/11/) as unknown,
    });
    expect(convertCell(column('gtin', 'text'), '4006381333932', null, null)).toMatchObject({
      ok: true,
      warning: expect.stringMatching(/check digit/) as unknown,
    });
    expect(gtinCheckDigitOk('4006381333931')).toBe(true);
    expect(gtinCheckDigitOk('96385074')).toBe(true);
  });

  it('text written the way the catalog value is written keeps the value (a number held in a text field)', () => {
    expect(convertCell(column('code', 'text'), '42', 42, null)).toEqual({ ok: true, value: 42 });
    expect(convertCell(column('gtin', 'text'), '4006381333931', 4006381333931, null)).toEqual({
      ok: true,
      value: 4006381333931,
    });
  });
});

describe('mapping presets', () => {
  it('are saved per engine and type and found again for the same header, case and accents ignored', () => {
    const fixture = catalogFixture([]);
    try {
      const mapping = proposeMapping(['ID', 'Título'], FIELDS);
      savePreset(fixture.db, 'eng1', 'product', 'Supplier A', mapping);
      expect(listPresets(fixture.db, 'eng1', 'product').map((preset) => preset.name)).toEqual(['Supplier A']);
      expect(presetForHeader(fixture.db, 'eng1', 'product', ['id', 'TITULO'])?.name).toBe('Supplier A');
      expect(presetForHeader(fixture.db, 'eng1', 'product', ['id', 'price'])).toBeNull();
      expect(presetForHeader(fixture.db, 'eng1', 'other', ['ID', 'Título'])).toBeNull();
    } finally {
      fixture.close();
    }
  });
});
