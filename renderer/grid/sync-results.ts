/**
 * What the results list says about a sync, from the worker's record of it (`sync:results`:
 * a result per item, kept by the worker as the push settles each batch): the headline
 * counts, how the run ended, the outcome filters and the page being shown.
 */
import type { SyncItemOutcome, SyncRunSummary } from '../../preload/contract';
import { formatCount } from '../app/format';

/** Problems first, as the worker orders the rows. */
export const OUTCOME_ORDER: readonly SyncItemOutcome[] = ['failed', 'conflict', 'not-sent', 'synced'];

export const OUTCOME_LABELS: Record<SyncItemOutcome, string> = {
  synced: 'Synced',
  failed: 'Failed',
  conflict: 'Conflict',
  'not-sent': 'Not sent',
};

/** Rows a page of the list shows. */
export const RESULTS_PAGE = 100;

/** "Last sync: 1,299 synced, 1 failed, 1,700 not sent". */
export function resultsHeadline(counts: Record<SyncItemOutcome, number>): string {
  const parts = [`${formatCount(counts.synced)} synced`];
  if (counts.failed > 0) parts.push(`${formatCount(counts.failed)} failed`);
  if (counts.conflict > 0) parts.push(`${formatCount(counts.conflict)} in conflict`);
  if (counts['not-sent'] > 0) parts.push(`${formatCount(counts['not-sent'])} not sent`);
  return `Last sync: ${parts.join(', ')}`;
}

/** How the run ended when it did not simply finish, in words; null when it finished. */
export function runEnding(run: Pick<SyncRunSummary, 'state' | 'error'>): string | null {
  switch (run.state) {
    case 'completed':
      return null;
    case 'running':
      return 'Still syncing: the list grows as batches are answered.';
    case 'paused':
      return 'Paused: the rest goes when you resume or sync again.';
    case 'cancelled':
      return 'Cancelled: what was not sent goes with the next sync.';
    case 'failed':
      return `Stopped: ${run.error ?? 'the sync could not go on.'}`;
  }
}

export interface OutcomeFilter {
  outcome: SyncItemOutcome | null;
  label: string;
  count: number;
}

/** "All" and each outcome the run has, problems first. */
export function outcomeFilters(counts: Record<SyncItemOutcome, number>): OutcomeFilter[] {
  const total = OUTCOME_ORDER.reduce((sum, outcome) => sum + counts[outcome], 0);
  return [
    { outcome: null, label: 'All', count: total },
    ...OUTCOME_ORDER.filter((outcome) => counts[outcome] > 0).map((outcome) => ({
      outcome,
      label: OUTCOME_LABELS[outcome],
      count: counts[outcome],
    })),
  ];
}

/** "101–200 of 20,000"; "None" for an empty list. */
export function pageRange(offset: number, shown: number, total: number): string {
  if (total === 0 || shown === 0) return 'None';
  return `${formatCount(offset + 1)}–${formatCount(offset + shown)} of ${formatCount(total)}`;
}

/** The offset of the page before or after, kept inside the list. */
export function turnPage(offset: number, step: -1 | 1, total: number, size = RESULTS_PAGE): number {
  const next = offset + step * size;
  if (next < 0) return 0;
  return next >= total ? offset : next;
}
