/**
 * How old what the page shows is, in words. Stats are cached so the page opens offline; the
 * user must then see at a glance whether the numbers are fresh or yesterday's.
 */
import type { StatsPart, StatsView } from '../../../preload/contract';
import { formatAgo } from '../../app/format';
import { toYyyymmdd } from './date-range';

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const shortDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const clockWithSeconds = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dayLabel = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });

function startOfDay(at: Date): number {
  return new Date(at.getFullYear(), at.getMonth(), at.getDate()).getTime();
}

/** "today 14:02", "yesterday 14:02", "20 Nov 14:02". */
export function formatMoment(iso: string, now: number): string {
  const at = new Date(iso);
  const days = Math.round((startOfDay(new Date(now)) - startOfDay(at)) / 86_400_000);
  const day = days === 0 ? 'today' : days === 1 ? 'yesterday' : shortDay.format(at);
  return `${day} ${clock.format(at)}`;
}

/** HH:MM:SS, for "checking again at …". */
export function formatClock(iso: string): string {
  return clockWithSeconds.format(new Date(iso));
}

/** A YYYY-MM-DD day from the API as a short local label ("Tue, 25 Nov"). */
export function formatStatsDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return dayLabel.format(new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1));
}

/** The sentence next to a part: fresh, being read, or old because the last read failed. */
export function describeAge(part: Pick<StatsPart<unknown>, 'state' | 'fetchedAt'>, now: number): string {
  if (!part.fetchedAt) return part.state === 'error' ? 'Never read' : 'Reading…';
  const when = formatMoment(part.fetchedAt, now);
  if (part.state === 'error') return `Could not refresh: showing the answer from ${when}`;
  const ago = formatAgo(part.fetchedAt, now);
  if (part.state === 'loading') return `Refreshing… (last read ${ago})`;
  return ago === 'just now' ? 'Updated just now' : `Updated ${ago}`;
}

/** Old enough to read again on opening: today's numbers move all day, a quarter of an hour is fresh enough. */
const STALE_MS = 15 * 60_000;
/** Doofinder may still be counting yesterday; days before that are settled and kept as read. */
const SETTLING_DAYS = 2;

/**
 * True when the range reaches into the days still being counted and some part was never read,
 * or was read more than STALE_MS ago. A past range is not read again by itself: every read
 * costs API requests against the plan, and its numbers no longer change (Refresh still reads).
 */
export function isStale(view: StatsView, now: number): boolean {
  const today = new Date(now);
  const settled = toYyyymmdd(new Date(today.getFullYear(), today.getMonth(), today.getDate() - SETTLING_DAYS));
  if (view.range.to <= settled) return false;
  const parts = [view.aggregates, ...Object.values(view.tops)];
  return parts.some(
    (part) => part.state === 'ready' && (part.fetchedAt === null || now - Date.parse(part.fetchedAt) > STALE_MS),
  );
}
