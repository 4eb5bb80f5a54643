/**
 * Undo and redo of an action's changes. They are edits like any other, made through the
 * same row rules: undoing an action already synced makes the reverse edits, which sync like
 * any edit (so a whole sync can be rolled back); undoing a delete brings the item back, as a
 * new item if its deletion was synced. Where nothing touched a row since, its exact state
 * comes back (a failed row is failed again, a settled conflict open again).
 */
import { sameValue, type Doc } from '../sync/merge';
import type { ItemChange, RowState } from './changes';
import type { EditSession } from './edit-session';
import { rowById, writeRow, type ItemRow } from './item-rows';

function sameState(row: ItemRow | null, state: RowState | null): boolean {
  if (!row || !state) return row === null && state === null;
  return (
    row.status === state.status &&
    row.error === state.error &&
    sameValue(row.doc, state.doc) &&
    sameValue(row.base, state.base) &&
    sameValue(row.theirs, state.theirs)
  );
}

/** The field values that turn document `from` into `to` (null: remove the field). */
function valuesBetween(from: Doc, to: Doc): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const field of new Set([...Object.keys(from), ...Object.keys(to)])) {
    if (!sameValue(from[field], to[field])) values.set(field, to[field] ?? null);
  }
  return values;
}

/** A row state put back: exactly where the row is as the action left it, else by edits. */
function moveState(
  session: EditSession,
  change: Extract<ItemChange, { op: 'row' }>,
  from: RowState | null,
  to: RowState | null,
): boolean {
  const ref = { engine: change.e, type: change.t, id: change.id };
  const row = rowById(session.db, change.e, change.t, change.id);
  if (sameState(row, from)) {
    if (row === null && to === null) return true;
    session.writeState(ref, row, to);
    return true;
  }
  if (row && from && to) return session.setFields(row, valuesBetween(row.doc, to.doc)) !== null;
  if (row && !to) return session.deleteItem(row);
  if (!row && to) {
    session.writeState(ref, null, to);
    return true;
  }
  return false;
}

function apply(session: EditSession, change: ItemChange, direction: 'undo' | 'redo'): boolean {
  const ref = { engine: change.e, type: change.t, id: change.id };
  const row = () => rowById(session.db, change.e, change.t, change.id);
  const undo = direction === 'undo';
  switch (change.op) {
    case 'set': {
      const current = row();
      if (!current) return false;
      const values = new Map(change.f.map(([field, before, after]) => [field, undo ? before : after]));
      const next = session.setFields(current, values);
      if (!next) return false;
      // A failed row edited, then undone: it is failed again, with the server's reason.
      if (undo && change.s[0] === 'failed' && next !== current && (next.status === 'dirty' || next.status === 'new'))
        writeRow(session.db, { ...next, status: 'failed', error: change.err ?? null });
      return true;
    }
    case 'create': {
      if (!undo) return session.restoreItem(ref, row(), change.doc, { status: 'new', error: null });
      const current = row();
      return current ? session.deleteItem(current) : false;
    }
    case 'delete': {
      if (undo) return session.restoreItem(ref, row(), change.doc, { status: change.s, error: change.err });
      const current = row();
      return current ? session.deleteItem(current) : false;
    }
    case 'row':
      return undo ? moveState(session, change, change.a, change.b) : moveState(session, change, change.b, change.a);
  }
}

/** Reverts an action's changes (last first); returns how many could not be (their item is gone). */
export function undoChanges(session: EditSession, changes: readonly ItemChange[]): number {
  let missed = 0;
  for (let index = changes.length - 1; index >= 0; index -= 1) {
    const change = changes[index];
    if (change && !apply(session, change, 'undo')) missed += 1;
  }
  return missed;
}

/** Applies an undone action's changes again, in their order. */
export function redoChanges(session: EditSession, changes: readonly ItemChange[]): number {
  let missed = 0;
  for (const change of changes) if (!apply(session, change, 'redo')) missed += 1;
  return missed;
}
