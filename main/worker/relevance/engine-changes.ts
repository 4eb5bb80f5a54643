/**
 * What the app knows changed on an engine between two moments (a case's previous run's start
 * and this run's start), so a metric that moved can be traced to its cause: syncs that pushed
 * to the engine, CSV imports applied to it and its feed runs, read from the tables their own
 * features keep (sync_runs/sync_results, csv_imports, feed_runs).
 */
import { basename } from 'node:path';
import type { CsvImportCounts, RelevanceChangeView } from '../../../preload/contract';
import { prepared, type SqliteDatabase } from '../store/open';

export interface ChangeWindow {
  engine: string;
  /** Exclusive, ISO. */
  after: string;
  /** Inclusive, ISO. */
  until: string;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

function syncChanges(db: SqliteDatabase, window: ChangeWindow): RelevanceChangeView[] {
  const rows = prepared(
    db,
    `SELECT r.started_at AS at, r.state AS state,
       sum(s.outcome = 'synced') AS pushed, sum(s.outcome = 'failed') AS failed
     FROM sync_runs r JOIN sync_results s ON s.run = r.id AND s.engine = @engine
     WHERE r.started_at > @after AND r.started_at <= @until
     GROUP BY r.id HAVING pushed > 0 OR failed > 0 ORDER BY r.started_at`,
  ).all(window) as Array<{ at: string; state: string; pushed: number; failed: number }>;
  return rows.map((row) => ({
    kind: 'sync',
    at: row.at,
    summary: `Sync: ${plural(row.pushed, 'item')} pushed${row.failed > 0 ? `, ${row.failed} failed` : ''}`,
  }));
}

function importSummary(file: string, counts: CsvImportCounts | null): string {
  const parts = counts
    ? [
        counts.new > 0 ? `${counts.new} new` : '',
        counts.changed > 0 ? `${counts.changed} changed` : '',
        counts.deleted > 0 ? `${counts.deleted} deleted` : '',
      ].filter(Boolean)
    : [];
  return `CSV import ${basename(file)}: ${parts.length > 0 ? parts.join(', ') : 'no changes'}`;
}

function importChanges(db: SqliteDatabase, window: ChangeWindow): RelevanceChangeView[] {
  const rows = prepared(
    db,
    `SELECT file, counts, applied_at AS at FROM csv_imports
     WHERE engine = @engine AND state = 'applied' AND applied_at > @after AND applied_at <= @until
     ORDER BY applied_at`,
  ).all(window) as Array<{ file: string; counts: string | null; at: string }>;
  return rows.map((row) => ({
    kind: 'import',
    at: row.at,
    summary: importSummary(row.file, row.counts === null ? null : (JSON.parse(row.counts) as CsvImportCounts)),
  }));
}

function feedChanges(db: SqliteDatabase, window: ChangeWindow): RelevanceChangeView[] {
  const rows = prepared(
    db,
    `SELECT coalesce(started_at, ended_at) AS at, state, message FROM feed_runs
     WHERE engine = @engine AND coalesce(started_at, ended_at) > @after AND coalesce(started_at, ended_at) <= @until
     ORDER BY at`,
  ).all(window) as Array<{ at: string; state: string; message: string | null }>;
  return rows.map((row) => ({
    kind: 'feed',
    at: row.at,
    summary: `Feed processed: ${row.state}${row.message ? ` (${row.message})` : ''}`,
  }));
}

/** Oldest first. */
export function engineChanges(db: SqliteDatabase, window: ChangeWindow): RelevanceChangeView[] {
  return [...syncChanges(db, window), ...importChanges(db, window), ...feedChanges(db, window)].sort((a, b) =>
    a.at.localeCompare(b.at),
  );
}
