/** The daily aggregates' series: what each one means, its colour (a theme variable), and totals. */
import type { StatsDay } from '../../../preload/contract';

export type SeriesKey = Exclude<keyof StatsDay, 'date'>;

export interface SeriesDefinition {
  key: SeriesKey;
  label: string;
  help: string;
  /** A CSS variable from stats.css, so the line follows the theme. */
  color: string;
}

export const SERIES: readonly SeriesDefinition[] = [
  {
    key: 'searches',
    label: 'Searches',
    help: 'Search sessions: a shopper typing a new search.',
    color: 'var(--series-1)',
  },
  {
    key: 'queries',
    label: 'Queries',
    help: 'Every query sent while typing, refining or paging.',
    color: 'var(--series-2)',
  },
  { key: 'clicks', label: 'Clicks', help: 'Results opened from the search layer.', color: 'var(--series-3)' },
  { key: 'requests', label: 'Requests', help: 'All requests counted against the plan.', color: 'var(--series-4)' },
  { key: 'api', label: 'API', help: 'Management API requests (this app included).', color: 'var(--series-5)' },
  { key: 'parser', label: 'Parser', help: 'Items read while processing feeds.', color: 'var(--series-6)' },
];

/** Searches, queries and clicks: what a shop looks at first; the plan-related series are one click away. */
export const DEFAULT_SERIES: ReadonlySet<SeriesKey> = new Set<SeriesKey>(['searches', 'queries', 'clicks']);

export type SeriesTotals = Record<SeriesKey, number>;

export function totalsOf(days: readonly StatsDay[]): SeriesTotals {
  const totals: SeriesTotals = { searches: 0, queries: 0, clicks: 0, requests: 0, api: 0, parser: 0 };
  for (const day of days) for (const { key } of SERIES) totals[key] += day[key];
  return totals;
}

/** A period with no activity at all: the page says so instead of drawing flat lines at zero. */
export function isEmptyPeriod(days: readonly StatsDay[]): boolean {
  return days.every((day) => SERIES.every(({ key }) => day[key] === 0));
}

export function toggleSeries(shown: ReadonlySet<SeriesKey>, key: SeriesKey): Set<SeriesKey> {
  const next = new Set(shown);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}
