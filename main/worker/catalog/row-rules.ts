/**
 * How a row's sync state follows a change of its document, a deletion or a restore: the
 * rules push.ts and merge.ts rely on (DESIGN.md sections 4 and 5). Pure: the caller reads
 * the row and writes the result in one transaction.
 *
 * - An edit of a clean row keeps the server state as `base` and makes it dirty; of a dirty,
 *   new or conflicting row it changes only the document (a conflict stays until resolved);
 *   a failed row is pending again (dirty, or new if it was never on the server); a row
 *   being pushed stays `pushing` (the push sees its rev moved and rebases it). A row whose
 *   document is its base again is clean. Every change moves `rev`.
 * - A deleted row cannot be edited.
 */
import { sameValue, type Doc } from '../sync/merge';
import type { ItemRow } from './item-rows';

export type EditResult = { row: ItemRow } | { refused: string };

/** A row the user deleted, or one whose deletion is being sent. */
export function isDeleted(row: ItemRow): boolean {
  return row.status === 'deleted' || (row.status === 'pushing' && row.pendingOp === 'delete');
}

/** The row once its document is `doc`; the same row when nothing changes. */
export function afterEdit(row: ItemRow, doc: Doc): EditResult {
  if (isDeleted(row)) return { refused: `Item ${row.id} is deleted (undo the deletion to edit it)` };
  if (sameValue(doc, row.doc)) return { row };
  const rev = row.rev + 1;
  switch (row.status) {
    case 'clean':
      return { row: { ...row, doc, base: row.doc, status: 'dirty', rev } };
    case 'dirty':
    case 'failed':
      if (row.base === null) return { row: { ...row, doc, status: 'new', error: null, rev } };
      if (sameValue(doc, row.base)) return { row: { ...row, doc, base: null, status: 'clean', error: null, rev } };
      return { row: { ...row, doc, status: 'dirty', error: null, rev } };
    case 'new':
    case 'conflict':
    case 'pushing':
    case 'deleted':
      return { row: { ...row, doc, rev } };
  }
}

/**
 * The row once deleted: gone at once if the server never had it (and no push is sending
 * it), else `deleted` with the server state as base so the push sends a DELETE. Null when
 * already deleted.
 */
export function afterDelete(row: ItemRow): { remove: true } | { row: ItemRow } | null {
  if (isDeleted(row)) return null;
  if (row.base === null && row.status !== 'clean' && row.status !== 'pushing') return { remove: true };
  const base = row.status === 'clean' ? row.doc : row.base;
  return { row: { ...row, base, status: 'deleted', rev: row.rev + 1 } };
}

/** What a deleted row was, for restoring it. */
export interface DeletedFrom {
  status: ItemRow['status'];
  error: string | null;
}

/**
 * A deleted row back as it was: pending as before (a failed or conflicting row as such),
 * clean if it matches the server again. A row whose deletion is on its way is sent back
 * as an item to create (push.ts settles a restored deletion that way); a row deleted while
 * its edit was on its way is `pushing` again, which the push settles or re-sends. Null
 * when the row is not deleted.
 */
export function afterRestore(row: ItemRow, from: DeletedFrom): ItemRow | null {
  const rev = row.rev + 1;
  if (row.status === 'pushing' && row.pendingOp === 'delete') return { ...row, status: 'dirty', rev };
  if (row.status !== 'deleted') return null;
  if (row.pendingOp !== null) return { ...row, status: 'pushing', rev };
  if (row.base === null) return { ...row, status: 'new', rev };
  if (from.status === 'conflict' || from.status === 'failed')
    return { ...row, status: from.status, error: from.error, rev };
  if (sameValue(row.doc, row.base)) return { ...row, base: null, status: 'clean', rev };
  return { ...row, status: 'dirty', rev };
}
