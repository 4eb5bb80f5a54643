/**
 * Push (local -> server, DESIGN.md section 5). One batch at a time: the rows are marked
 * `pushing` (with the batch id and the operation) in the transaction that builds the batch,
 * the request goes through the account's rate limiter, and the answer settles each row:
 * clean if the server took it and the user did not edit it meanwhile, `failed` with the
 * server's reason if it was named in `unindexed_items`. A 413 splits the batch. If the
 * request fails for good, the rows go back to what they were. After a crash, rows left in
 * `pushing` are sent again as the same operation: PATCH and PUT by id and DELETE are safe
 * to repeat. A change leaves the queue only when the server accepted it or the user
 * discarded it.
 */
import { randomUUID } from 'node:crypto';
import type { DoofinderClient } from '../doofinder/client';
import { DoofinderError, type ItemFailure } from '../doofinder/errors';
import { deleteItems, patchItems, putItems, type Item } from '../doofinder/management-v1';
import type { SqliteDatabase } from '../store/open';
import { buildBatches, operationFor, splitBatch, type Batch, type BatchKind, type PendingRow } from './batches';
import type { Doc, ItemStatus } from './merge';

export interface PushProgress {
  engine: string;
  type: string;
  state: 'running' | 'completed' | 'paused' | 'failed';
  /** Items sent and settled so far, out of `total` pending when the push started. */
  done: number;
  total: number;
  failed: number;
  batches: number;
  /** Seconds left at the account's rate limit (2 requests/s). */
  etaSeconds: number | null;
  error: string | null;
}

export interface PushOptions {
  db: SqliteDatabase;
  client: DoofinderClient;
  engine: string;
  type: string;
  signal?: AbortSignal;
  onProgress?: (progress: PushProgress) => void;
  /** Requests per second the account allows, for the ETA. */
  ratePerSecond?: number;
}

interface Row {
  rowid: number;
  id: string;
  doc: string;
  base: string | null;
  status: ItemStatus;
  rev: number;
  pending_op: BatchKind | null;
}

const PENDING = "status IN ('dirty', 'new', 'deleted', 'pushing')";

const parse = (text: string | null): Doc | null => (text === null ? null : (JSON.parse(text) as Doc));

/** What the row was before it was marked pushing, from the operation it was sent for. */
function statusBefore(op: BatchKind | null): ItemStatus {
  return op === 'delete' ? 'deleted' : op === 'put' ? 'new' : 'dirty';
}

function pendingRows(db: SqliteDatabase, engine: string, type: string): PendingRow[] {
  const rows = db
    .prepare(
      `SELECT rowid, id, doc, base, status, rev, pending_op FROM items WHERE engine = ? AND type = ? AND ${PENDING} ORDER BY rowid`,
    )
    .all(engine, type) as Row[];
  return rows.map((row) => ({
    rowid: row.rowid,
    id: row.id,
    doc: parse(row.doc) ?? {},
    base: parse(row.base),
    // A row left pushing by a crash is sent again as what it was.
    status: row.status === 'pushing' ? statusBefore(row.pending_op) : row.status,
    rev: row.rev,
  }));
}

export function countPending(db: SqliteDatabase, engine: string, type: string): number {
  return db
    .prepare(`SELECT count(*) FROM items WHERE engine = ? AND type = ? AND ${PENDING}`)
    .pluck()
    .get(engine, type) as number;
}

function markPushing(db: SqliteDatabase, batch: Batch, batchId: string): void {
  const mark = db.prepare("UPDATE items SET status = 'pushing', pending_op = ?, batch = ? WHERE rowid = ?");
  db.transaction(() => {
    for (const entry of batch.entries) mark.run(batch.kind, batchId, entry.rowid);
  })();
}

/** The request fails for good: every row of the batch goes back to what it was. */
function unmark(db: SqliteDatabase, batch: Batch): void {
  const restore = db.prepare(
    "UPDATE items SET status = ?, pending_op = NULL, batch = NULL WHERE rowid = ? AND status = 'pushing'",
  );
  db.transaction(() => {
    for (const entry of batch.entries) restore.run(statusBefore(batch.kind), entry.rowid);
  })();
}

/** What the server holds after it accepted an entry: the new base for edits made meanwhile. */
function serverAfter(kind: BatchKind, base: Doc | null, body: Doc): Doc {
  return kind === 'put' ? body : { ...(base ?? {}), ...body };
}

