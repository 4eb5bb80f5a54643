/**
 * Text through papaparse's parser a slice at a time, as rows of cells with the line each
 * starts on. Papaparse's own streamers parse the unfinished last row again with every new
 * chunk, which is quadratic in a long cell (a 50 MB description would be scanned some 800
 * times); here an unfinished row is parsed again only once the text has doubled, so any
 * row costs a few passes over itself and memory stays near its own size.
 */
import Papa from 'papaparse';
import type { Delimiter } from './delimiter';

/** Text parsed at a time when rows are short. */
const SLICE_CHARS = 256 * 1024;
/** A row longer than this is a quote left open, not a cell (DESIGN.md: a 50 MB description must work). */
export const MAX_ROW_CHARS = 128 * 1024 * 1024;

export interface CsvRecord {
  /** The line the row starts on (1-based; a quoted cell may span several lines). */
  line: number;
  cells: string[];
  /** A quote problem papaparse found in the row, with the cell it is in (1-based). */
  quoteProblem: { column: number; reason: string } | null;
}

const QUOTE_PROBLEMS: Record<string, string> = {
  MissingQuotes:
    'A quoted cell is never closed: a " opens it and no " ends it, so the rest of the file became one cell',
  InvalidQuotes: 'A quoted cell has text after its closing quote (a " inside a cell must be written twice: "")',
};

interface Parsed {
  rows: string[][];
  cursor: number;
  problems: Map<number, string>;
}

function parseSlice(text: string, delimiter: Delimiter, last: boolean): Parsed {
  const parser = new Papa.Parser({ delimiter, newline: '\n', quoteChar: '"' });
  const result = parser.parse(text, 0, !last) as Papa.ParseResult<string[]>;
  const problems = new Map<number, string>();
  for (const error of result.errors) {
    const reason = QUOTE_PROBLEMS[error.code];
    if (reason && error.row !== undefined && !problems.has(error.row)) problems.set(error.row, reason);
  }
  return { rows: result.data, cursor: last ? text.length : result.meta.cursor, problems };
}

function newlinesIn(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) count += 1;
  }
  return count;
}

/**
 * The records a slice at a time (a few hundred rows): one await per slice rather than per
 * row, which at a million rows is a second of promise hops saved on the dry run's path.
 */
export async function* csvRecordBatches(
  text: AsyncIterable<string>,
  delimiter: Delimiter,
): AsyncGenerator<CsvRecord[]> {
  let line = 1;
  let pending = '';
  let parseAt = SLICE_CHARS;
  function emit(parsed: Parsed): CsvRecord[] {
    const records: CsvRecord[] = [];
    for (const [index, cells] of parsed.rows.entries()) {
      const at = line;
      line += 1 + newlinesIn(cells);
      const reason = parsed.problems.get(index);
      records.push({ line: at, cells, quoteProblem: reason ? { column: Math.max(1, cells.length), reason } : null });
    }
    return records;
  }
  for await (const chunk of text) {
    pending += chunk;
    if (pending.length < parseAt) continue;
    if (pending.length > MAX_ROW_CHARS) break;
    const parsed = parseSlice(pending, delimiter, false);
    pending = pending.slice(parsed.cursor);
    const records = emit(parsed);
    if (records.length > 0) yield records;
    parseAt = Math.max(SLICE_CHARS, pending.length * 2);
  }
  if (pending === '') return;
  // The end of the text, or a row too long to be one: parse what is there as the last rows.
  const parsed = parseSlice(pending, delimiter, true);
  // The text ends with a newline: papaparse gives an empty last row for it, which is no line.
  const rows = parsed.rows;
  if (pending.endsWith('\n') && rows.length > 0 && rows.at(-1)?.length === 1 && rows.at(-1)?.[0] === '') rows.pop();
  const records = emit(parsed);
  if (records.length > 0) yield records;
}
