/**
 * Keeps the quick search's FTS index current. Rows whose text changed wait in
 * `items_search_stale` (migration 3's triggers put them there, so a big paste does not pay
 * for re-indexing inside its transaction); they are re-indexed in small steps in the
 * background, and all of them before any search, so a search never misses an edit.
 */
import { prepared, type SqliteDatabase } from '../store/open';
import { searchText } from '../store/migrations';

/** Rows re-indexed per background step (about 10 ms of work on a 1M-item index). */
export const REINDEX_STEP = 200;

export function staleRows(db: SqliteDatabase): number {
  return prepared(db, 'SELECT count(*) FROM items_search_stale').pluck().get() as number;
}

/** Re-indexes up to `limit` stale rows (all when omitted), oldest first; returns how many. */
export function reindexStale(db: SqliteDatabase, limit = Number.MAX_SAFE_INTEGER): number {
  return db.transaction(() => {
    const last = prepared(db, 'SELECT max(rowid) FROM (SELECT rowid FROM items_search_stale ORDER BY rowid LIMIT ?)')
      .pluck()
      .get(limit) as number | null;
    if (last === null) return 0;
    prepared(
      db,
      "INSERT INTO items_search (items_search, rowid, text) SELECT 'delete', rowid, indexed FROM items_search_stale WHERE rowid <= ?",
    ).run(last);
    // CROSS JOIN keeps the stale rows as the outer loop: with a plain JOIN SQLite carries
    // `rowid <= ?` over to items and walks every item below it (0.2 s for one row at 1M items).
    prepared(
      db,
      `INSERT INTO items_search (rowid, text) SELECT items.rowid, ${searchText('items')}
       FROM items_search_stale AS stale CROSS JOIN items ON items.rowid = stale.rowid WHERE stale.rowid <= ?`,
    ).run(last);
    return prepared(db, 'DELETE FROM items_search_stale WHERE rowid <= ?').run(last).changes;
  })();
}
