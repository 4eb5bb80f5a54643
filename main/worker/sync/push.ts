/**
 * Push (local -> server, DESIGN.md section 5). One batch at a time: the rows are marked
 * `pushing` (with the batch id and the operation) in the transaction that builds the batch,
 * the request goes through the account's rate limiter, and the answer settles each row:
 * clean if the server took it and the user did not edit it meanwhile, `failed` with the
 * server's reason if it was named in `unindexed_items`. A 413 splits the batch. If the
 * server refused the request, the rows go back to what they were. If its outcome is unknown
 * (the connection dropped, the app was killed or closed), the rows stay `pushing` with the
 * operation and the fields sent, and the next push sends them again as that: PATCH and PUT
 * by id and DELETE are safe to repeat, and the fields the lost request carried go again even
 * if the user has since set them back (the server may hold the sent values). A change leaves
 * the queue only when the server accepted it or the user discarded it.
 */
import { randomUUID } from 'node:crypto';
import type { DoofinderClient } from '../doofinder/client';
import { DoofinderError, type DoofinderErrorKind, type ItemFailure } from '../doofinder/errors';
import { deleteItems, patchItems, putItems, type Item } from '../doofinder/management-v1';
import type { SqliteDatabase } from '../store/open';
import { firstBatch, operationFor, splitBatch, type Batch, type BatchKind, type PendingRow } from './batches';
import type { Doc, ItemStatus } from './merge';
import type { SettledItem } from './run-results';

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
  /** What kind of failure stopped it (a 429 that would not go away reads differently from a dropped network). */
  errorKind?: DoofinderErrorKind;
}

export interface PushOptions {
  db: SqliteDatabase;
  client: DoofinderClient;
  engine: string;
  type: string;
  /** Aborts at once, the request in flight too (the app is closing): its rows go back as they were. */
  signal?: AbortSignal;
  /**
   * Asks to stop between batches (the user paused or cancelled): a batch already sent is
   * settled first, rows of batches not yet built stay pending.
   */
  stop?: AbortSignal;
  onProgress?: (progress: PushProgress) => void;
  /**
   * Each item of a part of a batch the server answered, with what became of it; called inside
   * the transaction that settles the rows, so a result is stored with the row it describes.
   */
  onSettled?: (items: SettledItem[]) => void;
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
  batch: string | null;
}

/** What `batch` holds while a row is out: the batch's id and, for a PATCH, the fields it carried. */
interface BatchMark {
  id: string;
  fields?: string[];
}

/** Rows a push sends; `!= 'clean'` lets SQLite use the partial index of unsynced rows. */
export const PUSHABLE = "status IN ('dirty', 'new', 'deleted', 'pushing') AND status != 'clean'";

const parse = (text: string | null): Doc | null => (text === null ? null : (JSON.parse(text) as Doc));

/** What the row was before it was marked pushing, from the operation it was sent for. */
function statusBefore(op: BatchKind | null): ItemStatus {
  return op === 'delete' ? 'deleted' : op === 'put' ? 'new' : 'dirty';
}

/** The fields a request of unknown outcome carried; every field of the row if the mark does not say. */
function sentFields(row: Row, doc: Doc, base: Doc | null): string[] {
  try {
    const mark = JSON.parse(row.batch ?? '') as BatchMark;
    if (Array.isArray(mark.fields)) return mark.fields;
  } catch {
    // A mark from before fields were recorded: assume every field went.
  }
  return [...new Set([...Object.keys(doc), ...Object.keys(base ?? {})])];
}

function toPendingRow(row: Row): PendingRow {
  const doc = parse(row.doc) ?? {};
  const base = parse(row.base);
  return {
    rowid: row.rowid,
    id: row.id,
    doc,
    base,
    // A row left pushing (a crash, a lost answer) is sent again as what it was.
    status: row.status === 'pushing' ? statusBefore(row.pending_op) : row.status,
    rev: row.rev,
    inFlight: row.pending_op ? { op: row.pending_op, fields: sentFields(row, doc, base) } : null,
  };
}

const PENDING_ROWS = `SELECT rowid, id, doc, base, status, rev, pending_op, batch FROM items
  WHERE engine = ? AND type = ? AND ${PUSHABLE} ORDER BY rowid`;

function pendingRows(db: SqliteDatabase, engine: string, type: string): PendingRow[] {
  return (db.prepare(PENDING_ROWS).all(engine, type) as Row[]).map(toPendingRow);
}

