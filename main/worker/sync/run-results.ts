/**
 * A sync's result per item (issue 9), kept in the account's database so the last sync's
 * results are still there after a restart: `sync_runs` has one row per run, `sync_results`
 * one per item the run settled (written in the push's settling transaction, so a crash
 * cannot leave a row settled without its result), plus the conflicts the run could not send
 * and, when it stopped early, what it left unsent. Only the newest runs are kept.
 */
import type {
  SyncItemOutcome,
  SyncItemResult,
  SyncProgress,
  SyncResultsPage,
  SyncRunSummary,
} from '../../../preload/contract';
import type { SqliteDatabase } from '../store/open';
import type { BatchKind } from './batches';
import { PUSHABLE } from './push';
import type { SyncScope } from './sync-queue';

/** Runs kept: enough to look back at the last few syncs, few enough that 20,000-item runs stay cheap. */
export const KEPT_RUNS = 5;

/** Problems first: the order the results list shows outcomes in. */
const OUTCOME_ORDER: readonly SyncItemOutcome[] = ['failed', 'conflict', 'not-sent', 'synced'];

const CHANGE: Record<BatchKind, SyncItemResult['change']> = { patch: 'edit', put: 'create', delete: 'delete' };

export interface SettledItem {
  engine: string;
  type: string;
  id: string;
  op: BatchKind;
  outcome: 'synced' | 'failed';
  message: string | null;
}

const scopeParams = (scope: SyncScope) => ({ engine: scope.engine ?? null, type: scope.type ?? null });
const IN_SCOPE = '(@engine IS NULL OR engine = @engine) AND (@type IS NULL OR type = @type)';
/** The operation a pending row goes as (the same rule as sync-queue's request count). */
const OP_OF_ROW = `CASE WHEN status = 'deleted' OR pending_op = 'delete' THEN 'delete'
  WHEN pending_op IS NOT NULL THEN pending_op WHEN base IS NULL THEN 'put' ELSE 'patch' END`;

/** Starts a run's record: the scope's conflicts are its first results (they wait for the user). */
export function beginRun(db: SqliteDatabase, scope: SyncScope, now = new Date()): number {
  return db.transaction(() => {
    const id = Number(
      db
        .prepare("INSERT INTO sync_runs (scope, state, started_at) VALUES (?, 'running', ?)")
        .run(JSON.stringify(scope), now.toISOString()).lastInsertRowid,
    );
    db.prepare(
      `INSERT INTO sync_results (run, engine, type, id, op, outcome, message)
       SELECT @run, engine, type, id, CASE WHEN base IS NULL THEN 'put' ELSE 'patch' END, 'conflict',
         'Changed here and on Doofinder: settle the conflict and it goes with the next sync.'
           || coalesce(' (' || error || ')', '')
       FROM items WHERE status = 'conflict' AND ${IN_SCOPE} ORDER BY rowid`,
    ).run({ run: id, ...scopeParams(scope) });
    trimRuns(db);
    return id;
  })();
}

/** A paused run goes on: what it had left unsent is being sent now. */
export function resumeRun(db: SqliteDatabase, run: number): void {
  db.transaction(() => {
    db.prepare("UPDATE sync_runs SET state = 'running', ended_at = NULL, error = NULL WHERE id = ?").run(run);
    db.prepare("DELETE FROM sync_results WHERE run = ? AND outcome = 'not-sent'").run(run);
  })();
}

/** Called inside the transaction that settles a batch: each item's result, the latest one kept. */
export function recordSettled(db: SqliteDatabase, run: number, items: readonly SettledItem[]): void {
  const insert = db.prepare(
    `INSERT INTO sync_results (run, engine, type, id, op, outcome, message) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (run, engine, type, id) DO UPDATE SET op = excluded.op, outcome = excluded.outcome,
       message = excluded.message`,
  );
  for (const item of items) insert.run(run, item.engine, item.type, item.id, item.op, item.outcome, item.message);
}

function notSentMessage(state: SyncProgress['state']): string {
  // A finished run pushes each type once: an edit made after its type was done waits.
  if (state === 'completed') return 'Changed after the sync had sent its type: it goes with the next sync.';
  if (state === 'paused') return 'Not sent yet: the sync is paused.';
  if (state === 'cancelled') return 'Not sent: the sync was cancelled. It goes with the next sync.';
  return 'Not sent: the sync stopped before it. It goes with the next sync.';
}

/**
 * A run ended (or paused): its state, and the scope's rows it left pending as `not-sent`.
 * A row left `pushing` was sent but no answer came: it goes again with the next sync.
 */
