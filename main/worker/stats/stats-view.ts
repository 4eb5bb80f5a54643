/** The Stats page's view of an engine and range: cached rows with where each part stands now. */
import type { StatsPartState, StatsRange, StatsView } from '../../../preload/contract';
import type { SqliteDatabase } from '../store/open';
import { readPart, TOP_KINDS, type StatsPartName } from './stats-cache';

export interface PartStatus {
  state: StatsPartState;
  message: string | null;
  nextCheckAt: string | null;
}

export type PartStatuses = Partial<Record<StatsPartName, PartStatus>>;

export const LOADING: PartStatus = { state: 'loading', message: null, nextCheckAt: null };
const READY: PartStatus = { state: 'ready', message: null, nextCheckAt: null };

function partOf<P extends StatsPartName>(
  db: SqliteDatabase,
  engine: string,
  range: StatsRange,
  name: P,
  status: PartStatus | undefined,
) {
  const cached = readPart(db, engine, range, name);
  // Nothing cached and nothing running only happens between a cancelled read and the next load.
  const shown = status ?? (cached ? READY : LOADING);
  return { ...shown, rows: cached?.rows ?? [], fetchedAt: cached?.fetchedAt ?? null };
}

export function statsView(db: SqliteDatabase, engine: string, range: StatsRange, statuses: PartStatuses): StatsView {
  const tops = Object.fromEntries(
    TOP_KINDS.map((kind) => [kind, partOf(db, engine, range, kind, statuses[kind])]),
  ) as StatsView['tops'];
  return {
    engine,
    range: { ...range },
    aggregates: partOf(db, engine, range, 'aggregates', statuses.aggregates),
    tops,
  };
}
