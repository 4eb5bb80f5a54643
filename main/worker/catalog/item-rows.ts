/**
 * Reading and writing item rows (the items table, DESIGN.md section 4) for the grid's
 * edits. Statements are prepared once per database: a paste writes thousands of rows.
 */
import type { SqliteDatabase } from '../store/open';
import type { Doc, ItemStatus } from '../sync/merge';

export interface ItemRow {
  rowid: number;
  engine: string;
  type: string;
  id: string;
  doc: Doc;
  base: Doc | null;
  theirs: Doc | null;
  status: ItemStatus;
  error: string | null;
  rev: number;
  /** What a row in `pushing` was sent as (push.ts); kept after a failed push of a row deleted meanwhile. */
  pendingOp: string | null;
}

interface RawRow {
  rowid: number;
  engine: string;
  type: string;
  id: string;
  doc: string;
  base: string | null;
  theirs: string | null;
  status: ItemStatus;
  error: string | null;
  rev: number;
  pending_op: string | null;
}

const COLUMNS = 'rowid, engine, type, id, doc, base, theirs, status, error, rev, pending_op';

const parseDoc = (text: string | null): Doc | null => (text === null ? null : (JSON.parse(text) as Doc));
const docText = (doc: Doc | null): string | null => (doc === null ? null : JSON.stringify(doc));

function fromRaw(raw: RawRow): ItemRow {
  return {
    rowid: raw.rowid,
    engine: raw.engine,
    type: raw.type,
    id: raw.id,
    doc: parseDoc(raw.doc) ?? {},
    base: parseDoc(raw.base),
    theirs: parseDoc(raw.theirs),
    status: raw.status,
    error: raw.error,
    rev: raw.rev,
    pendingOp: raw.pending_op,
  };
}

class ItemStatements {
  readonly byId;
  readonly byRowid;
  readonly byRowids;
  readonly update;
  readonly insert;
  readonly remove;

  constructor(db: SqliteDatabase) {
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM items WHERE engine = ? AND type = ? AND id = ?`);
    this.byRowid = db.prepare(`SELECT ${COLUMNS} FROM items WHERE rowid = ?`);
    this.byRowids = db.prepare(`SELECT ${COLUMNS} FROM items WHERE rowid IN (SELECT value FROM json_each(?))`);
    this.update = db.prepare(
      'UPDATE items SET doc = ?, base = ?, theirs = ?, status = ?, error = ?, rev = ?, pending_op = ? WHERE rowid = ?',
    );
    this.insert = db.prepare(
      'INSERT INTO items (engine, type, id, doc, base, theirs, status, error, rev) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.remove = db.prepare('DELETE FROM items WHERE rowid = ?');
  }
}

const cache = new WeakMap<SqliteDatabase, ItemStatements>();

function statements(db: SqliteDatabase): ItemStatements {
  let found = cache.get(db);
  if (!found) {
    found = new ItemStatements(db);
    cache.set(db, found);
  }
  return found;
}

export function rowById(db: SqliteDatabase, engine: string, type: string, id: string): ItemRow | null {
  const raw = statements(db).byId.get(engine, type, id) as RawRow | undefined;
  return raw ? fromRaw(raw) : null;
}

export function rowByRowid(db: SqliteDatabase, rowid: number): ItemRow | null {
  const raw = statements(db).byRowid.get(rowid) as RawRow | undefined;
  return raw ? fromRaw(raw) : null;
}

/** Rows by rowid, in the order asked (rows gone since are left out). */
export function rowsByRowids(db: SqliteDatabase, rowids: readonly number[]): ItemRow[] {
  const found = new Map<number, ItemRow>();
  const read = statements(db).byRowids;
  // json_each takes the list as one parameter; chunks keep each query's list modest.
  for (let at = 0; at < rowids.length; at += 5_000) {
    for (const raw of read.all(JSON.stringify(rowids.slice(at, at + 5_000))) as RawRow[])
      found.set(raw.rowid, fromRaw(raw));
  }
  return rowids.flatMap((rowid) => found.get(rowid) ?? []);
}

export function writeRow(db: SqliteDatabase, row: ItemRow): void {
  statements(db).update.run(
    docText(row.doc),
    docText(row.base),
    docText(row.theirs),
    row.status,
    row.error,
    row.rev,
    row.pendingOp,
    row.rowid,
  );
}

/** Adds a row; returns it with its rowid. */
export function insertRow(db: SqliteDatabase, row: Omit<ItemRow, 'rowid' | 'pendingOp'>): ItemRow {
  const result = statements(db).insert.run(
    row.engine,
    row.type,
    row.id,
    docText(row.doc),
    docText(row.base),
    docText(row.theirs),
    row.status,
    row.error,
    row.rev,
  );
  return { ...row, rowid: Number(result.lastInsertRowid), pendingOp: null };
}

export function removeRow(db: SqliteDatabase, rowid: number): void {
  statements(db).remove.run(rowid);
}
