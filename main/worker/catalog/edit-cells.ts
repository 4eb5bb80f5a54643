/**
 * `catalog:edit`: cells set by item id (typing a value, clearing one with null, pasting one
 * value onto a selection, filling). One action for all of them.
 */
import type { RequestInput } from '../../../preload/contract';
import type { CatalogContext } from './context';
import type { EditSession } from './edit-session';
import { CellConverter } from './cell-converter';
import { cells, rejection } from './cell-input';
import { rowById } from './item-rows';
import { isDeleted } from './row-rules';

type EditInput = RequestInput<'catalog:edit'>;

const VERB = { edit: 'Edit', paste: 'Paste', fill: 'Fill' } as const;

/** Cells changed by the session's last `setFields`, if it changed any. */
export function cellsChangedBy(session: EditSession, before: number): number {
  const change = session.changes[before];
  return change?.op === 'set' ? change.f.length : 0;
}

export function editCells(ctx: CatalogContext, session: EditSession, input: EditInput): string {
  const { engine, type } = input;
  const convert = new CellConverter(ctx, session, engine, type);
  const byItem = new Map<string, Map<string, string | null>>();
  for (const cell of input.cells) {
    const texts = byItem.get(cell.id) ?? new Map<string, string | null>();
    texts.set(cell.field, cell.value);
    byItem.set(cell.id, texts);
  }
  let changed = 0;
  for (const [id, texts] of byItem) {
    const row = rowById(ctx.db, engine, type, id);
    if (!row || isDeleted(row)) {
      const reason = row
        ? `Item ${id} is deleted (undo the deletion to edit it)`
        : `There is no item ${id} in this type`;
      for (const [field, text] of texts) session.reject(rejection(id, field, text, reason));
      continue;
    }
    const values = new Map<string, unknown>();
    for (const [field, text] of texts) {
      const value = convert.value(id, field, text);
      if (value !== undefined) values.set(field, value);
    }
    if (values.size === 0) continue;
    const before = session.changes.length;
    session.setFields(row, values);
    changed += cellsChangedBy(session, before);
  }
  const only = input.cells.length === 1 ? input.cells[0] : undefined;
  if (only && input.origin === 'edit')
    return only.value === null ? `Cleared ${only.field} of ${only.id}` : `Edit of ${only.field} on ${only.id}`;
  return `${VERB[input.origin]} of ${cells(changed)}`;
}
