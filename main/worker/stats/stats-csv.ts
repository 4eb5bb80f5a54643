/**
 * A cached stats table as CSV: a header row, UTF-8 with a BOM (Excel reads accents right
 * only with it), CRLF lines. Search terms are typed by the shop's visitors, so a term that
 * starts like a formula (`=`, `+`, `-`, `@`) is escaped (papaparse's `escapeFormulae`).
 */
import { writeFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { StatsDay, StatsTopEntry } from '../../../preload/contract';
import type { RowsOf, StatsPartName } from './stats-cache';

const AGGREGATE_COLUMNS = ['date', 'searches', 'queries', 'clicks', 'requests', 'api', 'parser'] as const;

function table(part: StatsPartName, rows: RowsOf[StatsPartName]): unknown[][] {
  if (part === 'aggregates') {
    const days = rows as StatsDay[];
    return [[...AGGREGATE_COLUMNS], ...days.map((day) => AGGREGATE_COLUMNS.map((column) => day[column]))];
  }
  const entries = rows as StatsTopEntry[];
  // Only top clicked answers a URL (the clicked result's link).
  if (part === 'clicked') return [['term', 'count', 'url'], ...entries.map((e) => [e.term, e.count, e.url ?? ''])];
  return [['term', 'count'], ...entries.map((e) => [e.term, e.count])];
}

export function statsCsv(part: StatsPartName, rows: RowsOf[StatsPartName]): string {
  return `\ufeff${Papa.unparse(table(part, rows), { newline: '\r\n', escapeFormulae: true })}\r\n`;
}

/** Writes the file whole (a stats table is at most a few thousand rows); answers the data rows written. */
export async function writeStatsCsv(file: string, part: StatsPartName, rows: RowsOf[StatsPartName]): Promise<number> {
  await writeFile(file, statsCsv(part, rows), 'utf8');
  return rows.length;
}
