/**
 * The undo stack: every user action is one row of `actions` with its changes (DESIGN.md
 * section 4), so undo and redo are exact and survive restarts. Actions not undone are the
 * undo stack (newest on top); undone ones after them are the redo stack, which a new
 * action drops. Views, sorts and refreshes never touch it.
 */
import type { ChangeOrigin, UndoState } from '../../../preload/contract';
import { prepared, type SqliteDatabase } from '../store/open';
import type { ItemChange } from './changes';

/** Actions kept; older ones can no longer be undone. */
const KEPT_ACTIONS = 1_000;

export interface StoredAction {
  id: number;
  kind: string;
  origin: ChangeOrigin;
  summary: string;
  changes: ItemChange[];
}

interface ActionRow {
  id: number;
  kind: string;
  origin: ChangeOrigin;
  summary: string;
  changes: string;
}

const parse = (row: ActionRow | undefined): StoredAction | null =>
  row ? { ...row, changes: JSON.parse(row.changes) as ItemChange[] } : null;

/** Records a new action (dropping the redo stack); returns its id. */
export function recordAction(
  db: SqliteDatabase,
  action: { kind: string; origin: ChangeOrigin; summary: string; changes: ItemChange[]; at: string },
): number {
  prepared(db, 'DELETE FROM actions WHERE undone = 1').run();
  const id = Number(
    prepared(db, 'INSERT INTO actions (at, kind, origin, summary, changes, undone) VALUES (?, ?, ?, ?, ?, 0)').run(
      action.at,
      action.kind,
      action.origin,
      action.summary,
      JSON.stringify(action.changes),
    ).lastInsertRowid,
  );
  prepared(db, 'DELETE FROM actions WHERE id <= ?').run(id - KEPT_ACTIONS);
  return id;
}

/** The action undo would revert: the newest not undone. */
export function actionToUndo(db: SqliteDatabase): StoredAction | null {
  return parse(
    prepared(
      db,
      'SELECT id, kind, origin, summary, changes FROM actions WHERE undone = 0 ORDER BY id DESC LIMIT 1',
    ).get() as ActionRow | undefined,
  );
}

/** The action redo would apply again: the oldest undone. */
export function actionToRedo(db: SqliteDatabase): StoredAction | null {
  return parse(
    prepared(
      db,
      'SELECT id, kind, origin, summary, changes FROM actions WHERE undone = 1 ORDER BY id ASC LIMIT 1',
    ).get() as ActionRow | undefined,
  );
}

export function markUndone(db: SqliteDatabase, id: number, undone: boolean): void {
  prepared(db, 'UPDATE actions SET undone = ? WHERE id = ?').run(undone ? 1 : 0, id);
}

export function undoState(db: SqliteDatabase): UndoState {
  const top = (sql: string) => (prepared(db, sql).get() as { id: number; summary: string } | undefined) ?? null;
  const undo = top('SELECT id, summary FROM actions WHERE undone = 0 ORDER BY id DESC LIMIT 1');
  const redo = top('SELECT id, summary FROM actions WHERE undone = 1 ORDER BY id ASC LIMIT 1');
  return {
    canUndo: undo !== null,
    canRedo: redo !== null,
    undoSummary: undo?.summary ?? null,
    redoSummary: redo?.summary ?? null,
    undoActionId: undo?.id ?? null,
    redoActionId: redo?.id ?? null,
  };
}
