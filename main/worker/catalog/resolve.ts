/**
 * `catalog:resolve`: conflicts settled by keeping the values here or taking the server's,
 * for one cell, one item, or every conflict in the view, as one action (origin `resolve`).
 */
import type { RequestInput } from '../../../preload/contract';
import { AppError } from '../../errors';
import { rowState } from './changes';
import type { CatalogContext } from './context';
import type { EditSession } from './edit-session';
import { items } from './cell-input';
import { resolveConflict } from './conflicts';
import { rowById, rowsByRowids, type ItemRow } from './item-rows';

type ResolveInput = RequestInput<'catalog:resolve'>;

function targets(ctx: CatalogContext, input: ResolveInput): ItemRow[] {
  const { view, target } = input;
  // Conflicts are among the unsynced rows: "pending only" reads them from their partial index.
  if (target === 'view')
    return rowsByRowids(
      ctx.db,
      ctx.views.members({ ...view, pendingOnly: true }, { sql: "status = 'conflict'", params: [] }),
    );
  const row = rowById(ctx.db, view.engine, view.type, target.id);
  if (!row) throw new AppError('not_found', `There is no item ${target.id} in this type.`, { id: target.id });
  return [row];
}

export function resolveConflicts(ctx: CatalogContext, session: EditSession, input: ResolveInput): string {
  const fields = input.target !== 'view' && input.target.field !== null ? [input.target.field] : null;
  let settled = 0;
  for (const row of targets(ctx, input)) {
    const result = resolveConflict(row, fields, input.keep);
    if (!result) continue;
    const ref = { engine: row.engine, type: row.type, id: row.id };
    session.writeState(ref, row, 'remove' in result ? null : rowState(result.row));
    settled += 1;
  }
  const how = input.keep === 'mine' ? 'Kept your values' : "Took the server's values";
  const what = fields ? `${fields[0]} of ${input.target !== 'view' ? input.target.id : ''}` : items(settled);
  return `${how} for ${what}`;
}
