/**
 * Push batches (DESIGN.md section 5): pending rows of one engine and type become requests of
 * at most 100 items and 8 MB each: PATCH with only the changed fields for edits, PUT with the
 * whole document for items created here, DELETE by id for deletions. Pure: no I/O.
 */
import { changedFields, type Doc, type ItemStatus } from './merge';

export const MAX_BATCH_ITEMS = 100;
/** The APIs refuse bodies over 8 MB; keep a margin for the JSON around the items. */
export const MAX_BATCH_BYTES = 8 * 1024 * 1024 - 64 * 1024;

export interface PendingRow {
  rowid: number;
  id: string;
  doc: Doc;
  base: Doc | null;
  status: ItemStatus;
  rev: number;
}

export type BatchKind = 'patch' | 'put' | 'delete';

export interface BatchEntry {
  rowid: number;
  id: string;
  /** The row's rev when the batch was built: if it moved on, the row stays dirty. */
  rev: number;
  /** What goes on the wire for this item. */
  body: Doc;
}

export interface Batch {
  kind: BatchKind;
  entries: BatchEntry[];
  bytes: number;
}

/** The fields to PATCH: changed and added ones, and removed ones as explicit nulls. */
export function patchBody(base: Doc, doc: Doc, id: string): Doc | null {
  const fields = changedFields(base, doc);
  if (fields.length === 0) return null;
  const body: Doc = { id };
  for (const field of fields) body[field] = field in doc ? doc[field] : null;
  return body;
}

/** What a row needs on the server, or null if nothing (a clean row, or one created and deleted here). */
export function operationFor(row: PendingRow): { kind: BatchKind; body: Doc } | null {
  switch (row.status) {
    case 'deleted':
      return row.base === null ? null : { kind: 'delete', body: { id: row.id } };
    case 'new':
      return { kind: 'put', body: { ...row.doc, id: row.id } };
    case 'dirty':
    case 'failed':
    case 'pushing': {
      // A row without a base was never on the server (a failed or interrupted create).
      if (row.base === null) return { kind: 'put', body: { ...row.doc, id: row.id } };
      const body = patchBody(row.base, row.doc, row.id);
      return body ? { kind: 'patch', body } : null;
    }
    default:
      return null;
  }
}

function size(body: Doc): number {
  return Buffer.byteLength(JSON.stringify(body)) + 1;
}

/** Groups rows into batches by kind, in row order, within the item and byte limits. */
export function buildBatches(rows: PendingRow[], limits = { items: MAX_BATCH_ITEMS, bytes: MAX_BATCH_BYTES }): Batch[] {
  const open = new Map<BatchKind, Batch>();
  const batches: Batch[] = [];
  for (const row of rows) {
    const operation = operationFor(row);
    if (!operation) continue;
    const bytes = size(operation.body);
    let batch = open.get(operation.kind);
    if (!batch || batch.entries.length >= limits.items || batch.bytes + bytes > limits.bytes) {
      batch = { kind: operation.kind, entries: [], bytes: 2 };
      open.set(operation.kind, batch);
      batches.push(batch);
    }
    batch.entries.push({ rowid: row.rowid, id: row.id, rev: row.rev, body: operation.body });
    batch.bytes += bytes;
  }
  return batches;
}

/** A batch the server found too large (413) goes again as two halves. */
export function splitBatch(batch: Batch): [Batch, Batch] {
  const middle = Math.ceil(batch.entries.length / 2);
  const half = (entries: BatchEntry[]): Batch => ({
    kind: batch.kind,
    entries,
    bytes: 2 + entries.reduce((sum, entry) => sum + size(entry.body), 0),
  });
  return [half(batch.entries.slice(0, middle)), half(batch.entries.slice(middle))];
}
