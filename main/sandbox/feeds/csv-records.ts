/**
 * Header-row CSV/TXT feeds, parsed by papaparse a slice of text at a time. The delimiter
 * is whichever of `|`, tab, `;` or `,` the header row uses most. Line numbers count
 * physical lines (a quoted cell may span several), as a person looking at the file would.
 */
import Papa from 'papaparse';
import { FeedError } from './feed-error';
import { MAX_RECORD_CHARS, type FeedRecord } from './feed-record';
import { cellValue } from './field-values';

const DELIMITERS = ['|', '\t', ';', ','] as const;

/** The candidate delimiter used most in the header line, outside quotes; `,` for one column. */
export function delimiterOf(headerLine: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const [delimiter, count] of counts) {
    if (count > bestCount) [best, bestCount] = [delimiter, count];
  }
  return best;
}

function newlinesIn(row: string[]): number {
  let count = 0;
  for (const cell of row) {
    if (!cell.includes('\n') && !cell.includes('\r')) continue;
    count += cell.match(/\r\n|\n|\r/g)?.length ?? 0;
  }
  return count;
}

function shortList(names: string[]): string {
  const shown = names.slice(0, 10).map((name) => (name.length > 40 ? `${name.slice(0, 40)}…` : name));
  return shown.join(', ') + (names.length > 10 ? ', …' : '');
}

/** Header names; an "ID" column is the key field whatever its case. */
function headerOf(row: string[], line: number): string[] {
  const names = row.map((cell) => cell.trim());
  if (!names.some((name) => name.toLowerCase() === 'id')) {
    throw new FeedError(
      `its header row (line ${line}) has no 'id' column; it has: ${shortList(names.filter(Boolean))}`,
    );
  }
  return names.map((name) => (name.toLowerCase() === 'id' ? 'id' : name));
}

function docOf(header: string[], row: string[]): Record<string, unknown> {
  const entries: Array<[string, unknown]> = [];
  header.forEach((name, index) => {
    if (name === '') return;
    const value = cellValue(name, row[index] ?? '');
    if (value !== undefined) entries.push([name, value]);
  });
  return Object.fromEntries(entries);
}

interface Dialect {
  delimiter: string;
  newline: '\r\n' | '\n' | '\r';
}

/** Delimiter and line ending, from the header line (the first that is not blank). */
function dialectOf(head: string): Dialect {
  const text = head.replace(/^(?:[ \t]*(?:\r\n|\n|\r))+/, '');
  const end = /\r\n|\n|\r/.exec(text);
  const newline = (end?.[0] ?? '\n') as Dialect['newline'];
  return { delimiter: delimiterOf(text.slice(0, end?.index ?? text.length)), newline };
}

/** Whether the header line (the first that is not blank) has arrived whole. Linear: it runs on every chunk until then. */
function hasHeaderLine(text: string): boolean {
  const start = text.search(/\S/);
  if (start === -1) return false;
  const newline = text.indexOf('\n', start);
  return newline !== -1 || text.indexOf('\r', start) !== -1;
}

/** Papaparse's quote errors, as a log line for the row they are in. */
const QUOTE_PROBLEMS: Record<string, string> = {
  MissingQuotes: 'A quoted cell is never closed (the rest of the file would be one cell)',
  InvalidQuotes: 'A quoted cell has text after its closing quote',
};

interface Rows {
  rows: string[][];
  /** Where the incomplete last row starts (the end when `last`). */
  cursor: number;
  problems: Map<number, string>;
}

/**
 * One slice of text through papaparse's parser, the way its own streamers do it: all but
 * the last, possibly incomplete, row, unless this is the end of the file.
 */
function parseRows(text: string, dialect: Dialect, last: boolean): Rows {
  const result = new Papa.Parser({ ...dialect, quoteChar: '"' }).parse(text, 0, !last) as Papa.ParseResult<string[]>;
  const problems = new Map<number, string>();
  for (const error of result.errors) {
    const problem = QUOTE_PROBLEMS[error.code];
    if (problem && error.row !== undefined) problems.set(error.row, problem);
  }
  return { rows: result.data, cursor: last ? text.length : result.meta.cursor, problems };
}

class CsvReader {
  private line = 1;
  private header: string[] | null = null;

  get currentLine(): number {
    return this.line;
  }

  *records({ rows, problems }: Rows): Generator<FeedRecord> {
    for (const [index, row] of rows.entries()) {
      const at = this.line;
      this.line += 1 + newlinesIn(row);
      const problem = problems.get(index);
      if (row.length === 1 && (row[0] ?? '').trim() === '') continue;
      if (!this.header) {
        if (problem) throw new FeedError(`its header row is malformed: ${problem.toLowerCase()}`);
        this.header = headerOf(row, at);
        continue;
      }
      if (problem) {
        yield { line: at, problem };
        continue;
      }
      const extra = row.slice(this.header.length);
      if (row.length < this.header.length || extra.some((cell) => cell.trim() !== '')) {
        yield { line: at, problem: `Wrong number of fields: expected ${this.header.length}, found ${row.length}` };
        continue;
      }
      yield { line: at, doc: docOf(this.header, row) };
    }
  }
}

export async function* csvRecords(text: AsyncIterable<string>): AsyncGenerator<FeedRecord> {
  const reader = new CsvReader();
  let pending = '';
  let dialect: Dialect | null = null;
  for await (const chunk of text) {
    pending += chunk;
    if (!dialect && !hasHeaderLine(pending) && pending.length <= MAX_RECORD_CHARS) continue;
    dialect ??= dialectOf(pending);
    const parsed = parseRows(pending, dialect, false);
    pending = pending.slice(parsed.cursor);
    yield* reader.records(parsed);
    // A quote left open makes the rest of the file one row, reparsed on every chunk: cut it short.
    if (pending.length > MAX_RECORD_CHARS) {
      throw new FeedError(
        `line ${reader.currentLine} is longer than ${MAX_RECORD_CHARS / 1024 ** 2} MB (is a quote left open?)`,
      );
    }
  }
  if (pending.trim() === '') return;
  yield* reader.records(parseRows(pending, dialect ?? dialectOf(pending), true));
}
