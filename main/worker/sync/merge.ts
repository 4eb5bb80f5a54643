/**
 * Three-way merge of a mirrored item with local edits (DESIGN.md section 5). With the base
 * the user edited from, the user's current document and the server's new one, field by
 * field: a server change to a field the user did not touch is taken; a field both changed
 * to different values is a conflict (the user's value stays, the server's is kept aside).
 */

export type Doc = Record<string, unknown>;

export type ItemStatus = 'clean' | 'dirty' | 'new' | 'deleted' | 'pushing' | 'failed' | 'conflict';

export interface LocalItem {
  doc: Doc;
  base: Doc | null;
  status: ItemStatus;
}

export interface MergedItem {
  doc: Doc;
  base: Doc | null;
  /** The server's document when a field conflicts; null otherwise. */
  theirs: Doc | null;
  status: ItemStatus;
  conflicts: string[];
}

/** Equality for JSON values: what a field's change means on the wire. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return (a ?? null) === (b ?? null);
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((value, index) => sameValue(value, b[index]));
  const left = a as Doc;
  const right = b as Doc;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!sameValue(left[key], right[key])) return false;
  return true;
}

/** Fields whose values differ between two documents (a missing field counts as null). */
export function changedFields(from: Doc, to: Doc): string[] {
  const keys = new Set([...Object.keys(from), ...Object.keys(to)]);
  return [...keys].filter((key) => !sameValue(from[key], to[key]));
}

/**
 * What a local row becomes when the mirror brings `server`. Clean rows just take it.
 * Rows with local edits merge; a row deleted locally stays deleted (its deletion will be
 * pushed); a row being pushed keeps its edits against the new base.
 */
export function mergeWithServer(local: LocalItem, server: Doc): MergedItem {
  if (local.status === 'clean') return { doc: server, base: null, theirs: null, status: 'clean', conflicts: [] };
  if (local.status === 'deleted')
    return { doc: local.doc, base: server, theirs: null, status: 'deleted', conflicts: [] };

  // A row created here that the server now also has: the server's version is the base.
  const base = local.base ?? {};
  const merged: Doc = {};
  const conflicts: string[] = [];
  const keys = new Set([...Object.keys(base), ...Object.keys(local.doc), ...Object.keys(server)]);
  for (const key of keys) {
    const mine = local.doc[key];
    const theirs = server[key];
    const was = base[key];
    let value: unknown;
    if (sameValue(theirs, was)) value = mine;
    else if (sameValue(mine, was)) value = theirs;
    else if (sameValue(mine, theirs)) value = mine;
    else {
      value = mine;
      conflicts.push(key);
    }
    if (value !== undefined) merged[key] = value;
  }
  const pending = changedFields(server, merged).length > 0;
  if (conflicts.length > 0)
    return { doc: merged, base: server, theirs: server, status: 'conflict', conflicts: conflicts.sort() };
  if (!pending) return { doc: server, base: null, theirs: null, status: 'clean', conflicts: [] };
  const status: ItemStatus =
    local.status === 'new' || local.status === 'failed' || local.status === 'conflict' ? 'dirty' : local.status;
  return { doc: merged, base: server, theirs: null, status, conflicts: [] };
}
