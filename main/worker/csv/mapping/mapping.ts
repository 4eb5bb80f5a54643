/**
 * How a file's columns go into a type's fields: each column to an existing field, to a new
 * field, or ignored; exactly one to the id. What the dry run and the apply convert by.
 */
import type { CsvColumnMapping, CsvMapping } from '../../../../preload/contract';

export type ColumnMapping = CsvColumnMapping;
export type { CsvMapping };

export function idColumnOf(mapping: CsvMapping): ColumnMapping | null {
  return mapping.columns.find((column) => column.field === 'id') ?? null;
}
