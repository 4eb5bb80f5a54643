/**
 * A CSV file as a header and rows, checked as they stream by: the header's names (none
 * twice), each row's field count (empty trailing fields past the header, which shops with a
 * trailing delimiter write, are accepted with a warning), quote problems; and the file as a
 * whole (not empty, not a header alone). Blank lines are skipped but counted.
 */
import { fileError, problem, type CsvProblem } from '../errors';
import { decodedText, type FileRead } from './decode';
import type { CsvDialect } from './dialect';
import { csvRecordBatches, type CsvRecord } from './records';

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
  /** The rows after the header, one at a time. */
  rows: AsyncGenerator<CsvRow>;
  /** The same rows a parsed slice at a time (the dry run's path: one await per slice). Read one of the two. */
  batches: AsyncGenerator<CsvRow[]>;
}

/** A record as a row of the table, or null for a blank line. */
function rowOf(header: CsvHeader, record: CsvRecord): CsvRow | null {
  if (isBlank(record.cells) && !record.quoteProblem) return null;
  if (!record.quoteProblem) return checkRow(header, record.line, record.cells);
  const { column, reason } = record.quoteProblem;
  return {
    line: record.line,
    cells: record.cells,
    problems: [problem(record.line, column, reason, { columnName: header.columns[column - 1] ?? null })],
  };
}

/**
 * Opens the file and reads up to its header; `rows` (or `batches`) streams the rest. The
 * header-only check runs when the rows are exhausted (it throws then).
 */
export async function openTable(file: string, dialect: CsvDialect, read?: FileRead): Promise<CsvTable> {
  const records = csvRecordBatches(decodedText(file, dialect, read ? { read } : {}), dialect.delimiter);
  for (;;) {
    const next = await records.next();
    if (next.done) throw fileError(1, 1, 'The file is empty: it has no header row and no rows.');
    const at = next.value.findIndex((record) => !isBlank(record.cells));
    const record = next.value[at];
    if (!record) continue;
    if (record.quoteProblem) {
      await records.return(undefined);
      throw fileError(
        record.line,
        record.quoteProblem.column,
        `The header row is malformed: ${record.quoteProblem.reason}`,
      );
    }
    const header = checkHeader(record.cells, record.line);
    const batches = batchesAfter(header, next.value.slice(at + 1), records);
    return { header, rows: oneByOne(batches), batches };
  }
}

async function* oneByOne(batches: AsyncGenerator<CsvRow[]>): AsyncGenerator<CsvRow> {
  try {
    for await (const batch of batches) yield* batch;
  } finally {
    await batches.return(undefined);
  }
}

async function* batchesAfter(
  header: CsvHeader,
  first: CsvRecord[],
  records: AsyncGenerator<CsvRecord[]>,
): AsyncGenerator<CsvRow[]> {
  let count = 0;
  const rowsOf = (batch: CsvRecord[]): CsvRow[] => {
    const rows: CsvRow[] = [];
    for (const record of batch) {
      const row = rowOf(header, record);
      if (row) rows.push(row);
    }
    count += rows.length;
    return rows;
  };
  try {
    const rows = rowsOf(first);
    if (rows.length > 0) yield rows;
    for await (const batch of records) {
      const more = rowsOf(batch);
      if (more.length > 0) yield more;
    }
  } finally {
    await records.return(undefined);
  }
  if (count === 0) throw fileError(header.line + 1, 1, 'The file has a header row but no rows under it.');
}
