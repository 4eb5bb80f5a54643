/**
 * Replace mode: the items of the type the file does not name, which the apply deletes.
 * An id on an invalid row still counts as named: a broken row never deletes its item.
 */
import { prepared, type SqliteDatabase } from '../../store/open';
import { stageTable } from './stage-table';

const LIVE = "NOT (status = 'deleted' OR (status = 'pushing' AND pending_op = 'delete'))";

function missingSql(importId: number, select: string): string {
  return `SELECT ${select} FROM items WHERE engine = ? AND type = ? AND ${LIVE}
    AND NOT EXISTS (SELECT 1 FROM ${stageTable(importId)} AS staged WHERE staged.id = items.id)`;
}

export function countMissing(db: SqliteDatabase, importId: number, engine: string, type: string): number {
  return prepared(db, missingSql(importId, 'count(*)')).pluck().get(engine, type) as number;
}

/** Ids of the missing items after `afterId`, in id order, a page at a time. */
export function missingPage(
  db: SqliteDatabase,
  importId: number,
  engine: string,
  type: string,
  afterId: string,
  limit: number,
): string[] {
  return prepared(db, `${missingSql(importId, 'id')} AND id > ? ORDER BY id LIMIT ?`)
    .pluck()
    .all(engine, type, afterId, limit) as string[];
}

export function* missingIds(
  db: SqliteDatabase,
  importId: number,
  engine: string,
  type: string,
  pageSize = 2_000,
): Generator<string> {
  let after = '';
  for (;;) {
    const page = missingPage(db, importId, engine, type, after, pageSize);
    yield* page;
    const last = page.at(-1);
    if (last === undefined || page.length < pageSize) return;
    after = last;
  }
}
