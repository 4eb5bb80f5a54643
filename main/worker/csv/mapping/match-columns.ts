/**
 * The mapping proposed for a file's header: a column named like a field of the type (case
 * and accents ignored) fills it; else a synonym fills the field of its group the type has
 * ("Image Src" -> image_link); else it is offered as a new field (with the Doofinder name
 * when it is a known synonym: "Vendor" -> brand) and the user may ignore it. Identifiers
 * are always text. A field is filled by one column: a later one goes to a field of its own.
 */
import type { FieldInfo, FieldKind } from '../../../../preload/contract';
import { fileError } from '../errors';
import type { ColumnMapping, CsvMapping } from './mapping';
import { guessKind } from './guess-kind';
import { fieldNameFor, isIdentifier, nameKey, synonymGroup } from './names';

/** Kinds of new fields named like Doofinder's. */
const NEW_FIELD_KINDS: Record<string, FieldKind> = {
  price: 'price',
  sale_price: 'price',
  image_link: 'image',
  link: 'url',
  categories: 'categories',
  tags: 'list',
};

/** A column's first values (cells of the first rows), for the kinds of new fields. */
export type ColumnSamples = (index: number) => readonly string[];

export function proposeMapping(
  columns: readonly string[],
  fields: readonly FieldInfo[],
  samples: ColumnSamples | null = null,
): CsvMapping {
  const kindFor = (field: string, known: FieldKind | undefined, index: number): FieldKind => {
    if (field === 'id') return 'id';
    if (isIdentifier(field)) return 'text';
    if (known) return known;
    const sample = samples?.(index) ?? [];
    return sample.some((text) => text.trim() !== '')
      ? guessKind(field, sample, null)
      : (NEW_FIELD_KINDS[field] ?? 'text');
  };
  const byKey = new Map(fields.map((field) => [nameKey(field.name), field]));
  const claimed = new Set<string>();
  const result: Array<ColumnMapping | null> = columns.map(() => null);
  const claim = (index: number, field: string, matchedBy: ColumnMapping['matchedBy']) => {
    const known = fields.find((info) => info.name === field);
    claimed.add(field);
    result[index] = {
      column: columns[index] ?? '',
      index,
      field,
      kind: kindFor(field, known?.kind, index),
      isNew: !known && field !== 'id',
      matchedBy,
    };
  };
  // Exact names first, so "ID" wins the id over "Handle" wherever they stand.
  columns.forEach((column, index) => {
    const field = byKey.get(nameKey(column));
    if (column !== '' && field && !claimed.has(field.name)) claim(index, field.name, 'name');
    else if (nameKey(column) === 'id' && !claimed.has('id')) claim(index, 'id', 'name');
  });
  columns.forEach((column, index) => {
    if (result[index] || column === '') return;
    const group = synonymGroup(nameKey(column));
    if (!group) return;
    const existing = group.map((key) => byKey.get(key)?.name).find((name) => name !== undefined && !claimed.has(name));
    const canonical = (group[0] ?? '').replace(/ /g, '_');
    if (existing) claim(index, existing, 'synonym');
    else if (!claimed.has(canonical) && !byKey.has(group[0] ?? '')) claim(index, canonical, 'synonym');
  });
  return {
    listSeparator: null,
    columns: columns.map((column, index) => {
      const found = result[index];
      if (found) return found;
      if (column === '') return { column, index, field: null, kind: 'text', isNew: false, matchedBy: 'none' };
      let field = fieldNameFor(column);
      while (claimed.has(field) || byKey.has(nameKey(field))) field = `${field}_${index + 1}`;
      claimed.add(field);
      return { column, index, field, kind: kindFor(field, undefined, index), isNew: true, matchedBy: 'new' };
    }),
  };
}

/** A mapping the import can run with: one id column, no field filled twice. */
export function checkMapping(mapping: CsvMapping, headerLine: number): void {
  const ids = mapping.columns.filter((column) => column.field === 'id');
  if (ids.length === 0) {
    const names = mapping.columns
      .map((column) => column.column)
      .filter(Boolean)
      .slice(0, 12)
      .join(', ');
    throw fileError(
      headerLine,
      null,
      `No column is the item id (an "id" column, or one chosen as the id). The columns are: ${names}`,
    );
  }
  const seen = new Map<string, ColumnMapping>();
  for (const column of mapping.columns) {
    if (column.field === null) continue;
    const other = seen.get(column.field);
    if (other)
      throw fileError(
        headerLine,
        column.index + 1,
        `Columns ${other.index + 1} (${other.column}) and ${column.index + 1} (${column.column}) both fill the field ${column.field}`,
        column.column,
      );
    seen.set(column.field, column);
  }
}
