/**
 * The app's activity list (per account, `activity` in account migration 6): things that
 * happened in the background, newest first, with what the user has read.
 */
import type { ActivityEntry, ActivityPage } from '../../../preload/contract';
import type { SqliteDatabase } from '../store/open';

export type NewActivity = Omit<ActivityEntry, 'id' | 'at' | 'read'>;

/** Entries kept: a long list of old runs helps nobody, and the table stays small. */
export const KEPT_ENTRIES = 1_000;

interface ActivityRow {
  id: number;
  at: string;
  kind: ActivityEntry['kind'];
  level: ActivityEntry['level'];
  engine: string | null;
  title: string;
  body: string;
  run_id: number | null;
  notify: number;
  offer_remirror: number;
  read: number;
}

const toEntry = (row: ActivityRow): ActivityEntry => ({
  id: row.id,
  at: row.at,
  level: row.level,
  kind: row.kind,
  engine: row.engine,
  title: row.title,
  body: row.body,
  runId: row.run_id,
  notify: row.notify === 1,
  offerRemirror: row.offer_remirror === 1,
  read: row.read === 1,
});

export function addActivity(db: SqliteDatabase, entry: NewActivity, at = new Date()): ActivityEntry {
  return db.transaction(() => {
    const row = db
      .prepare(
        `INSERT INTO activity (at, kind, level, engine, title, body, run_id, notify, offer_remirror)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      )
      .get(
        at.toISOString(),
        entry.kind,
        entry.level,
        entry.engine,
        entry.title,
        entry.body,
        entry.runId,
        entry.notify ? 1 : 0,
        entry.offerRemirror ? 1 : 0,
      ) as ActivityRow;
    db.prepare('DELETE FROM activity WHERE id <= ?').run(row.id - KEPT_ENTRIES);
    return toEntry(row);
  })();
}

export function unreadActivity(db: SqliteDatabase): number {
  return db.prepare('SELECT count(*) FROM activity WHERE read = 0').pluck().get() as number;
}

/** Newest first. A listed entry is not new: only `activity:added` asks for a notification. */
export function listActivity(db: SqliteDatabase, limit: number): ActivityPage {
  const rows = db.prepare('SELECT * FROM activity ORDER BY id DESC LIMIT ?').all(limit) as ActivityRow[];
  return { entries: rows.map((row) => ({ ...toEntry(row), notify: false })), unread: unreadActivity(db) };
}

/** Marks the given entries read (all of them for null); answers how many stay unread. */
export function markActivityRead(db: SqliteDatabase, ids: number[] | null): number {
  if (ids === null) db.prepare('UPDATE activity SET read = 1 WHERE read = 0').run();
  else {
    const mark = db.prepare('UPDATE activity SET read = 1 WHERE id = ?');
    db.transaction(() => {
      for (const id of ids) mark.run(id);
    })();
  }
  return unreadActivity(db);
}