export function endRun(
  db: SqliteDatabase,
  run: number,
  scope: SyncScope,
  progress: Pick<SyncProgress, 'state' | 'error'>,
  now = new Date(),
): void {
  db.transaction(() => {
    db.prepare('UPDATE sync_runs SET state = ?, ended_at = ?, error = ? WHERE id = ?').run(
      progress.state,
      progress.state === 'paused' ? null : now.toISOString(),
      progress.error,
      run,
    );
    db.prepare("DELETE FROM sync_results WHERE run = ? AND outcome = 'not-sent'").run(run);
    // An item this run settled and that was edited again since keeps the result it had.
    db.prepare(
      `INSERT OR IGNORE INTO sync_results (run, engine, type, id, op, outcome, message)
       SELECT @run, engine, type, id, ${OP_OF_ROW}, 'not-sent',
         CASE WHEN status = 'pushing' THEN 'Sent, but no answer came back: it goes again with the next sync.'
           ELSE @message END
       FROM items WHERE ${PUSHABLE} AND ${IN_SCOPE} ORDER BY rowid`,
    ).run({ run, message: notSentMessage(progress.state), ...scopeParams(scope) });
  })();
}

/** Drops the results of all but the newest runs. */
function trimRuns(db: SqliteDatabase): void {
  const oldest = db
    .prepare('SELECT id FROM sync_runs ORDER BY id DESC LIMIT 1 OFFSET ?')
    .pluck()
    .get(KEPT_RUNS - 1) as number | undefined;
  if (oldest === undefined) return;
  db.prepare('DELETE FROM sync_results WHERE run < ?').run(oldest);
  db.prepare('DELETE FROM sync_runs WHERE id < ?').run(oldest);
}

interface RunRow {
  id: number;
  scope: string;
  state: SyncProgress['state'];
  started_at: string;
  ended_at: string | null;
  error: string | null;
}

interface ResultRow {
  engine: string;
  engine_name: string | null;
  type: string;
  id: string;
  op: BatchKind;
  outcome: SyncItemOutcome;
  message: string | null;
}

function summary(db: SqliteDatabase, row: RunRow, live: boolean): SyncRunSummary {
  const counts: Record<SyncItemOutcome, number> = { synced: 0, failed: 0, conflict: 0, 'not-sent': 0 };
  const grouped = db
    .prepare('SELECT outcome, count(*) AS n FROM sync_results WHERE run = ? GROUP BY outcome')
    .all(row.id) as Array<{ outcome: SyncItemOutcome; n: number }>;
  for (const { outcome, n } of grouped) counts[outcome] = n;
  const failedTypes = db
    .prepare(
      `SELECT r.engine, coalesce(e.name, r.engine) AS engineName, r.type, count(*) AS failed
       FROM sync_results r LEFT JOIN engines e ON e.hashid = r.engine
       WHERE r.run = ? AND r.outcome = 'failed' GROUP BY r.engine, r.type ORDER BY r.engine, r.type`,
    )
    .all(row.id) as SyncRunSummary['failedTypes'];
  // A run still marked running that no sync is running was cut off (the app closed or was killed).
  const cutOff = row.state === 'running' && !live;
  return {
    id: row.id,
    scope: JSON.parse(row.scope) as SyncRunSummary['scope'],
    state: cutOff ? 'failed' : row.state,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    error: cutOff ? 'The app closed during this sync. What it did not send goes with the next sync.' : row.error,
    counts,
    failedTypes,
  };
}

const PAGE_ROWS = `SELECT r.engine, e.name AS engine_name, r.type, r.id, r.op, r.outcome, r.message
  FROM sync_results r LEFT JOIN engines e ON e.hashid = r.engine
  WHERE r.run = ? AND r.outcome = ? ORDER BY r.seq LIMIT ? OFFSET ?`;

export interface ResultsQuery {
  run?: number;
  outcome?: SyncItemOutcome;
  offset?: number;
  limit?: number;
}

/**
 * A page of a run's results (the newest run without `run`), problems first. Each outcome is
 * read on its own index range, in the order the items were settled: no sort of the whole
 * run per page (20,000 results: 3 to 5 ms a page, `npm run bench -- sync-results`).
 * `live`: the run is going on in this worker (else a run left `running` was cut off).
 */
export function readResults(db: SqliteDatabase, query: ResultsQuery, live: (run: number) => boolean): SyncResultsPage {
  const row = (
    query.run === undefined
      ? db.prepare('SELECT * FROM sync_runs ORDER BY id DESC LIMIT 1').get()
      : db.prepare('SELECT * FROM sync_runs WHERE id = ?').get(query.run)
  ) as RunRow | undefined;
  if (!row) return { run: null, rows: [], total: 0 };
  const run = summary(db, row, live(row.id));
  const outcomes = query.outcome ? [query.outcome] : OUTCOME_ORDER;
  const total = outcomes.reduce((sum, outcome) => sum + run.counts[outcome], 0);
  const page = db.prepare(PAGE_ROWS);
  const rows: SyncItemResult[] = [];
  let skip = query.offset ?? 0;
  let room = query.limit ?? 100;
  for (const outcome of outcomes) {
    if (room === 0) break;
    const count = run.counts[outcome];
    if (skip >= count) {
      skip -= count;
      continue;
    }
    for (const result of page.all(row.id, outcome, room, skip) as ResultRow[]) {
      rows.push({
        engine: result.engine,
        engineName: result.engine_name ?? result.engine,
        type: result.type,
        id: result.id,
        change: CHANGE[result.op],
        outcome: result.outcome,
        message: result.message,
      });
    }
    room = Math.max(0, room - (count - skip));
    skip = 0;
  }
  return { run, rows, total };
}
