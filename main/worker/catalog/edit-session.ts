/**
 * One user action (or one undo or redo of it) being applied, inside one transaction: each
 * row is read, changed by the rules of row-rules.ts, written, and its change noted for
 * undo, for the item's history and for the caches of the views it touched.
 */
import type { ChangeOrigin, RejectedValue } from '../../../preload/contract';
import type { SqliteDatabase } from '../store/open';
import { sameValue, type Doc } from '../sync/merge';
import { rowState, type FieldChange, type ItemChange, type RowState } from './changes';
import type { HistoryRecord } from './history';
import { insertRow, removeRow, writeRow, type ItemRow } from './item-rows';
import { afterDelete, afterEdit, afterRestore, type DeletedFrom } from './row-rules';
import { typeVersion, type TypeVersion } from './versions';

/** What the session wrote to one type, for the view caches and the events after it. */
export interface TypeWrite {
  engine: string;
  type: string;
  before: TypeVersion;
  fields: Set<string>;
  membership: boolean;
  /** The rows written (removed ones too), so a view's cached order can be patched rather than read again. */
  rowids: Set<number>;
}

export class EditSession {
  readonly changes: ItemChange[] = [];
  readonly history: HistoryRecord[] = [];
  readonly rejected: RejectedValue[] = [];
  readonly writes = new Map<string, TypeWrite>();
  private readonly items = new Set<string>();

  /** History entries without a summary of their own take the action's, once it is known. */
  constructor(
    readonly db: SqliteDatabase,
    readonly origin: ChangeOrigin,
  ) {}

  get itemsChanged(): number {
    return this.items.size;
  }

  reject(value: RejectedValue): void {
    this.rejected.push(value);
  }

  /**
   * Sets fields of a row (a null value removes the field). Returns the row as it is now,
   * or null if the row cannot be edited (deleted): the caller reports that.
   */
  setFields(row: ItemRow, values: ReadonlyMap<string, unknown>, summary = ''): ItemRow | null {
    const doc: Doc = { ...row.doc };
    for (const [field, value] of values) {
      if (value === null || value === undefined) delete doc[field];
      else doc[field] = value;
    }
    const result = afterEdit(row, doc);
    if ('refused' in result) return null;
    const next = result.row;
    if (next === row) return row;
    const fields: FieldChange[] = [];
    for (const field of values.keys()) {
      if (!sameValue(row.doc[field], doc[field])) fields.push([field, row.doc[field] ?? null, doc[field] ?? null]);
    }
    this.touch(
      row,
      fields.map(([field]) => field),
      false,
    ).rowids.add(row.rowid);
    writeRow(this.db, next);
    this.changes.push({
      op: 'set',
      e: row.engine,
      t: row.type,
      id: row.id,
      f: fields,
      s: [row.status, next.status],
      ...(row.status === 'failed' ? { err: row.error } : {}),
    });
    this.note(row, fields, summary);
    return next;
  }

  /** Deletes an item by the rules (gone at once if never synced); false if it already was. */
  deleteItem(row: ItemRow, summary = ''): boolean {
    const result = afterDelete(row);
    if (!result) return false;
    this.touch(row, [], true).rowids.add(row.rowid);
    if ('remove' in result) removeRow(this.db, row.rowid);
    else writeRow(this.db, result.row);
    this.changes.push({
      op: 'delete',
      e: row.engine,
      t: row.type,
      id: row.id,
      doc: row.doc,
      s: row.status,
      err: row.error,
    });
    this.note(row, [], summary);
    return true;
  }

  /**
   * Brings a deleted item back: the row as it was, or, when the deletion was synced and the
   * row is gone, a new item with the document it had.
   */
  restoreItem(
    ref: { engine: string; type: string; id: string },
    row: ItemRow | null,
    doc: Doc,
    from: DeletedFrom,
    summary = '',
  ): boolean {
    if (!row) {
      this.insert({ ...ref, doc, base: null, theirs: null, status: 'new', error: null }, summary);
      return true;
    }
    const next = afterRestore(row, from);
    if (!next) return false;
    this.touch(row, [], true).rowids.add(row.rowid);
    writeRow(this.db, next);
    this.changes.push({ op: 'create', e: row.engine, t: row.type, id: row.id, doc: next.doc });
    this.note(row, [], summary);
    return true;
  }

  /** Adds a new item (the caller checked its id is free). */
  createItem(ref: { engine: string; type: string; id: string }, doc: Doc, summary = ''): ItemRow {
    return this.insert({ ...ref, doc, base: null, theirs: null, status: 'new', error: null }, summary);
  }

  /**
   * Writes a row's whole state (a conflict settled, a change discarded): `next` null removes
   * the row, `row` null adds it. Every write moves `rev`, so a push in flight rebases it.
   */
  writeState(
    ref: { engine: string; type: string; id: string },
    row: ItemRow | null,
    next: RowState | null,
    summary = '',
  ): void {
    const before = row ? rowState(row) : null;
    const fields = before && next ? fieldDiff(before.doc, next.doc) : [];
    const write = row
      ? this.touch(
          row,
          fields.map(([field]) => field),
          next === null,
        )
      : this.touch({ engine: ref.engine, type: ref.type, id: ref.id }, [], true);
    if (row) write.rowids.add(row.rowid);
    if (!row && next) write.rowids.add(insertRow(this.db, { ...ref, ...next, rev: 1 }).rowid);
    else if (row && !next) removeRow(this.db, row.rowid);
    else if (row && next) writeRow(this.db, { ...row, ...next, rev: row.rev + 1 });
    this.changes.push({ op: 'row', e: ref.engine, t: ref.type, id: ref.id, b: before, a: next });
    this.note({ engine: ref.engine, type: ref.type, id: ref.id }, fields, summary);
  }

  private insert(state: RowState & { engine: string; type: string; id: string }, summary: string): ItemRow {
    const write = this.touch(state, Object.keys(state.doc), true);
    const row = insertRow(this.db, { ...state, rev: 1 });
    write.rowids.add(row.rowid);
    this.changes.push({ op: 'create', e: state.engine, t: state.type, id: state.id, doc: state.doc });
    this.note(state, [], summary);
    return row;
  }

  private touch(
    ref: { engine: string; type: string; id: string },
    fields: readonly string[],
    membership: boolean,
  ): TypeWrite {
    const key = `${ref.engine}\t${ref.type}`;
    let write = this.writes.get(key);
    if (!write) {
      // Read before the first write to the type: the view caches compare against it.
      write = {
        engine: ref.engine,
        type: ref.type,
        before: typeVersion(this.db, ref.engine, ref.type),
        fields: new Set(),
        membership: false,
        rowids: new Set(),
      };
      this.writes.set(key, write);
    }
    for (const field of fields) write.fields.add(field);
    if (membership) write.membership = true;
    this.items.add(`${key}\t${ref.id}`);
    return write;
  }

  private note(ref: { engine: string; type: string; id: string }, fields: FieldChange[], summary: string): void {
    this.history.push({ engine: ref.engine, type: ref.type, item: ref.id, origin: this.origin, summary, fields });
  }
}

function fieldDiff(before: Doc, after: Doc): FieldChange[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter((field) => !sameValue(before[field], after[field]))
    .sort()
    .map((field) => [field, before[field] ?? null, after[field] ?? null]);
}
