/**
 * A CSV file as a header and rows, checked as they stream by: the header's names (none
 * twice), each row's field count (empty trailing fields past the header, which shops with a
 * trailing delimiter write, are accepted with a warning), quote problems; and the file as a
 * whole (not empty, not a header alone). Blank lines are skipped but counted.
 */
import { fileError, problem, type CsvProblem } from '../errors';
import { decodedText, type FileRead } from './decode';
import type { CsvDialect } from './dialect';
import { csvRecords, type CsvRecord } from './records';

export interface CsvRow {
  line: number;
  cells: string[];
  /** Problems of the row as a whole or of one cell; an error makes the row invalid. */
  problems: CsvProblem[];
}

export interface CsvHeader {
  line: number;
  columns: string[];
}

const isBlank = (cells: readonly string[]) => cells.length === 1 && (cells[0] ?? '').trim() === '';

/** Header names, trimmed; a name twice (case ignored) makes the file ambiguous. */
export function checkHeader(cells: readonly string[], line: number): CsvHeader {
  const columns = cells.map((cell) => cell.trim());
  // A trailing delimiter on the header line adds nameless columns at the end: not columns.
  while (columns.length > 1 && columns.at(-1) === '') columns.pop();
  const seen = new Map<string, number>();
  columns.forEach((name, index) => {
    if (name === '') return;
    const key = name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined)
      throw fileError(
        line,
        index + 1,
        `The header names "${name}" twice (also column ${first + 1}): which one holds the values?`,
        name,
      );
    seen.set(key, index);
  });
  return { line, columns };
}

/** A row's cells against the header: right count, or trailing empties (a warning), or wrong. */
export function checkRow(header: CsvHeader, line: number, cells: string[]): CsvRow {
  const width = header.columns.length;
  if (cells.length === width) return { line, cells, problems: [] };
  const extra = cells.slice(width);
  if (cells.length > width && extra.every((cell) => cell.trim() === '')) {
    const warning = problem(
      line,
      width + 1,
      `${extra.length} empty ${extra.length === 1 ? 'field' : 'fields'} past the header's ${width} (a trailing delimiter): ignored`,
      { severity: 'warning' },
    );
    return { line, cells: cells.slice(0, width), problems: [warning] };
  }
  const column = cells.length > width ? width + 1 : cells.length;
  const reason = `Wrong number of fields: the header has ${width}, this row has ${cells.length}${cells.length > width ? ' (a delimiter inside a cell that is not quoted?)' : ''}`;
  return { line, cells, problems: [problem(line, column, reason, { columnName: header.columns[column - 1] ?? null })] };
}

export interface CsvTable {
  header: CsvHeader;
  rows: AsyncGenerator<CsvRow>;
}

/**
 * Opens the file and reads up to its header; `rows` streams the rest. The header-only
 * check runs when the rows are exhausted (it throws then).
 */
export async function openTable(file: string, dialect: CsvDialect, read?: FileRead): Promise<CsvTable> {
  const records = csvRecords(decodedText(file, dialect, read ? { read } : {}), dialect.delimiter);
  for (;;) {
    const next = await records.next();
    if (next.done) throw fileError(1, 1, 'The file is empty: it has no header row and no rows.');
    const record = next.value;
    if (isBlank(record.cells)) continue;
    if (record.quoteProblem) {
      await records.return(undefined);
      throw fileError(
        record.line,
        record.quoteProblem.column,
        `The header row is malformed: ${record.quoteProblem.reason}`,
      );
    }
    const header = checkHeader(record.cells, record.line);
    return { header, rows: rowsAfter(header, records) };
  }
}

async function* rowsAfter(header: CsvHeader, records: AsyncGenerator<CsvRecord>): AsyncGenerator<CsvRow> {
  let count = 0;
  try {
    for await (const record of records) {
      if (isBlank(record.cells) && !record.quoteProblem) continue;
      count += 1;
      if (record.quoteProblem) {
        const { column, reason } = record.quoteProblem;
        yield {
          line: record.line,
          cells: record.cells,
          problems: [problem(record.line, column, reason, { columnName: header.columns[column - 1] ?? null })],
        };
        continue;
      }
      yield checkRow(header, record.line, record.cells);
    }
  } finally {
    await records.return(undefined);
  }
  if (count === 0) throw fileError(header.line + 1, 1, 'The file has a header row but no rows under it.');
}
