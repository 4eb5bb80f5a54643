/**
 * How far a type's rows have moved on: counters the items table's triggers keep (migration
 * 3), whoever writes (the grid, the mirror, a push). Caches of a view's order or a type's
 * fields remember the counters they were made at and are stale once these differ.
 */
import type { SqliteDatabase } from '../store/open';

export interface TypeVersion {
  /** Moves with every document written, row added or row removed. */
  docs: number;
  /** Moves with every change of a row's status. */
  states: number;
  /** Rows of the type. */
  items: number;
}

const NONE: TypeVersion = { docs: 0, states: 0, items: 0 };

type ReadVersion = (engine: string, type: string) => TypeVersion | undefined;

const readers = new WeakMap<SqliteDatabase, ReadVersion>();

export function typeVersion(db: SqliteDatabase, engine: string, type: string): TypeVersion {
  let read = readers.get(db);
  if (!read) {
    const statement = db.prepare('SELECT docs, states, items FROM type_versions WHERE engine = ? AND type = ?');
    read = (engine, type) => statement.get(engine, type) as TypeVersion | undefined;
    readers.set(db, read);
  }
  return read(engine, type) ?? NONE;
}
