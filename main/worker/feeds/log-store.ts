/**
 * An engine's processing log as last read from `/logs` (`feed_logs`, account migration 6),
 * so the logs show offline and filter without asking Doofinder again (each request counts
 * against the customer's plan). Listed newest first by date; lines of one moment keep the server's order.
 */
import type { FeedLogLine, FeedLogsPage } from '../../../preload/contract';
import type { SqliteDatabase } from '../store/open';

export interface LogQuery {
  engine: string;
  levels?: string[];
  text?: string;
  offset?: number;
  limit?: number;
}

export const DEFAULT_LOG_PAGE = 500;

export function replaceLogLines(db: SqliteDatabase, engine: string, lines: FeedLogLine[], at = new Date()): void {
  const insert = db.prepare(
    'INSERT INTO feed_logs (engine, seq, date, level, message, line) VALUES (?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    db.prepare('DELETE FROM feed_logs WHERE engine = ?').run(engine);
    lines.forEach((line, seq) => insert.run(engine, seq, line.date, line.level, line.message, line.line));
    db.prepare(
      `INSERT INTO feed_log_fetches (engine, fetched_at, error) VALUES (?, ?, NULL)
       ON CONFLICT (engine) DO UPDATE SET fetched_at = excluded.fetched_at, error = NULL`,
    ).run(engine, at.toISOString());
  })();
}

/** The last read failed: the stored lines stay, with why. */
export function recordLogError(db: SqliteDatabase, engine: string, error: string): void {
  db.prepare(
    `INSERT INTO feed_log_fetches (engine, fetched_at, error) VALUES (?, NULL, ?)
     ON CONFLICT (engine) DO UPDATE SET error = excluded.error`,
  ).run(engine, error);
}

export function queryLogLines(db: SqliteDatabase, query: LogQuery): FeedLogsPage {
  const fetch = db.prepare('SELECT fetched_at, error FROM feed_log_fetches WHERE engine = ?').get(query.engine) as
    { fetched_at: string | null; error: string | null } | undefined;
  const levelRows = db
    .prepare('SELECT level, count(*) AS n FROM feed_logs WHERE engine = ? GROUP BY level')
    .all(query.engine) as Array<{ level: string; n: number }>;
  const levels = Object.fromEntries(levelRows.map((row) => [row.level, row.n]));
  const wanted = (query.levels ?? []).map((level) => level.toUpperCase());
  const text = query.text?.trim().toLowerCase() ?? '';
  const where = [
    'engine = @engine',
    wanted.length > 0 ? `level IN (${wanted.map((_, i) => `@level${i}`).join(', ')})` : null,
    text ? 'instr(lower(message), @text) > 0' : null,
  ]
    .filter(Boolean)
    .join(' AND ');
  const params: Record<string, unknown> = { engine: query.engine, text };
  wanted.forEach((level, i) => (params[`level${i}`] = level));
  const total = db.prepare(`SELECT count(*) FROM feed_logs WHERE ${where}`).pluck().get(params) as number;
  const rows = db
    .prepare(
      `SELECT date, level, message, line FROM feed_logs WHERE ${where} ORDER BY date DESC, seq LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: query.limit ?? DEFAULT_LOG_PAGE, offset: query.offset ?? 0 }) as FeedLogLine[];
  return { fetchedAt: fetch?.fetched_at ?? null, error: fetch?.error ?? null, lines: rows, total, levels };
}
