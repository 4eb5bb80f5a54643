/**
 * The mapping table's edits, as pure functions over the contract's `CsvMapping`: send a
 * column to a field (existing or new) or nowhere, change its kind, take a saved preset, and
 * say what stops the dry run (no id column, a field filled twice, a bad new name).
 */
import type { CsvColumnMapping, CsvMapping, CsvPreset, FieldInfo, FieldKind } from '../../../preload/contract';

/** Where the user sends a column. */
export type ColumnChoice = { to: 'field'; field: string } | { to: 'new'; name: string } | { to: 'ignore' };

/** The contract's field names: what Doofinder accepts as a field. */
const FIELD_NAME = /^[A-Za-z_][\w]{0,199}$/;
/** Identifiers stay text: leading zeros kept, never read as numbers. */
const IDENTIFIERS = new Set(['id', 'sku', 'gtin', 'ean', 'mpn', 'upc', 'isbn']);

export function setColumnTarget(
  mapping: CsvMapping,
  index: number,
  choice: ColumnChoice,
  fields: readonly FieldInfo[],
): CsvMapping {
  return updateColumn(mapping, index, (column) => {
    if (choice.to === 'ignore') return { ...column, field: null, isNew: false, matchedBy: 'user' };
    const field = choice.to === 'field' ? choice.field : choice.name.trim();
    const known = fields.find((info) => info.name === field);
    const kind: FieldKind =
      field === 'id'
        ? 'id'
        : (known?.kind ?? (IDENTIFIERS.has(field) ? 'text' : column.kind === 'id' ? 'text' : column.kind));
    return { ...column, field, kind, isNew: field !== 'id' && !known, matchedBy: 'user' };
  });
}

export function setColumnKind(mapping: CsvMapping, index: number, kind: FieldKind): CsvMapping {
  return updateColumn(mapping, index, (column) => ({ ...column, kind, matchedBy: 'user' }));
}

function updateColumn(
  mapping: CsvMapping,
  index: number,
  change: (column: CsvColumnMapping) => CsvColumnMapping,
): CsvMapping {
  return { ...mapping, columns: mapping.columns.map((column) => (column.index === index ? change(column) : column)) };
}

/** What must be fixed before a dry run, each naming the column(s) concerned. */
export function mappingProblems(mapping: CsvMapping): string[] {
  const problems: string[] = [];
  const ids = mapping.columns.filter((column) => column.field === 'id');
  if (ids.length === 0) problems.push('Pick the column that holds each item’s id: an import matches items by id.');
  const byField = new Map<string, string[]>();
  for (const column of mapping.columns) {
    if (column.field === null) continue;
    byField.set(column.field, [...(byField.get(column.field) ?? []), label(column)]);
    if (column.isNew && !FIELD_NAME.test(column.field)) {
      problems.push(
        `Column ${label(column)}: “${column.field}” cannot be a field name (letters, digits and _ only, not starting with a digit).`,
      );
    }
  }
  for (const [field, columns] of byField) {
    if (columns.length > 1)
      problems.push(`Columns ${columns.join(' and ')} both go to “${field}”: keep one, ignore the other.`);
  }
  return problems;
}

function label(column: CsvColumnMapping): string {
  return column.column ? `“${column.column}”` : `${column.index + 1} (no name)`;
}

function key(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/**
 * A preset laid over this file's header: each column takes the preset's choice for the column
 * of the same name (case and accents ignored); columns the preset does not know are ignored.
 */
export function applyPreset(columns: readonly string[], preset: CsvPreset): CsvMapping {
  const saved = new Map(preset.mapping.columns.map((column) => [key(column.column), column]));
  return {
    listSeparator: preset.mapping.listSeparator,
    columns: columns.map((column, index) => {
      const match = saved.get(key(column));
      return match
        ? { ...match, column, index, matchedBy: 'preset' }
        : { column, index, field: null, kind: 'text', isNew: false, matchedBy: 'none' };
    }),
  };
}

/** Does the preset fit this header exactly (the worker picks such a preset by itself)? */
export function presetFits(columns: readonly string[], preset: CsvPreset): boolean {
  const saved = preset.mapping.columns.map((column) => key(column.column));
  return saved.length === columns.length && columns.every((column, index) => key(column) === saved[index]);
}

export function mappedCount(mapping: CsvMapping): { mapped: number; added: number; ignored: number } {
  let mapped = 0;
  let added = 0;
  let ignored = 0;
  for (const column of mapping.columns) {
    if (column.field === null) ignored += 1;
    else if (column.isNew) added += 1;
    else mapped += 1;
  }
  return { mapped, added, ignored };
}
