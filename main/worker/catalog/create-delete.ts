/**
 * `catalog:create` (an item with a new id, or a duplicate of one) and `catalog:delete`
 * (items marked deleted and kept, struck through, until synced; items made here and never
 * synced go at once).
 */
import type { RequestInput } from '../../../preload/contract';
import { AppError } from '../../errors';
import type { CatalogContext } from './context';
import type { EditSession } from './edit-session';
import { items, rejection } from './cell-input';
import { ID_FIELD } from './field-sql';
import { rowById } from './item-rows';
import { isDeleted } from './row-rules';

export function createItem(ctx: CatalogContext, session: EditSession, input: RequestInput<'catalog:create'>): string {
  const { engine, type, id, copyOf } = input;
  const existing = rowById(ctx.db, engine, type, id);
  if (existing) {
    const deleted = isDeleted(existing) ? ' (it is deleted but not synced yet: undo the deletion, or sync first)' : '';
    throw new AppError('invalid_input', `An item with id ${id} already exists in this type${deleted}.`, { id });
  }
  let doc: Record<string, unknown> = { [ID_FIELD]: id };
  if (copyOf !== null) {
    const source = rowById(ctx.db, engine, type, copyOf);
    if (!source)
      throw new AppError('not_found', `There is no item ${copyOf} in this type to duplicate.`, { id: copyOf });
    doc = { ...source.doc, [ID_FIELD]: id };
  }
  session.createItem({ engine, type, id }, doc);
  return copyOf === null ? `Created ${id}` : `Duplicated ${copyOf} as ${id}`;
}

export function deleteItems(ctx: CatalogContext, session: EditSession, input: RequestInput<'catalog:delete'>): string {
  const { engine, type } = input;
  let deleted = 0;
  for (const id of new Set(input.ids)) {
    const row = rowById(ctx.db, engine, type, id);
    if (!row) {
      session.reject(rejection(id, ID_FIELD, id, `There is no item ${id} in this type`));
      continue;
    }
    if (session.deleteItem(row)) deleted += 1;
  }
  const only = input.ids.length === 1 ? input.ids[0] : undefined;
  return only !== undefined && deleted === 1 ? `Deleted ${only}` : `Deleted ${items(deleted)}`;
}
