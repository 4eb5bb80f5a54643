/**
 * Runs a user action, or the undo or redo of one, as ONE transaction: the rows, the
 * action with its changes (the undo stack) and the items' history are written together
 * or not at all. A mirror page or a push settling rows never lands in the middle (both
 * write in transactions of their own on the same connection), so no edit is lost.
 * Afterwards the view caches keep what the action cannot have changed.
 */
import type { ChangeOrigin, EditReport } from '../../../preload/contract';
import { actionToRedo, actionToUndo, markUndone, recordAction } from './actions';
import type { CatalogContext } from './context';
import { EditSession, type TypeWrite } from './edit-session';
import { writeHistory } from './history';
import { redoChanges, undoChanges } from './undo-changes';
import { typeVersion } from './versions';

export interface Performed extends EditReport {
  /** The types the action wrote to (for the events that follow it). */
  writes: TypeWrite[];
  origin: ChangeOrigin;
}

export interface ActionSpec {
  kind: string;
  origin: ChangeOrigin;
}

function settleCaches(ctx: CatalogContext, session: EditSession): TypeWrite[] {
  const writes = [...session.writes.values()];
  for (const write of writes) {
    ctx.views.keepAfterWrite({
      engine: write.engine,
      type: write.type,
      before: write.before,
      after: typeVersion(ctx.db, write.engine, write.type),
      fields: write.fields,
      membership: write.membership,
      rowids: write.rowids,
    });
  }
  return writes;
}

/**
 * The action's summary on its history records that have none, in place: a copy of every
 * record was a second 100,000 objects in memory at the peak of a big import's apply.
 */
function summarize(session: EditSession, summary: string): void {
  for (const record of session.history) if (!record.summary) record.summary = summary;
}

/** `work` applies the action through the session and returns its summary ("Paste of 150 cells"). */
export function performAction(
  ctx: CatalogContext,
  spec: ActionSpec,
  work: (session: EditSession) => string,
): Performed {
  const session = new EditSession(ctx.db, spec.origin);
  let actionId: number | null = null;
  let summary = '';
  ctx.db.transaction(() => {
    summary = work(session);
    if (session.changes.length === 0) return;
    const at = new Date().toISOString();
    actionId = recordAction(ctx.db, { kind: spec.kind, origin: spec.origin, summary, changes: session.changes, at });
    summarize(session, summary);
    writeHistory(ctx.db, session.history, at, actionId);
  })();
  return {
    actionId,
    summary: actionId === null ? `${summary}: nothing changed` : summary,
    itemsChanged: session.itemsChanged,
    rejected: session.rejected,
    writes: settleCaches(ctx, session),
    origin: spec.origin,
  };
}

/** Undoes the newest action, or redoes the oldest undone one. */
export function performUndo(ctx: CatalogContext, direction: 'undo' | 'redo'): Performed {
  const session = new EditSession(ctx.db, direction);
  let actionId: number | null = null;
  let summary = direction === 'undo' ? 'Nothing to undo' : 'Nothing to redo';
  ctx.db.transaction(() => {
    const action = direction === 'undo' ? actionToUndo(ctx.db) : actionToRedo(ctx.db);
    if (!action) return;
    const missed = direction === 'undo' ? undoChanges(session, action.changes) : redoChanges(session, action.changes);
    markUndone(ctx.db, action.id, direction === 'undo');
    actionId = action.id;
    summary = `${direction === 'undo' ? 'Undid' : 'Redid'}: ${action.summary}`;
    if (missed > 0)
      summary += ` (${missed} ${missed === 1 ? 'change' : 'changes'} could not be made: the item is gone or deleted)`;
    summarize(session, summary);
    writeHistory(ctx.db, session.history, new Date().toISOString(), action.id);
  })();
  return {
    actionId,
    summary,
    itemsChanged: session.itemsChanged,
    rejected: [],
    writes: settleCaches(ctx, session),
    origin: direction,
  };
}
