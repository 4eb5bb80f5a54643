import { describe, expect, it } from 'vitest';
import type { CsvMapping, CsvPreset, FieldInfo } from '../../../preload/contract';
import {
  applyPreset,
  mappedCount,
  mappingProblems,
  presetFits,
  setColumnKind,
  setColumnTarget,
} from '../../../renderer/pages/import-export/mapping-edit';

const fields: FieldInfo[] = [
  { name: 'id', kind: 'id', count: 10 },
  { name: 'title', kind: 'text', count: 10 },
  { name: 'price', kind: 'price', count: 10 },
  { name: 'gtin', kind: 'text', count: 4 },
];

const mapping: CsvMapping = {
  listSeparator: null,
  columns: [
    { column: 'SKU', index: 0, field: 'id', kind: 'id', isNew: false, matchedBy: 'synonym' },
    { column: 'Name', index: 1, field: 'title', kind: 'text', isNew: false, matchedBy: 'synonym' },
    { column: 'Precio', index: 2, field: 'price', kind: 'price', isNew: false, matchedBy: 'synonym' },
    { column: 'Vendor', index: 3, field: 'brand', kind: 'text', isNew: true, matchedBy: 'new' },
  ],
};

describe('the mapping table', () => {
  it('a ready mapping has no problems and counts what goes where', () => {
    expect(mappingProblems(mapping)).toEqual([]);
    expect(mappedCount(mapping)).toEqual({ mapped: 3, added: 1, ignored: 0 });
  });

  it('refuses a dry run without an id column, and says why', () => {
    const noId = setColumnTarget(mapping, 0, { to: 'ignore' }, fields);
    expect(noId.columns[0]).toMatchObject({ field: null, isNew: false, matchedBy: 'user' });
    expect(mappingProblems(noId)).toEqual([expect.stringMatching(/column that holds each item’s id/)]);
  });

  it('names both columns when two go to the same field', () => {
    const twice = setColumnTarget(mapping, 3, { to: 'field', field: 'title' }, fields);
    expect(twice.columns[3]).toMatchObject({ field: 'title', kind: 'text', isNew: false });
    expect(mappingProblems(twice)).toEqual([
      'Columns “Name” and “Vendor” both go to “title”: keep one, ignore the other.',
    ]);
  });

  it('takes an existing field’s kind, and keeps identifiers as text for a new field', () => {
    const toPrice = setColumnTarget(mapping, 1, { to: 'field', field: 'price' }, fields);
    expect(toPrice.columns[1]?.kind).toBe('price');
    const asNumber = setColumnKind(mapping, 3, 'number');
    const toEan = setColumnTarget(asNumber, 3, { to: 'new', name: 'ean' }, fields);
    expect(toEan.columns[3]).toMatchObject({ field: 'ean', kind: 'text', isNew: true });
  });

  it('flags a new field name Doofinder would refuse, naming the column', () => {
    const bad = setColumnTarget(mapping, 3, { to: 'new', name: '2nd brand' }, fields);
    expect(mappingProblems(bad)).toEqual([
      expect.stringContaining('Column “Vendor”: “2nd brand” cannot be a field name'),
    ]);
  });

  it('lays a preset over a header by column name, ignoring columns it does not know', () => {
    const preset: CsvPreset = { name: 'Supplier', mapping, savedAt: '2026-11-01T00:00:00Z' };
    const applied = applyPreset(['precio', 'sku', 'Stock'], preset);
    expect(applied.columns).toEqual([
      { column: 'precio', index: 0, field: 'price', kind: 'price', isNew: false, matchedBy: 'preset' },
      { column: 'sku', index: 1, field: 'id', kind: 'id', isNew: false, matchedBy: 'preset' },
      { column: 'Stock', index: 2, field: null, kind: 'text', isNew: false, matchedBy: 'none' },
    ]);
    expect(presetFits(['SKU', 'name', 'PRECIO', 'vendor'], preset)).toBe(true);
    expect(presetFits(['SKU', 'Name', 'Precio'], preset)).toBe(false);
  });
});
