/**
 * The last answer per engine, date range and part, in the account's database (migration
 * 7): the Stats page opens from it at once, offline too, and exports read it. A part is
 * replaced whole once all its pages are read, so a half-read list never shows.
 */
import type { StatsDay, StatsRange, StatsTopEntry, StatsTopKind } from '../../../preload/contract';
import type { SqliteDatabase } from '../store/open';

export type StatsPartName = 'aggregates' | StatsTopKind;

export const TOP_KINDS: readonly StatsTopKind[] = ['searches', 'clicked', 'opportunities', 'noresults'];
export const PART_NAMES: readonly StatsPartName[] = ['aggregates', ...TOP_KINDS];

export interface RowsOf {
  aggregates: StatsDay[];
  searches: StatsTopEntry[];
  clicked: StatsTopEntry[];
  opportunities: StatsTopEntry[];
  noresults: StatsTopEntry[];
}

export interface CachedPart<P extends StatsPartName> {
  rows: RowsOf[P];
  fetchedAt: string;
}

/** Ranges kept per account beyond which the oldest answers go (a top list can be 5,000 rows). */
const KEEP_ANSWERS = 150;

export function readPart<P extends StatsPartName>(
  db: SqliteDatabase,
  engine: string,
  range: StatsRange,
  part: P,
): CachedPart<P> | null {
  const row = db
    .prepare(
      'SELECT rows, fetched_at FROM stats_cache WHERE engine = ? AND range_from = ? AND range_to = ? AND part = ?',
    )
    .get(engine, range.from, range.to, part) as { rows: string; fetched_at: string } | undefined;
  return row ? { rows: JSON.parse(row.rows) as RowsOf[P], fetchedAt: row.fetched_at } : null;
}

/** Which parts of a range have an answer saved (without reading their rows). */
export function cachedParts(db: SqliteDatabase, engine: string, range: StatsRange): Set<StatsPartName> {
  const parts = db
    .prepare('SELECT part FROM stats_cache WHERE engine = ? AND range_from = ? AND range_to = ?')
    .pluck()
    .all(engine, range.from, range.to) as StatsPartName[];
  return new Set(parts);
}

export function savePart<P extends StatsPartName>(
  db: SqliteDatabase,
  engine: string,
  range: StatsRange,
  part: P,
  rows: RowsOf[P],
  fetchedAt: string,
): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO stats_cache (engine, range_from, range_to, part, rows, fetched_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (engine, range_from, range_to, part) DO UPDATE SET rows = excluded.rows, fetched_at = excluded.fetched_at`,
    ).run(engine, range.from, range.to, part, JSON.stringify(rows), fetchedAt);
    db.prepare(
      `DELETE FROM stats_cache WHERE (engine, range_from, range_to, part) IN (
         SELECT engine, range_from, range_to, part FROM stats_cache ORDER BY fetched_at DESC LIMIT -1 OFFSET ?)`,
    ).run(KEEP_ANSWERS * PART_NAMES.length);
  })();
}

/**
 * The engine's newest aggregates read over this month from its first day (the "to" day
 * moves on with the calendar), for the month's usage.
 */
export function readMonthAggregates(
  db: SqliteDatabase,
  engine: string,
  month: StatsRange,
): CachedPart<'aggregates'> | null {
  const row = db
    .prepare(
      `SELECT rows, fetched_at FROM stats_cache
        WHERE engine = ? AND part = 'aggregates' AND range_from = ? AND range_to BETWEEN ? AND ?
        ORDER BY range_to DESC, fetched_at DESC LIMIT 1`,
    )
    .get(engine, month.from, month.from, `${month.from.slice(0, 6)}31`) as
    { rows: string; fetched_at: string } | undefined;
  return row ? { rows: JSON.parse(row.rows) as StatsDay[], fetchedAt: row.fetched_at } : null;
}
