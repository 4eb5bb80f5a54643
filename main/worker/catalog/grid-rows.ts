/** Item rows as the grid shows them: the document, what will be sent, conflicts, the server's refusal. */
import type { GridRow } from '../../../preload/contract';
import { changedFields } from '../sync/merge';
import { conflictFields, theirValues } from './conflicts';
import type { ItemRow } from './item-rows';

/** Fields that differ from the server's: all of them for an item the server does not have yet. */
function changedOf(row: ItemRow): string[] {
  if (row.status === 'clean') return [];
  if (row.base === null) return Object.keys(row.doc).filter((field) => field !== 'id');
  return changedFields(row.base, row.doc).sort();
}

export function toGridRow(row: ItemRow): GridRow {
  const conflicts = conflictFields(row);
  return {
    id: row.id,
    status: row.status,
    doc: row.doc,
    changed: changedOf(row),
    conflicts,
    theirs: theirValues(row, conflicts),
    error: row.error,
  };
}
