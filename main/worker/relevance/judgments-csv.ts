/**
 * Judgments as CSV, `query,id,grade` with a header row, so grades can come from a spreadsheet
 * or another relevance tool and go back to one. Reading reports each bad row with its line
 * (as an editor counts them) and goes on: one typo does not lose a file of grades.
 */
import Papa from 'papaparse';
import type { CsvProblem } from '../../../preload/contract';

export const JUDGMENT_COLUMNS = ['query', 'id', 'grade'] as const;

export interface JudgmentRow {
  line: number;
  query: string;
  id: string;
  grade: number;
}

export interface ParsedJudgments {
  rows: JudgmentRow[];
  problems: CsvProblem[];
}

const BOM = '\uFEFF';

type Column = (typeof JUDGMENT_COLUMNS)[number];
type ColumnIndexes = Record<Column, number>;

/** `column` is the file's 0-based index of the column at fault, reported 1-based with its name. */
const problem = (line: number, at: { index: number; name: Column } | null, reason: string): CsvProblem => ({
  line,
  column: at === null ? null : at.index + 1,
  columnName: at?.name ?? null,
  reason,
  severity: 'error',
});

/** Lines of the text before each offset, counted once as the parse moves on. */
function lineCounter(text: string): (offset: number) => number {
  let line = 1;
  let at = 0;
  return (offset) => {
    for (; at < offset && at < text.length; at += 1) if (text[at] === '\n') line += 1;
    return line;
  };
}

/** The header names the columns; they may come in any order, and case and spaces do not matter. */
function columnIndexes(header: readonly string[]): ColumnIndexes | null {
  const names = header.map((name) => name.trim().toLowerCase());
  const [query, id, grade] = JUDGMENT_COLUMNS.map((column) => names.indexOf(column));
  if (query === undefined || id === undefined || grade === undefined) return null;
  if (query < 0 || id < 0 || grade < 0) return null;
  return { query, id, grade };
}

function checkRow(cells: readonly string[], at: ColumnIndexes, line: number): JudgmentRow | CsvProblem {
  const column = (name: Column) => ({ index: at[name], name });
  const query = (cells[at.query] ?? '').trim();
  const id = (cells[at.id] ?? '').trim();
  const gradeText = (cells[at.grade] ?? '').trim();
  if (query === '') return problem(line, column('query'), 'The query is missing.');
  if (query.length > 200)
    return problem(line, column('query'), 'The query is longer than the 200 characters Doofinder takes.');
  if (id === '') return problem(line, column('id'), 'The result id is missing.');
  if (!/^[0-3]$/.test(gradeText))
    return problem(
      line,
      column('grade'),
      gradeText === '' ? 'The grade is missing (0 to 3).' : `"${gradeText}" is not a grade: use 0, 1, 2 or 3.`,
    );
  return { line, query, id, grade: Number(gradeText) };
}

export function parseJudgments(content: string): ParsedJudgments {
  const text = content.startsWith(BOM) ? content.slice(BOM.length) : content;
  const lineAt = lineCounter(text);
  const rows: JudgmentRow[] = [];
  const problems: CsvProblem[] = [];
  let columns: ReturnType<typeof columnIndexes> | undefined;
  let rowStart = 0;
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    step: (result) => {
      const line = lineAt(rowStart);
      rowStart = result.meta.cursor;
      // The line break after the row belongs to it.
      if (text[rowStart] === '\r') rowStart += 1;
      if (text[rowStart] === '\n') rowStart += 1;
      const cells = result.data;
      if (cells.every((cell) => cell.trim() === '')) return;
      if (columns === undefined) {
        columns = columnIndexes(cells);
        if (columns === null)
          problems.push(problem(line, null, 'The first row must name the columns query, id and grade.'));
        return;
      }
      if (columns === null) return;
      const checked = checkRow(cells, columns, line);
      if ('reason' in checked) problems.push(checked);
      else rows.push(checked);
    },
  });
  if (columns === undefined) problems.push(problem(1, null, 'The file is empty: expected a header query,id,grade.'));
  return { rows, problems };
}

/**
 * A header, UTF-8 with a BOM (Excel reads accents right only with it), CRLF lines. Cells are
 * written as they are (no formula escaping): the queries and ids are the user's own, and a
 * round trip through the app must give them back unchanged.
 */
export function judgmentsCsv(rows: ReadonlyArray<{ query: string; itemId: string; grade: number }>): string {
  const table = Papa.unparse(
    { fields: [...JUDGMENT_COLUMNS], data: rows.map((row) => [row.query, row.itemId, String(row.grade)]) },
    { newline: '\r\n' },
  );
  return `${BOM}${table}\r\n`;
}
