/**
 * `sync:discard`: pending changes dropped (one field, one item, one type or all), so the
 * rows are as the server has them again, as ONE undoable action: an accidental "discard
 * all" is one undo away. Rows a sync is sending right now are left alone (and counted).
 */
import { prepared } from '../store/open';
import type { DiscardScope } from '../../../preload/contract';
import type { CatalogContext } from './context';
import type { EditSession } from './edit-session';
import { items } from './cell-input';
import { conflictFields, resolveConflict } from './conflicts';
import { rowState } from './changes';
import { ID_FIELD } from './field-sql';
import { rowsByRowids, type ItemRow } from './item-rows';

const STEP = 2_000;

function pendingRowids(ctx: CatalogContext, scope: DiscardScope): number[] {
  const where = ["status != 'clean'"];
  // The partial index of unsynced rows: a handful among a million.
  const params: string[] = [];
  if (scope.scope !== 'all') {
    where.push('engine = ?', 'type = ?');
    params.push(scope.engine, scope.type);
  }
  if (scope.scope === 'item' || scope.scope === 'field') {
    where.push('id = ?');
    params.push(scope.id);
  }
  return prepared(
    ctx.db,
    `SELECT rowid FROM items INDEXED BY items_pending WHERE ${where.join(' AND ')} ORDER BY rowid`,
  )
    .pluck()
    .all(...params) as number[];
}

const refOf = (row: ItemRow) => ({ engine: row.engine, type: row.type, id: row.id });

/** The row as the server has it: gone if the server never had it (or deleted it). */
function discardRow(session: EditSession, row: ItemRow): void {
  const serverDoc = row.status === 'conflict' ? row.theirs : row.base;
  if (serverDoc === null) {
    session.writeState(refOf(row), row, null);
    return;
  }
  if (row.status === 'dirty') {
    // A field list is enough to undo this exactly (and far smaller than the documents).
    const values = new Map<string, unknown>();
    for (const field of new Set([...Object.keys(row.doc), ...Object.keys(serverDoc)]))
      values.set(field, serverDoc[field] ?? null);
    session.setFields(row, values);
    return;
  }
  session.writeState(refOf(row), row, { doc: serverDoc, base: null, theirs: null, status: 'clean', error: null });
}

function discardField(session: EditSession, row: ItemRow, field: string): void {
  if (field === ID_FIELD || row.status === 'deleted') return;
  if (conflictFields(row).includes(field)) {
    const result = resolveConflict(row, [field], 'theirs');
    if (result) session.writeState(refOf(row), row, 'remove' in result ? null : rowState(result.row));
    return;
  }
  session.setFields(row, new Map([[field, row.base === null ? null : (row.base[field] ?? null)]]));
}

export function discardChanges(ctx: CatalogContext, session: EditSession, scope: DiscardScope): string {
  const rowids = pendingRowids(ctx, scope);
  let busy = 0;
  for (let at = 0; at < rowids.length; at += STEP) {
    for (const row of rowsByRowids(ctx.db, rowids.slice(at, at + STEP))) {
      // On its way to the server: the push settles it; discard it after the sync.
      if (row.status === 'pushing' || row.pendingOp !== null) {
        busy += 1;
        continue;
      }
      if (scope.scope === 'field') discardField(session, row, scope.field);
      else discardRow(session, row);
    }
  }
  const done = session.itemsChanged;
  const summary =
    scope.scope === 'all'
      ? `Discarded all pending changes (${items(done)})`
      : scope.scope === 'type'
        ? `Discarded the changes to ${items(done)} of ${scope.type}`
        : scope.scope === 'item'
          ? `Discarded the changes to ${scope.id}`
          : `Discarded the change to ${scope.field} of ${scope.id}`;
  return busy > 0 ? `${summary}; ${items(busy)} being synced right now were left as they are` : summary;
}
