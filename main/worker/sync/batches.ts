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
  /**
   * A request carrying this row went out and its outcome is unknown (the app was killed, the
   * connection dropped): what it was sent as, and for a PATCH the fields it carried. The
   * server may hold `base` or `base` with those fields, so they are sent again.
   */
  inFlight?: { op: BatchKind; fields: string[] } | null;
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

/**
 * The fields to PATCH: changed and added ones, removed ones as explicit nulls, and `also`
 * (fields a request of unknown outcome carried: the server may hold their sent values).
 */
export function patchBody(base: Doc, doc: Doc, id: string, also: readonly string[] = []): Doc | null {
  const fields = [...new Set([...changedFields(base, doc), ...also])].filter((field) => field !== 'id');
  if (fields.length === 0) return null;
  const body: Doc = { id };
  for (const field of fields) body[field] = field in doc ? doc[field] : null;
  return body;
}

/** What a row needs on the server, or null if nothing (a clean row, or one created and deleted here). */
export function operationFor(row: PendingRow): { kind: BatchKind; body: Doc } | null {
  const whole = { kind: 'put' as const, body: { ...row.doc, id: row.id } };
  switch (row.status) {
    case 'deleted':
      // Created here and deleted again: nothing to send, unless its create may have reached the server.
      return row.base === null && row.inFlight?.op !== 'put' ? null : { kind: 'delete', body: { id: row.id } };
    case 'new':
      return whole;
    case 'dirty':
    case 'failed':
    case 'pushing': {
      // A row without a base was never on the server (a failed or interrupted create); a
      // deletion of unknown outcome, then undone, may have removed the item from the server.
      if (row.base === null || row.inFlight?.op === 'delete') return whole;
      const body = patchBody(row.base, row.doc, row.id, row.inFlight?.op === 'patch' ? row.inFlight.fields : []);
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

/**
 * The first batch `buildBatches` would make, reading rows only until it is full: a push takes
 * one batch at a time, and a long queue must not be read whole for each of them.
 */
export function firstBatch(
  rows: Iterable<PendingRow>,
  limits = { items: MAX_BATCH_ITEMS, bytes: MAX_BATCH_BYTES },
): Batch | null {
  let batch: Batch | null = null;
  for (const row of rows) {
    const operation = operationFor(row);
    if (!operation) continue;
    batch ??= { kind: operation.kind, entries: [], bytes: 2 };
    if (operation.kind !== batch.kind) continue;
    const bytes = size(operation.body);
    if (batch.entries.length >= limits.items || batch.bytes + bytes > limits.bytes) break;
    batch.entries.push({ rowid: row.rowid, id: row.id, rev: row.rev, body: operation.body });
    batch.bytes += bytes;
  }
  return batch;
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
