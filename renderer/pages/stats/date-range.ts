/**
 * The Stats page's date ranges: presets counted back from the user's own "today" (the local
 * calendar day, since that is the day a catalog manager means), and a custom range checked
 * before it is sent. The API takes both ends inclusive, as YYYYMMDD.
 */
import type { StatsRange } from '../../../preload/contract';

export type RangePreset = 'last7' | 'last15' | 'last30' | 'month' | 'custom';

export const PRESETS: ReadonlyArray<{ value: RangePreset; label: string }> = [
  { value: 'last7', label: 'Last 7 days' },
  // The API's own default period, so this is what Doofinder's panel shows too.
  { value: 'last15', label: 'Last 15 days' },
  { value: 'last30', label: 'Last 30 days' },
  { value: 'month', label: 'This month' },
  { value: 'custom', label: 'Custom' },
];

/** The worker's own limit (main/worker/stats/calendar.ts), about ten years. */
const MAX_DAYS = 3_660;

const DAYS_BACK: Record<'last7' | 'last15' | 'last30', number> = { last7: 7, last15: 15, last30: 30 };

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A local calendar day as YYYYMMDD. */
export function toYyyymmdd(day: Date): string {
  return `${day.getFullYear()}${pad(day.getMonth() + 1)}${pad(day.getDate())}`;
}

/** YYYYMMDD -> YYYY-MM-DD, what a date input holds. */
export function toInputDate(yyyymmdd: string): string {
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/** YYYY-MM-DD (a date input) -> YYYYMMDD, or null when it is not a real calendar day. */
export function fromInputDate(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return `${match[1]}${match[2]}${match[3]}`;
}

/** The range a preset means on `today` (today included). Custom has no range of its own. */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, today: Date): StatsRange {
  const to = toYyyymmdd(today);
  if (preset === 'month') return { from: toYyyymmdd(new Date(today.getFullYear(), today.getMonth(), 1)), to };
  // Calendar arithmetic through Date keeps month ends and daylight-saving days right.
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (DAYS_BACK[preset] - 1));
  return { from: toYyyymmdd(from), to };
}

/** Why a custom range cannot be asked for, in words; null when it can. */
export function customRangeProblem(from: string | null, to: string | null, today: Date): string | null {
  if (!from || !to) return 'Pick both a start and an end date.';
  if (from > to) return 'The start date must be on or before the end date.';
  if (to > toYyyymmdd(today)) return 'The end date cannot be in the future: there are no stats for it yet.';
  if (daysIn({ from, to }) > MAX_DAYS) return `A range can span at most ${MAX_DAYS.toLocaleString()} days.`;
  return null;
}

/** How many days a range covers, both ends included. */
export function daysIn(range: StatsRange): number {
  const start = Date.UTC(+range.from.slice(0, 4), +range.from.slice(4, 6) - 1, +range.from.slice(6, 8));
  const end = Date.UTC(+range.to.slice(0, 4), +range.to.slice(4, 6) - 1, +range.to.slice(6, 8));
  return Math.round((end - start) / 86_400_000) + 1;
}

/** The range a saved choice means today: presets move with the calendar, a custom range stays. */
export function rangeOf(choice: RangeChoice, today: Date): StatsRange {
  return choice.preset === 'custom' ? choice.custom : presetRange(choice.preset, today);
}

export interface RangeChoice {
  preset: RangePreset;
  /** The custom range last applied (kept when a preset is picked, so Custom reopens on it). */
  custom: StatsRange;
}

export function defaultChoice(today: Date): RangeChoice {
  return { preset: 'last15', custom: presetRange('last15', today) };
}