/** The pending rows in order, read one at a time (the caller stops when its batch is full). */
function* eachPendingRow(db: SqliteDatabase, engine: string, type: string): Generator<PendingRow> {
  for (const row of db.prepare(PENDING_ROWS).iterate(engine, type) as IterableIterator<Row>) yield toPendingRow(row);
}

export function countPending(db: SqliteDatabase, engine: string, type: string): number {
  return db
    .prepare(`SELECT count(*) FROM items WHERE engine = ? AND type = ? AND ${PUSHABLE}`)
    .pluck()
    .get(engine, type) as number;
}

function markPushing(db: SqliteDatabase, batch: Batch, batchId: string): void {
  const mark = db.prepare("UPDATE items SET status = 'pushing', pending_op = ?, batch = ? WHERE rowid = ?");
  db.transaction(() => {
    for (const entry of batch.entries) {
      const fields = batch.kind === 'patch' ? Object.keys(entry.body).filter((field) => field !== 'id') : undefined;
      mark.run(batch.kind, JSON.stringify({ id: batchId, fields } satisfies BatchMark), entry.rowid);
    }
  })();
}

/**
 * Whether the server may have applied a request that failed: no answer came (a dropped
 * connection, a timeout, the app closing) or a 5xx did. Otherwise it refused it.
 */
function outcomeUnknown(error: unknown): boolean {
  if (!(error instanceof DoofinderError)) return true;
  return error.kind === 'network' || error.kind === 'server';
}

/** The server refused the request: every row of the batch still out goes back to what it was. */
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

function settle(
  db: SqliteDatabase,
  target: { engine: string; type: string },
  batch: Batch,
  failures: Record<string, ItemFailure>,
  onSettled?: (items: SettledItem[]) => void,
): number {
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
  const settled: SettledItem[] = [];
  const result = (entry: { id: string }, outcome: SettledItem['outcome'], message: string | null = null) =>
    settled.push({ ...target, id: entry.id, op: batch.kind, outcome, message });
  db.transaction(() => {
    for (const entry of batch.entries) {
      const row = select.get(entry.rowid) as
        { rowid: number; doc: string; base: string | null; rev: number; status: ItemStatus } | undefined;
      const failure = failures[entry.id];
      if (failure) {
        const message = `${failure.reason} (${failure.type}, ${failure.status})`;
        result(entry, 'failed', message);
        if (!row) continue;
        failed += 1;
        fail.run(message, row.rowid);
        continue;
      }
      // The server took it, whatever the row became meanwhile (edited again, discarded).
      result(entry, 'synced');
      if (!row) continue;
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
    onSettled?.(settled);
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

/**
 * Sends a batch; a 413 splits it in halves, each sent (and split) the same way. Each part
 * the server answered is settled at once, so a later failure cannot undo what it took.
 */
async function sendSplitting(
  client: DoofinderClient,
  engine: string,
  type: string,
  batch: Batch,
  signal: AbortSignal | undefined,
  onSent: (batch: Batch, failures: Record<string, ItemFailure>) => void,
): Promise<void> {
  let failures: Record<string, ItemFailure>;
  try {
    failures = await send(client, engine, type, batch, signal);
  } catch (error) {
    if (!(error instanceof DoofinderError) || error.kind !== 'too_large' || batch.entries.length < 2) throw error;
    const [first, second] = splitBatch(batch);
    await sendSplitting(client, engine, type, first, signal, onSent);
    await sendSplitting(client, engine, type, second, signal, onSent);
    return;
  }
  onSent(batch, failures);
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
    if (signal?.aborted || options.stop?.aborted) return progress('paused');
    const batch = firstBatch(eachPendingRow(db, engine, type));
    if (!batch) break;
    const batchId = randomUUID();
    markPushing(db, batch, batchId);
    try {
      await sendSplitting(client, engine, type, batch, signal, (sent, failures) => {
        failed += settle(db, { engine, type }, sent, failures, options.onSettled);
        done += sent.entries.length;
        batches += 1;
        options.onProgress?.(progress('running'));
      });
    } catch (error) {
      // Rows whose request may have reached the server stay pushing: the next push sends them again.
      if (!outcomeUnknown(error)) unmark(db, batch);
      if (signal?.aborted) return finish(progress('paused'));
      const message = error instanceof Error ? error.message : String(error);
      const stopped = progress(error instanceof DoofinderError && error.retryable ? 'paused' : 'failed', message);
      return finish(error instanceof DoofinderError ? { ...stopped, errorKind: error.kind } : stopped);
    }
  }
  return finish(progress('completed'));

  function finish(result: PushProgress): PushProgress {
    options.onProgress?.(result);
    return result;
  }
}
