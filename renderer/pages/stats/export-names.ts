/** Which table an export writes, and the file name suggested for it. */
import type { RequestInput, StatsRange } from '../../../preload/contract';

export type StatsTable = RequestInput<'stats:export'>['table'];

const TABLE_SLUGS: Record<StatsTable, string> = {
  aggregates: 'daily',
  searches: 'top-searches',
  clicked: 'top-clicked',
  opportunities: 'top-opportunities',
  noresults: 'no-results',
};

/** Letters, digits and dashes only: an engine name goes into a file name on every OS. */
function slug(value: string): string {
  const cleaned = value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cleaned || 'engine';
}

/** e.g. `outdoor-shop-top-searches-20261101-20261125.csv`. */
export function statsFileName(engineName: string, table: StatsTable, range: StatsRange): string {
  return `${slug(engineName)}-${TABLE_SLUGS[table]}-${range.from}-${range.to}.csv`;
}
