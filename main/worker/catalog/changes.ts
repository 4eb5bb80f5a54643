/**
 * What an action changed, as stored in `actions.changes` (JSON): enough to undo and redo it
 * exactly, also after a restart. Short keys: a paste of 10,000 rows stores 10,000 of these.
 */
import type { Doc, ItemStatus } from '../sync/merge';

/** [field, before, after]; null stands for "no value" (the field absent). */
export type FieldChange = [field: string, before: unknown, after: unknown];

/** A row's whole state, for changes a field list cannot say (a conflict settled, a new item dropped). */
export interface RowState {
  doc: Doc;
  base: Doc | null;
  theirs: Doc | null;
  status: ItemStatus;
  error: string | null;
}

interface ItemRef {
  /** engine, type and id of the item. */
  e: string;
  t: string;
  id: string;
}

export type ItemChange =
  /** Fields set; `s` is the status before and after, `err` the error a failed row had. */
  | (ItemRef & { op: 'set'; f: FieldChange[]; s: [ItemStatus, ItemStatus]; err?: string | null })
  /** An item made here, with its document. */
  | (ItemRef & { op: 'create'; doc: Doc })
  /** An item deleted; its document and status before, to restore it. */
  | (ItemRef & { op: 'delete'; doc: Doc; s: ItemStatus; err: string | null })
  /** A row's whole state before and after (null: no row). */
  | (ItemRef & { op: 'row'; b: RowState | null; a: RowState | null });

export function rowState(row: RowState): RowState {
  return { doc: row.doc, base: row.base, theirs: row.theirs, status: row.status, error: row.error };
}