function settle(db: SqliteDatabase, batch: Batch, failures: Record<string, ItemFailure>): number {
  const select = db.prepare('SELECT rowid, doc, base, rev, status FROM items WHERE rowid = ?');
  const clean = db.prepare(
    "UPDATE items SET status = 'clean', base = NULL, theirs = NULL, error = NULL, pending_op = NULL, batch = NULL WHERE rowid = ?",
  );
  const rebase = db.prepare(
    'UPDATE items SET status = ?, base = ?, error = NULL, pending_op = NULL, batch = NULL WHERE rowid = ?',
  );
  const fail = db.prepare(
    "UPDATE items SET status = 'failed', error = ?, pending_op = NULL, batch = NULL WHERE rowid = ?",
  );
  const remove = db.prepare('DELETE FROM items WHERE rowid = ?');
  let failed = 0;
  db.transaction(() => {
    for (const entry of batch.entries) {
      const row = select.get(entry.rowid) as
        { rowid: number; doc: string; base: string | null; rev: number; status: ItemStatus } | undefined;
      if (!row) continue;
      const failure = failures[entry.id];
      if (failure) {
        failed += 1;
        fail.run(`${failure.reason} (${failure.type}, ${failure.status})`, row.rowid);
        continue;
      }
      const edited = row.rev !== entry.rev;
      if (batch.kind === 'delete') {
        // Restored by the user after the deletion was sent: it must be created again.
        if (edited && row.status !== 'deleted' && row.status !== 'pushing') rebase.run('new', null, row.rowid);
        else remove.run(row.rowid);
        continue;
      }
      if (!edited) {
        clean.run(row.rowid);
        continue;
      }
      // Edited while the batch was out: what the server now holds is the base of what is left to send.
      const base = serverAfter(batch.kind, parse(row.base), entry.body);
      const status = row.status === 'pushing' ? 'dirty' : row.status;
      rebase.run(status === 'new' ? 'dirty' : status, JSON.stringify(base), row.rowid);
    }
  })();
  return failed;
}

async function send(
  client: DoofinderClient,
  engine: string,
  type: string,
  batch: Batch,
  signal?: AbortSignal,
): Promise<Record<string, ItemFailure>> {
  const call = { priority: 'push' as const, signal };
  const items = batch.entries.map((entry) => entry.body as Item);
  try {
    if (batch.kind === 'patch') await patchItems(client, engine, type, items, call);
    else if (batch.kind === 'put') await putItems(client, engine, type, items, call);
    // Ids the server did not have ("errors") are gone already: that deletion is done too.
    else
      await deleteItems(
        client,
        engine,
        type,
        items.map((item) => item.id),
        call,
      );
    return {};
  } catch (error) {
    if (error instanceof DoofinderError && error.kind === 'unindexed') return error.unindexedItems ?? {};
    throw error;
  }
}

/** Sends a batch; a 413 splits it in halves, each sent (and split) the same way. Returns failures. */
async function sendSplitting(
  client: DoofinderClient,
  engine: string,
  type: string,
  batch: Batch,
  signal: AbortSignal | undefined,
  onSent: (batch: Batch) => void,
): Promise<Record<string, ItemFailure>> {
  try {
    const failures = await send(client, engine, type, batch, signal);
    onSent(batch);
    return failures;
  } catch (error) {
    if (!(error instanceof DoofinderError) || error.kind !== 'too_large' || batch.entries.length < 2) throw error;
    const [first, second] = splitBatch(batch);
    return {
      ...(await sendSplitting(client, engine, type, first, signal, onSent)),
      ...(await sendSplitting(client, engine, type, second, signal, onSent)),
    };
  }
}

/** Pending rows that need nothing from the server: an edit undone by hand, a new item deleted again. */
function tidy(db: SqliteDatabase, engine: string, type: string): void {
  const rows = pendingRows(db, engine, type).filter((row) => operationFor(row) === null);
  if (rows.length === 0) return;
  const remove = db.prepare("DELETE FROM items WHERE rowid = ? AND status IN ('new', 'deleted')");
  const clean = db.prepare(
    "UPDATE items SET status = 'clean', base = NULL, pending_op = NULL, batch = NULL WHERE rowid = ?",
  );
  db.transaction(() => {
    for (const row of rows) {
      if (row.status === 'deleted' || row.status === 'new') remove.run(row.rowid);
      else clean.run(row.rowid);
    }
  })();
}

export async function pushType(options: PushOptions): Promise<PushProgress> {
  const { db, client, engine, type, signal } = options;
  tidy(db, engine, type);
  const rate = options.ratePerSecond ?? 2;
  const total = countPending(db, engine, type);
  let done = 0;
  let failed = 0;
  let batches = 0;
  const progress = (state: PushProgress['state'], error: string | null = null): PushProgress => {
    const left = Math.max(0, total - done);
    return {
      engine,
      type,
      state,
      done,
      total,
      failed,
      batches,
      etaSeconds: left === 0 ? 0 : Math.ceil(left / 100 / rate),
      error,
    };
  };
  options.onProgress?.(progress('running'));
  // Rows that stop being pending (settled, failed) leave the query; loop until none is left.
  for (;;) {
    if (signal?.aborted) return progress('paused');
    const [batch] = buildBatches(pendingRows(db, engine, type));
    if (!batch) break;
    const batchId = randomUUID();
    markPushing(db, batch, batchId);
    try {
      const failures = await sendSplitting(client, engine, type, batch, signal, () => (batches += 1));
      failed += settle(db, batch, failures);
      done += batch.entries.length;
      options.onProgress?.(progress('running'));
    } catch (error) {
      unmark(db, batch);
      if (signal?.aborted) return finish(progress('paused'));
      const message = error instanceof Error ? error.message : String(error);
      return finish(progress(error instanceof DoofinderError && error.retryable ? 'paused' : 'failed', message));
    }
  }
  return finish(progress('completed'));

  function finish(result: PushProgress): PushProgress {
    options.onProgress?.(result);
    return result;
  }
}
