/**
 * Where one part of the page stands. Doofinder's 202 ("being generated") is normal for a new
 * period, so it reads as a calm wait with the time of the next check, never as an error; a
 * failed read says why and leaves the old rows on screen with their age.
 */
import { CircleAlert, Info, LoaderCircle } from 'lucide-react';
import type { StatsPart } from '../../../preload/contract';
import { describeAge, formatClock } from './data-age';

export function PartAge({ part, now }: { part: StatsPart<unknown>; now: number }) {
  return (
    <span className={`stats-age${part.state === 'error' ? ' text-warning' : ''}`} data-testid="stats-age">
      {describeAge(part, now)}
    </span>
  );
}

function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** The worker's words may end on a bracket or a path; another sentence follows them. */
function asSentence(text: string): string {
  return /[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

export function PartNotice({ part, what }: { part: StatsPart<unknown>; what: string }) {
  if (part.state === 'generating') {
    return (
      <p className="stats-wait" role="status" data-testid="stats-generating">
        <LoaderCircle size={15} className="spin" aria-hidden="true" />
        <span>
          Doofinder is preparing these stats
          {part.nextCheckAt ? `; checking again at ${formatClock(part.nextCheckAt)}` : '; checking again shortly'}.
          {part.rows.length > 0 && ' The rows below are from the last answer.'}
        </span>
      </p>
    );
  }
  if (part.state === 'loading' && part.rows.length === 0) {
    return (
      <p className="stats-wait" role="status">
        <LoaderCircle size={15} className="spin" aria-hidden="true" />
        <span>Reading {what} from Doofinder…</span>
      </p>
    );
  }
  if (part.state === 'error') {
    return (
      <p className="notice notice--warning" role="alert" data-testid="stats-error">
        <CircleAlert size={15} aria-hidden="true" />
        <span>
          {asSentence(part.message ?? `${capitalized(what)} could not be read`)}
          {part.rows.length > 0 ? ' The rows shown are from the last answer.' : ''}
        </span>
      </p>
    );
  }
  // A ready part may still have something to say (e.g. a list cut at its last page).
  if (part.state === 'ready' && part.message) {
    return (
      <p className="stats-note" role="note">
        <Info size={15} aria-hidden="true" />
        <span>{part.message}</span>
      </p>
    );
  }
  return null;
}
