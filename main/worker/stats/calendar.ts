/**
 * Dates as the Statistics API takes them (YYYYMMDD) and answers them (YYYY-MM-DD). "Today"
 * and "this month" are the worker's local calendar, as the user reads a date; walking the
 * days of a range is plain calendar arithmetic (UTC), so no daylight-saving day is skipped.
 */
import type { StatsRange } from '../../../preload/contract';

const DAY_MS = 86_400_000;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** YYYYMMDD of a moment in the worker's local calendar. */
export function localDay(at: Date): string {
  return `${pad(at.getFullYear(), 4)}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
}

/** YYYY-MM of a moment in the worker's local calendar. */
export function localMonth(at: Date): string {
  return `${pad(at.getFullYear(), 4)}-${pad(at.getMonth() + 1)}`;
}

/** This calendar month up to today: what the month's usage is read over. */
export function monthToDate(at: Date): StatsRange {
  const today = localDay(at);
  return { from: `${today.slice(0, 6)}01`, to: today };
}

/** YYYYMMDD -> YYYY-MM-DD. */
export function isoDay(day: string): string {
  return `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
}

/** A date as the API may answer it (YYYY-MM-DD, YYYYMMDD, or with a time) -> YYYY-MM-DD. */
export function normalDay(value: string): string {
  return /^\d{8}$/.test(value) ? isoDay(value) : value.slice(0, 10);
}

/** Every day of the range, first to last, as YYYY-MM-DD. */
export function daysOf(range: StatsRange): string[] {
  const days: string[] = [];
  const last = isoDay(range.to);
  for (let at = Date.parse(`${isoDay(range.from)}T00:00:00Z`); ; at += DAY_MS) {
    const day = new Date(at).toISOString().slice(0, 10);
    if (day > last) break;
    days.push(day);
  }
  return days;
}

/** Why a range cannot be asked for, in words; null when it can. */
export function rangeProblem(range: StatsRange, maxDays = 3_660): string | null {
  for (const day of [range.from, range.to]) {
    const at = Date.parse(`${isoDay(day)}T00:00:00Z`);
    if (Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== isoDay(day))
      return `${day} is not a date (use YYYYMMDD, e.g. 20260131).`;
  }
  if (range.from > range.to) return 'The range must start on or before its end.';
  const days = (Date.parse(`${isoDay(range.to)}T00:00:00Z`) - Date.parse(`${isoDay(range.from)}T00:00:00Z`)) / DAY_MS;
  return days >= maxDays ? `A range can span at most ${maxDays} days.` : null;
}
