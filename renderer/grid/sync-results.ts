/**
 * The result of a sync for each item it was asked to send, told from the pending list before
 * and after: gone from the list = sent and accepted; failed = refused (with the server's
 * reason); still pending = not sent (the sync was cancelled or stopped before it).
 */
import type { PendingSnapshot, RowStatus, SyncProgress } from '../../preload/contract';

export type ItemOutcome = 'synced' | 'failed' | 'conflict' | 'not-sent';

export interface ItemResult {
  engine: string;
  engineName: string;
  type: string;
  id: string;
  /** What was to be sent: an edit, a new item or a deletion. */
  change: RowStatus;
  outcome: ItemOutcome;
  reason: string | null;
}

const keyOf = (engine: string, type: string, id: string) => `${engine}\u0000${type}\u0000${id}`;

function outcomeOf(status: RowStatus): ItemOutcome {
  if (status === 'failed') return 'failed';
  if (status === 'conflict') return 'conflict';
  return 'not-sent';
}

export function syncResults(before: PendingSnapshot, after: PendingSnapshot): ItemResult[] {
  const now = new Map<string, { status: RowStatus; error: string | null }>();
  for (const group of after.groups) {
    for (const item of group.items) now.set(keyOf(group.engine, group.type, item.id), item);
  }
  const results: ItemResult[] = [];
  for (const group of before.groups) {
    for (const item of group.items) {
      // A row that had already failed and was not retried is not part of this sync's story.
      if (item.status === 'failed' || item.status === 'conflict') continue;
      const later = now.get(keyOf(group.engine, group.type, item.id));
      results.push({
        engine: group.engine,
        engineName: group.engineName,
        type: group.type,
        id: item.id,
        change: item.status,
        outcome: later ? outcomeOf(later.status) : 'synced',
        reason: later?.error ?? null,
      });
    }
  }
  return results;
}

export function countOutcomes(results: readonly ItemResult[]): Record<ItemOutcome, number> {
  const counts: Record<ItemOutcome, number> = { synced: 0, failed: 0, conflict: 0, 'not-sent': 0 };
  for (const result of results) counts[result.outcome] += 1;
  return counts;
}

/**
 * The totals a finished sync reports: from its progress, which counts every item it sent (the
 * pending list the per-item results come from is capped), with the items that turned out to
 * be in conflict from the results.
 */
export function syncTotals(
  results: readonly ItemResult[],
  progress: Pick<SyncProgress, 'done' | 'failed' | 'total'> | null,
): Record<ItemOutcome, number> {
  const counts = countOutcomes(results);
  if (!progress) return counts;
  return {
    synced: Math.max(0, progress.done - progress.failed),
    failed: progress.failed,
    conflict: counts.conflict,
    'not-sent': Math.max(0, progress.total - progress.done),
  };
}
