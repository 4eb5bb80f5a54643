/** A run's times as people read them: elapsed while it runs, its duration once done, the next check. */
import type { FeedRunView } from '../../../preload/contract';

/** "8 s", "1 min 05 s", "2 h 03 min": seconds stay visible while a run is short, so the clock visibly ticks. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** How long the run took, or has been running; null when the app never saw it start. */
export function runElapsedMs(run: FeedRunView, now: number): number | null {
  if (run.durationMs !== null) return run.durationMs;
  if (run.startedAt === null) return null;
  const started = Date.parse(run.startedAt);
  if (Number.isNaN(started)) return null;
  const end = run.endedAt !== null ? Date.parse(run.endedAt) : now;
  return Math.max(0, end - started);
}

/** "next check in 4 s", "checking now", or null when nothing is scheduled. */
export function nextPollText(run: FeedRunView, now: number): string | null {
  if (run.result !== 'running' || run.nextPollAt === null) return null;
  const due = Date.parse(run.nextPollAt);
  if (Number.isNaN(due)) return null;
  const seconds = Math.ceil((due - now) / 1000);
  return seconds <= 0 ? 'checking now' : `next check in ${formatElapsed(seconds * 1000)}`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** A date and time; only the time when it is the same day as `sameDayAs` (a run's end next to its start). */
export function formatWhen(iso: string | null, sameDayAs?: string | null): string {
  if (iso === null) return '–';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (sameDayAs) {
    const other = new Date(sameDayAs);
    if (other.toDateString() === date.toDateString()) return timeOnly.format(date);
  }
  return dateTime.format(date);
}
