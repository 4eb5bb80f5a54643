/**
 * Each item's history (`item_history`): every change with its time and origin (an edit,
 * a paste, an undo, the server...). The grid's own changes are written with their action;
 * the mirror's updates of existing rows are written by `recordServerUpdate`.
 */
import type { ChangeOrigin, HistoryEntry } from '../../../preload/contract';
import { prepared, type SqliteDatabase } from '../store/open';
import { changedFields, type Doc } from '../sync/merge';
import type { FieldChange } from './changes';

export interface HistoryRecord {
  engine: string;
  type: string;
  item: string;
  origin: ChangeOrigin;
  summary: string;
  /** Empty for a change of the whole item (created, deleted, restored). */
  fields: FieldChange[];
}

/** Entries kept per item: older ones go as new ones come. */
const KEPT_PER_ITEM = 500;

type InsertEntry = (record: HistoryRecord, at: string, action: number | null) => void;

const inserters = new WeakMap<SqliteDatabase, InsertEntry>();

function inserter(db: SqliteDatabase): InsertEntry {
  let insert = inserters.get(db);
  if (!insert) {
    const statement = db.prepare(
      'INSERT INTO item_history (engine, type, item, at, origin, action, summary, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    insert = (record, at, action) =>
      statement.run(
        record.engine,
        record.type,
        record.item,
        at,
        record.origin,
        action,
        record.summary,
        JSON.stringify(record.fields),
      );
    inserters.set(db, insert);
  }
  return insert;
}

export function writeHistory(
  db: SqliteDatabase,
  records: readonly HistoryRecord[],
  at: string,
  action: number | null,
): void {
  const insert = inserter(db);
  for (const record of records) insert(record, at, action);
}

interface StoredEntry {
  at: string;
  origin: ChangeOrigin;
  summary: string;
  fields: string;
}

/** An item's changes, newest first, one entry per field (or one for a whole-item change). */
export function itemHistory(db: SqliteDatabase, engine: string, type: string, item: string): HistoryEntry[] {
  const rows = db
    .prepare(
      'SELECT at, origin, summary, fields FROM item_history WHERE engine = ? AND type = ? AND item = ? ORDER BY id DESC LIMIT ?',
    )
    .all(engine, type, item, KEPT_PER_ITEM) as StoredEntry[];
  return rows.flatMap((row): HistoryEntry[] => {
    const fields = JSON.parse(row.fields) as FieldChange[];
    if (fields.length === 0)
      return [{ at: row.at, origin: row.origin, field: null, before: null, after: null, summary: row.summary }];
    return fields.map(([field, before, after]) => ({
      at: row.at,
      origin: row.origin,
      field,
      before,
      after,
      summary: row.summary,
    }));
  });
}

/** The fields that differ between two documents, as history stores them. */
export function fieldChanges(before: Doc, after: Doc): FieldChange[] {
  return changedFields(before, after)
    .sort()
    .map((field) => [field, before[field] ?? null, after[field] ?? null]);
}

/**
 * The mirror changed an existing row (sync/mirror.ts calls this in its page transaction):
 * its fields that changed go into the item's history with origin `server`.
 */
export function recordServerUpdate(
  db: SqliteDatabase,
  row: { engine: string; type: string; id: string; before: string; after: Doc; conflicts?: readonly string[] },
): boolean {
  const afterText = JSON.stringify(row.after);
  if (afterText === row.before) return false;
  const fields = fieldChanges(JSON.parse(row.before) as Doc, row.after);
  if (fields.length === 0 && !row.conflicts?.length) return false;
  const summary = row.conflicts?.length
    ? `Changed on the server; in conflict with changes here: ${row.conflicts.join(', ')}`
    : 'Changed on the server';
  writeHistory(
    db,
    [{ engine: row.engine, type: row.type, item: row.id, origin: 'server', summary, fields }],
    new Date().toISOString(),
    null,
  );
  return true;
}

/**
 * The mirror found rows gone from the server (sync/mirror.ts calls this in its transaction,
 * before it changes them): each row it names gets a whole-item entry with
 * origin `server`. `where` is the mirror's own condition over the items table.
 */
export function recordServerRemovals(
  db: SqliteDatabase,
  scope: { where: string; params: unknown[]; summary: string },
): void {
  prepared(
    db,
    `INSERT INTO item_history (engine, type, item, at, origin, action, summary, fields)
       SELECT engine, type, id, ?, 'server', NULL, ?, '[]' FROM items WHERE ${scope.where}`,
  ).run(new Date().toISOString(), scope.summary, ...scope.params);
}

/**
 * Items whose history grew past the limit lose their oldest entries (run now and then, not on
 * every write). Only those items are visited: one pass over the history's index finds them
 * (numbering every entry of every item took seconds on a big history, at the start).
 */
export function trimHistory(db: SqliteDatabase, kept = KEPT_PER_ITEM): number {
  return db
    .prepare(
      `DELETE FROM item_history WHERE id IN (
         SELECT entry.id FROM (
           SELECT engine, type, item FROM item_history GROUP BY engine, type, item HAVING count(*) > ?
         ) AS crowded
         JOIN item_history AS entry ON entry.engine = crowded.engine AND entry.type = crowded.type AND entry.item = crowded.item
         WHERE entry.id <= (
           SELECT newer.id FROM item_history AS newer
           WHERE newer.engine = crowded.engine AND newer.type = crowded.type AND newer.item = crowded.item
           ORDER BY newer.id DESC LIMIT 1 OFFSET ?
         ))`,
    )
    .run(kept, kept).changes;
}
