/**
 * Conflicts (DESIGN.md section 5): a field changed here and on the server to different
 * values. The mirror (sync/merge.ts) keeps the user's value in `doc`, the server's document
 * in `theirs` (and as the new `base`), and names the fields in `error`. The fields still in
 * conflict are those named there whose value here still differs from the server's; a
 * conflict with no server document is an item deleted on the server after it was changed here.
 */
import { sameValue, type Doc } from '../sync/merge';
import type { ItemRow } from './item-rows';

/** How sync/mirror.ts words a field conflict in the row's error. */
const CONFLICT_PREFIX = 'Changed here and on the server: ';

export function conflictMessage(fields: readonly string[]): string {
  return `${CONFLICT_PREFIX}${fields.join(', ')}`;
}

/** The fields the row's error names as conflicting, or null if it names none. */
function namedFields(error: string | null): string[] | null {
  if (!error?.startsWith(CONFLICT_PREFIX)) return null;
  return error
    .slice(CONFLICT_PREFIX.length)
    .split(', ')
    .filter((field) => field !== '');
}

type ConflictRow = Pick<ItemRow, 'status' | 'error' | 'doc' | 'theirs'>;

export function conflictFields(row: ConflictRow): string[] {
  if (row.status !== 'conflict' || row.theirs === null) return [];
  const theirs = row.theirs;
  const named = namedFields(row.error) ?? [...new Set([...Object.keys(row.doc), ...Object.keys(theirs)])];
  return named.filter((field) => !sameValue(row.doc[field], theirs[field]));
}

/** The server's values of the conflicting fields (null when there are none to show). */
export function theirValues(row: ConflictRow, fields: readonly string[]): Doc | null {
  if (fields.length === 0 || row.theirs === null) return null;
  const theirs = row.theirs;
  return Object.fromEntries(fields.map((field) => [field, theirs[field] ?? null]));
}

export type Resolution = { row: ItemRow } | { remove: true } | null;

/**
 * Settles a row's conflict on `fields` (every one when null): "mine" keeps the value here
 * (the push sends it, since the base is the server's), "theirs" takes the server's. Once no
 * field is left the row is pending (or clean, if it now matches the server). For an item
 * deleted on the server, "mine" creates it again and "theirs" lets it go.
 */
export function resolveConflict(row: ItemRow, fields: readonly string[] | null, keep: 'mine' | 'theirs'): Resolution {
  if (row.status !== 'conflict') return null;
  const rev = row.rev + 1;
  if (row.theirs === null) {
    if (keep === 'theirs') return { remove: true };
    return { row: { ...row, base: null, theirs: null, status: 'new', error: null, rev } };
  }
  const open = conflictFields(row);
  const settled = fields === null ? open : open.filter((field) => fields.includes(field));
  if (settled.length === 0 && open.length > 0) return null;
  const doc = { ...row.doc };
  if (keep === 'theirs') {
    for (const field of settled) {
      const value = row.theirs[field];
      if (value === undefined || value === null) delete doc[field];
      else doc[field] = value;
    }
  }
  const left = open.filter((field) => !settled.includes(field));
  if (left.length > 0) return { row: { ...row, doc, error: conflictMessage(left), rev } };
  const base = row.base ?? row.theirs;
  if (sameValue(doc, base))
    return { row: { ...row, doc, base: null, theirs: null, status: 'clean', error: null, rev } };
  return { row: { ...row, doc, base, theirs: null, status: 'dirty', error: null, rev } };
}
