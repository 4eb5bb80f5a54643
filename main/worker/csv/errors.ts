/**
 * What is wrong with a CSV file, and where: every message names the line (1-based, as a
 * text editor counts them) and, when it is about one cell, the column (1-based, and its
 * header name), so a catalog manager can open the file and fix it.
 */
import type { CsvProblem } from '../../../preload/contract';
import { AppError } from '../../errors';

export type { CsvProblem };

export function problem(
  line: number,
  column: number | null,
  reason: string,
  options: { columnName?: string | null; severity?: CsvProblem['severity'] } = {},
): CsvProblem {
  return { line, column, columnName: options.columnName ?? null, reason, severity: options.severity ?? 'error' };
}

/** "line 12, column 3 (price)" */
export function placeOf(p: Pick<CsvProblem, 'line' | 'column' | 'columnName'>): string {
  const column = p.column === null ? '' : `, column ${p.column}${p.columnName ? ` (${p.columnName})` : ''}`;
  return `line ${p.line}${column}`;
}

/** A file that cannot be read at all (empty, binary, no id column...): nothing of it is staged. */
export class CsvFileError extends AppError {
  readonly problem: CsvProblem;

  constructor(p: CsvProblem) {
    super('invalid_input', `The file cannot be imported: ${placeOf(p)}: ${p.reason}`, {
      line: p.line,
      column: p.column,
      columnName: p.columnName,
      reason: p.reason,
    });
    this.name = 'CsvFileError';
    this.problem = p;
  }
}

export function fileError(line: number, column: number | null, reason: string, columnName?: string): CsvFileError {
  return new CsvFileError(problem(line, column, reason, { columnName: columnName ?? null }));
}
