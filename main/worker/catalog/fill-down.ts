/**
 * `catalog:fill` (Ctrl+D): the values of the selection's first row copied down to every
 * row through `endRow` (inclusive, as a selection's last row is), as one action.
 */
import type { RequestInput } from '../../../preload/contract';
import type { CatalogContext } from './context';
import type { EditSession } from './edit-session';
import { cells, rejection } from './cell-input';
import { cellsChangedBy } from './edit-cells';
import { ID_FIELD } from './field-sql';
import { rowsByRowids } from './item-rows';
import { isDeleted } from './row-rules';

export function fillDown(ctx: CatalogContext, session: EditSession, input: RequestInput<'catalog:fill'>): string {
  const { view, startRow, endRow, fields } = input;
  if (endRow <= startRow) return 'Fill down of 0 cells';
  const rows = rowsByRowids(ctx.db, ctx.views.block(view, startRow, endRow + 1).rowids);
  const [first, ...rest] = rows;
  if (!first) return 'Fill down of 0 cells';
  const values = new Map<string, unknown>();
  for (const field of fields) {
    if (field === ID_FIELD) session.reject(rejection(null, field, null, 'The id cannot be changed'));
    else values.set(field, first.doc[field] ?? null);
  }
  let changed = 0;
  for (const row of rest) {
    if (isDeleted(row)) {
      for (const field of values.keys()) session.reject(rejection(row.id, field, null, `Item ${row.id} is deleted`));
      continue;
    }
    const before = session.changes.length;
    session.setFields(row, values);
    changed += cellsChangedBy(session, before);
  }
  return `Fill down of ${cells(changed)}`;
}
