/**
 * The catalog's items for a batch of staged rows, in one query (a lookup per row costs
 * most of a dry run at a million rows): only what the dry run compares, the document and
 * whether the item is deleted.
 */
import { prepared, type SqliteDatabase } from '../../store/open';
import type { Doc } from '../../sync/merge';

export interface StagedItem {
  id: string;
  doc: Doc;
  /** Deleted here and not synced yet (catalog/row-rules.ts `isDeleted`): it cannot be edited. */
  deleted: boolean;
}

interface RawItem {
  id: string;
  doc: string;
  deleted: number;
}

export function itemsByIds(
  db: SqliteDatabase,
  engine: string,
  type: string,
  ids: readonly string[],
): Map<string, StagedItem> {
  const rows = prepared(
    db,
    // The ids drive the loop (CROSS JOIN keeps them outside): one index lookup each.
    `SELECT items.id, items.doc, (status = 'deleted' OR (status = 'pushing' AND pending_op = 'delete')) AS deleted
     FROM json_each(?) AS wanted CROSS JOIN items ON items.engine = ? AND items.type = ? AND items.id = wanted.value`,
  ).all(JSON.stringify(ids), engine, type) as RawItem[];
  return new Map(
    rows.map((row) => [row.id, { id: row.id, doc: JSON.parse(row.doc) as Doc, deleted: row.deleted === 1 }]),
  );
}
