/**
 * Processing log lines (management-api-v1.md "List Tasks Logs"): `{date, level, msg,
 * log_type}`, newest first. Row problems name their line in the documented wording
 * ("... at line number: N").
 */
import type { SandboxDb } from '../store/database';

export type LogLevel = 'INFO' | 'WARNING' | 'ERROR';

export interface LogLine {
  date: string;
  level: LogLevel;
  msg: string;
  log_type: string;
}

/** An engine keeps this many lines; older ones go when a run ends. */
const KEPT_LINES = 10_000;

/** "2013-07-16T11:02:02.080", as the document shows it (UTC, no zone suffix). */
export function logDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23);
}

export function atLine(message: string, line: number): string {
  return `${message} at line number: ${line}`;
}

export class TaskLog {
  private readonly insert;

  constructor(
    db: SandboxDb,
    private readonly engineId: number,
    private readonly taskId: string,
    private readonly now: () => number,
  ) {
    this.insert = db.prepare(
      "INSERT INTO logs (engine_id, task_id, date, level, msg, log_type) VALUES (?, ?, ?, ?, ?, 'log.parser')",
    );
  }

  add(level: LogLevel, msg: string): void {
    this.insert.run(this.engineId, this.taskId, logDate(this.now()), level, msg);
  }
}

export function logLines(db: SandboxDb, engineId: number): LogLine[] {
  return db
    .prepare('SELECT date, level, msg, log_type FROM logs WHERE engine_id = ? ORDER BY id DESC')
    .all(engineId) as LogLine[];
}

export function pruneLog(db: SandboxDb, engineId: number): void {
  db.prepare(
    `DELETE FROM logs WHERE engine_id = ? AND id <= (
       SELECT id FROM logs WHERE engine_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`,
  ).run(engineId, engineId, KEPT_LINES);
}
