/** Process tasks as rows of the `tasks` table: what `GET /v1/{hashid}/tasks/...` reports. */
import { randomUUID } from 'node:crypto';
import type { SandboxDb } from '../store/database';

export type TaskState = 'PENDING' | 'STARTED' | 'SUCCESS' | 'FAILURE';

export interface ProcessTask {
  id: string;
  engineId: number;
  state: TaskState;
  message: string;
  force: boolean;
  createdAt: number;
}

/** The documented wording (management-api-v1.md "Processing Tasks"), typos included. */
export const TASK_MESSAGES = {
  accepted: 'Your request has been accepted for processing',
  running: 'Your task is being processed',
  success: 'The task has successfuly finished',
  stillRunning: 'A previous process is still running. Check the link',
  notFound: 'No info on that task',
  empty: 'Feed is empty',
  unchanged: 'No changes',
  interrupted: 'The sandbox stopped before this task finished',
} as const;

/** Task ids end up as the last path segment of the task link (pydoof 2.x reads it from there). */
export const TASK_ID = /^[\w-]+$/;

interface TaskRow {
  id: string;
  engine_id: number;
  state: TaskState;
  message: string;
  force: number;
  created_at: number;
}

const toTask = (row: TaskRow): ProcessTask => ({
  id: row.id,
  engineId: row.engine_id,
  state: row.state,
  message: row.message,
  force: row.force === 1,
  createdAt: row.created_at,
});

export function createProcessTask(db: SandboxDb, engineId: number, force: boolean, now: number): ProcessTask {
  const row = db
    .prepare(
      `INSERT INTO tasks (id, engine_id, name, state, message, force, created_at)
       VALUES (?, ?, 'process', 'PENDING', ?, ?, ?) RETURNING *`,
    )
    .get(randomUUID(), engineId, TASK_MESSAGES.accepted, force ? 1 : 0, now) as TaskRow;
  return toTask(row);
}

export function taskById(db: SandboxDb, engineId: number, id: string): ProcessTask | null {
  const row = db.prepare('SELECT * FROM tasks WHERE engine_id = ? AND id = ?').get(engineId, id) as TaskRow | undefined;
  return row ? toTask(row) : null;
}

/** The engine's latest process task. Insertion order, not the clock: tests move the clock back. */
export function lastProcessTask(db: SandboxDb, engineId: number): ProcessTask | null {
  const row = db
    .prepare("SELECT * FROM tasks WHERE engine_id = ? AND name = 'process' ORDER BY rowid DESC LIMIT 1")
    .get(engineId) as TaskRow | undefined;
  return row ? toTask(row) : null;
}

export function activeProcessTask(db: SandboxDb, engineId: number): ProcessTask | null {
  const row = db
    .prepare(
      `SELECT * FROM tasks WHERE engine_id = ? AND name = 'process' AND state IN ('PENDING', 'STARTED')
       ORDER BY rowid DESC LIMIT 1`,
    )
    .get(engineId) as TaskRow | undefined;
  return row ? toTask(row) : null;
}

export function taskExists(db: SandboxDb, id: string): boolean {
  return db.prepare('SELECT 1 FROM tasks WHERE id = ?').get(id) !== undefined;
}

export function markStarted(db: SandboxDb, id: string, now: number): void {
  db.prepare("UPDATE tasks SET state = 'STARTED', message = ?, started_at = ? WHERE id = ?").run(
    TASK_MESSAGES.running,
    now,
    id,
  );
}

export function markFinished(
  db: SandboxDb,
  id: string,
  outcome: { state: 'SUCCESS' | 'FAILURE'; message: string; result?: unknown },
  now: number,
): void {
  db.prepare('UPDATE tasks SET state = ?, message = ?, finished_at = ?, result = ? WHERE id = ?').run(
    outcome.state,
    outcome.message,
    now,
    outcome.result === undefined ? null : JSON.stringify(outcome.result),
    id,
  );
}

/** Tasks left PENDING or STARTED by a sandbox that stopped (a data file reopened): they will never finish. */
export function failUnfinishedTasks(db: SandboxDb, now: number, ids?: string[]): number {
  const unfinished = "state IN ('PENDING', 'STARTED')";
  if (ids) {
    const update = db.prepare(
      `UPDATE tasks SET state = 'FAILURE', message = ?, finished_at = ? WHERE id = ? AND ${unfinished}`,
    );
    return ids.reduce((count, id) => count + update.run(TASK_MESSAGES.interrupted, now, id).changes, 0);
  }
  return db
    .prepare(`UPDATE tasks SET state = 'FAILURE', message = ?, finished_at = ? WHERE ${unfinished}`)
    .run(TASK_MESSAGES.interrupted, now).changes;
}
