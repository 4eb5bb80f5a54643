/** The first rows of a file as the parser sees them, with the encoding and delimiter it used (both can be overridden). */
import type { CsvProblem } from '../errors';
import { detectDialect, type CsvDialect, type DialectOverrides } from './dialect';
import { openTable, type CsvRow } from './table';

export interface CsvPreview {
  dialect: CsvDialect;
  columns: string[];
  headerLine: number;
  rows: CsvRow[];
  problems: CsvProblem[];
}

export async function previewCsv(file: string, count: number, overrides: DialectOverrides = {}): Promise<CsvPreview> {
  const dialect = await detectDialect(file, overrides);
  const table = await openTable(file, dialect);
  const rows: CsvRow[] = [];
  if (count > 0) {
    for await (const row of table.rows) {
      rows.push(row);
      if (rows.length >= count) break;
    }
  }
  return {
    dialect,
    columns: table.header.columns,
    headerLine: table.header.line,
    rows,
    problems: rows.flatMap((row) => row.problems),
  };
}
