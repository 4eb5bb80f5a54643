/**
 * Feed runs (`feed_runs`, account migration 6): every processing run of an engine the app
 * started or saw, with its state as last polled, when the next poll is due, and its health
 * once checked. The history lists them newest first.
 */
import type { FeedRunResult, FeedRunsPage, FeedRunView, FeedTaskState } from '../../../preload/contract';
import type { SqliteDatabase } from '../store/open';
import { hintFor } from './feed-hints';
import { toHealthView, type StoredHealth } from './feed-health';

export const ACTIVE_STATES: readonly FeedTaskState[] = ['PENDING', 'STARTED', 'WAITING'];

export function isTerminal(state: FeedTaskState): boolean {
  return !ACTIVE_STATES.includes(state);
}

export function resultOf(state: FeedTaskState): FeedRunResult {
  if (state === 'SUCCESS') return 'success';
  if (state === 'FAILURE') return 'failure';
  if (state === 'NOTFOUND') return 'unknown';
  return 'running';
}

export interface RunRow {
  id: number;
  engine: string;
  task_id: string | null;
  origin: 'app' | 'elsewhere';
  force: number;
  state: FeedTaskState;
  result: FeedRunResult;
  message: string | null;
  link: string | null;
  started_at: string | null;
  ended_at: string | null;
  next_poll_at: string | null;
  poll_note: string | null;
  health: string | null;
}

export interface NewRun {
  engine: string;
  taskId: string | null;
  origin: 'app' | 'elsewhere';
  force: boolean;
  state: FeedTaskState;
  message: string;
  link: string | null;
  startedAt: Date | null;
  endedAt?: Date | null;
}

export function insertRun(db: SqliteDatabase, run: NewRun): RunRow {
  return db
    .prepare(
      `INSERT INTO feed_runs (engine, task_id, origin, force, state, result, message, link, started_at, ended_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
    )
    .get(
      run.engine,
      run.taskId,
      run.origin,
      run.force ? 1 : 0,
      run.state,
      resultOf(run.state),
      run.message,
      run.link,
      run.startedAt?.toISOString() ?? null,
      run.endedAt?.toISOString() ?? null,
    ) as RunRow;
}

export function getRun(db: SqliteDatabase, id: number): RunRow | null {
  return (db.prepare('SELECT * FROM feed_runs WHERE id = ?').get(id) as RunRow | undefined) ?? null;
}

/** A new state from Doofinder; a terminal one ends the run and stops its polling. */
export function recordState(
  db: SqliteDatabase,
  id: number,
  state: FeedTaskState,
  message: string,
  at = new Date(),
): RunRow {
  const ended = isTerminal(state);
  return db
    .prepare(
      `UPDATE feed_runs SET state = ?, result = ?, message = ?,
         ended_at = CASE WHEN ? THEN ? ELSE ended_at END,
         next_poll_at = CASE WHEN ? THEN NULL ELSE next_poll_at END,
         poll_note = CASE WHEN ? THEN NULL ELSE poll_note END
       WHERE id = ? RETURNING *`,
    )
    .get(state, resultOf(state), message, +ended, at.toISOString(), +ended, +ended, id) as RunRow;
}

export function recordPoll(db: SqliteDatabase, id: number, nextPollAt: Date | null, note: string | null): RunRow {
  return db
    .prepare('UPDATE feed_runs SET next_poll_at = ?, poll_note = ? WHERE id = ? RETURNING *')
    .get(nextPollAt?.toISOString() ?? null, note, id) as RunRow;
}

/** When the next poll is due; the note stays (it says why a poll waits, or why the last one failed). */
export function recordNextPoll(db: SqliteDatabase, id: number, at: Date): RunRow {
  return db
    .prepare('UPDATE feed_runs SET next_poll_at = ? WHERE id = ? RETURNING *')
    .get(at.toISOString(), id) as RunRow;
}

export function recordHealth(db: SqliteDatabase, id: number, health: StoredHealth): RunRow {
  return db
    .prepare('UPDATE feed_runs SET health = ? WHERE id = ? RETURNING *')
    .get(JSON.stringify(health), id) as RunRow;
}

export function activeRuns(db: SqliteDatabase, engine?: string): RunRow[] {
  return db
    .prepare(`SELECT * FROM feed_runs WHERE result = 'running' AND (? IS NULL OR engine = ?) ORDER BY id`)
    .all(engine ?? null, engine ?? null) as RunRow[];
}

export function lastRun(db: SqliteDatabase, engine: string): RunRow | null {
  return (
    (db.prepare('SELECT * FROM feed_runs WHERE engine = ? ORDER BY id DESC LIMIT 1').get(engine) as
      RunRow | undefined) ?? null
  );
}

/**
 * For a run that answered WAITING: the run of ours it waited on (one going when it was
 * asked for), which tells its own end. Null for other runs, or when the process it waited
 * on was never seen here.
 */
export function waitedOn(db: SqliteDatabase, run: RunRow): RunRow | null {
  if (run.origin !== 'app' || run.task_id !== null || run.started_at === null) return null;
  return (
    (db
      .prepare(
        `SELECT * FROM feed_runs WHERE engine = ? AND id < ? AND started_at <= ?
           AND (ended_at IS NULL OR ended_at >= ?) ORDER BY id DESC LIMIT 1`,
      )
      .get(run.engine, run.id, run.started_at, run.started_at) as RunRow | undefined) ?? null
  );
}

/** The health of the engine's last run before this one that had its counts read. */
export function previousHealth(db: SqliteDatabase, engine: string, beforeId: number): StoredHealth | null {
  const text = db
    .prepare('SELECT health FROM feed_runs WHERE engine = ? AND id < ? AND health IS NOT NULL ORDER BY id DESC LIMIT 1')
    .pluck()
    .get(engine, beforeId) as string | undefined;
  return text ? (JSON.parse(text) as StoredHealth) : null;
}

export function toRunView(row: RunRow): FeedRunView {
  const message = row.message ?? '';
  const started = row.started_at ? Date.parse(row.started_at) : null;
  const ended = row.ended_at ? Date.parse(row.ended_at) : null;
  return {
    id: row.id,
    engine: row.engine,
    taskId: row.task_id,
    origin: row.origin,
    force: row.force === 1,
    state: row.state,
    result: row.result,
    message,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    durationMs: started !== null && ended !== null ? Math.max(0, ended - started) : null,
    nextPollAt: row.next_poll_at,
    pollNote: row.poll_note,
    hint: hintFor(row.state, message),
    health: row.health ? toHealthView(JSON.parse(row.health) as StoredHealth) : null,
  };
}

export function listRuns(
  db: SqliteDatabase,
  query: { engine: string; result?: FeedRunResult; offset?: number; limit?: number },
): FeedRunsPage {
  const params = { engine: query.engine, result: query.result ?? null };
  const where = 'engine = @engine AND (@result IS NULL OR result = @result)';
  const total = db.prepare(`SELECT count(*) FROM feed_runs WHERE ${where}`).pluck().get(params) as number;
  const rows = db
    .prepare(`SELECT * FROM feed_runs WHERE ${where} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: query.limit ?? 50, offset: query.offset ?? 0 }) as RunRow[];
  const active = activeRuns(db, query.engine).at(-1);
  return { runs: rows.map(toRunView), total, active: active ? toRunView(active) : null };
}
