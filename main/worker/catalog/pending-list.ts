/**
 * `sync:pending`: every changed item and field (before -> after) of the account, grouped by
 * engine and type with counts, the requests a sync would spend (push batches of at most 100
 * items per kind, sync/batches.ts) and how long they take at the account's rate limit.
 */
import type { PendingField, PendingGroup, PendingItem, PendingSnapshot } from '../../../preload/contract';
import { prepared, type SqliteDatabase } from '../store/open';
import { buildBatches, MAX_BATCH_ITEMS, type PendingRow } from '../sync/batches';
import type { Doc, ItemStatus } from '../sync/merge';
import { fieldChanges } from './history';

/** Items listed per group; the rest are counted in `more`. */
export const LISTED_PER_GROUP = 200;
/** Beyond this many rows to push in a type, batches are counted from the row counts (one per 100 of each kind). */
const EXACT_BATCHES_UP_TO = 20_000;
const RATE_PER_SECOND = 2;

interface CountRow {
  engine: string;
  type: string;
  status: ItemStatus;
  op: string | null;
  n: number;
}

interface ListedRow {
  rowid: number;
  id: string;
  doc: string;
  base: string | null;
  status: ItemStatus;
  error: string | null;
  rev: number;
  pending_op: string | null;
}

const parse = (text: string | null): Doc | null => (text === null ? null : (JSON.parse(text) as Doc));

/** What a row is sent as: a row left `pushing` goes again as what it was (push.ts). */
function sentAs(status: ItemStatus, op: string | null): ItemStatus {
  if (status !== 'pushing') return status;
  return op === 'delete' ? 'deleted' : op === 'put' ? 'new' : 'dirty';
}

function fieldsOf(row: ListedRow): PendingField[] {
  if (row.status === 'deleted' || (row.status === 'pushing' && row.pending_op === 'delete')) return [];
  const doc = parse(row.doc) ?? {};
  return fieldChanges(parse(row.base) ?? {}, doc)
    .filter(([field]) => row.base !== null || field !== 'id')
    .map(([field, before, after]) => ({ field, before, after }));
}

function counts(rows: CountRow[]): PendingGroup['counts'] {
  const tally = { edited: 0, created: 0, deleted: 0, failed: 0, conflicts: 0 };
  for (const row of rows) {
    const status = sentAs(row.status, row.op);
    if (status === 'dirty') tally.edited += row.n;
    else if (status === 'new') tally.created += row.n;
    else if (status === 'deleted') tally.deleted += row.n;
    else if (status === 'failed') tally.failed += row.n;
    else if (status === 'conflict') tally.conflicts += row.n;
  }
  return tally;
}

/** Requests a push of the type would make: exact (buildBatches) for a modest queue, else one per 100 of each kind. */
function requestsFor(db: SqliteDatabase, engine: string, type: string, rows: CountRow[]): number {
  const pushable = rows.filter((row) => ['dirty', 'new', 'deleted', 'pushing'].includes(row.status));
  const queued = pushable.reduce((sum, row) => sum + row.n, 0);
  if (queued === 0) return 0;
  if (queued > EXACT_BATCHES_UP_TO) {
    const c = counts(pushable);
    return [c.edited, c.created, c.deleted].reduce((sum, n) => sum + Math.ceil(n / MAX_BATCH_ITEMS), 0);
  }
  const listed = prepared(
    db,
    `SELECT rowid, id, doc, base, status, error, rev, pending_op FROM items INDEXED BY items_pending
       WHERE engine = ? AND type = ? AND status IN ('dirty', 'new', 'deleted', 'pushing') AND status != 'clean' ORDER BY rowid`,
  ).all(engine, type) as ListedRow[];
  const pending: PendingRow[] = listed.map((row) => ({
    rowid: row.rowid,
    id: row.id,
    doc: parse(row.doc) ?? {},
    base: parse(row.base),
    status: sentAs(row.status, row.pending_op),
    rev: row.rev,
  }));
  return buildBatches(pending).length;
}

function listItems(db: SqliteDatabase, engine: string, type: string): PendingItem[] {
  const rows = prepared(
    db,
    `SELECT rowid, id, doc, base, status, error, rev, pending_op FROM items INDEXED BY items_pending
       WHERE engine = ? AND type = ? AND status != 'clean' ORDER BY rowid LIMIT ?`,
  ).all(engine, type, LISTED_PER_GROUP) as ListedRow[];
  return rows.map((row) => ({ id: row.id, status: row.status, fields: fieldsOf(row), error: row.error }));
}

export function pendingSnapshot(db: SqliteDatabase): PendingSnapshot {
  const rows = prepared(
    db,
    `SELECT engine, type, status, pending_op AS op, count(*) AS n FROM items INDEXED BY items_pending WHERE status != 'clean'
       GROUP BY engine, type, status, pending_op ORDER BY engine, type`,
  ).all() as CountRow[];
  const names = new Map(
    (prepared(db, 'SELECT hashid, name FROM engines').all() as Array<{ hashid: string; name: string }>).map(
      (engine) => [engine.hashid, engine.name],
    ),
  );
  const byType = new Map<string, CountRow[]>();
  for (const row of rows) {
    const key = `${row.engine}\t${row.type}`;
    byType.set(key, [...(byType.get(key) ?? []), row]);
  }
  const groups: PendingGroup[] = [];
  let requests = 0;
  let total = 0;
  for (const typeRows of byType.values()) {
    const { engine, type } = typeRows[0] ?? { engine: '', type: '' };
    const inType = typeRows.reduce((sum, row) => sum + row.n, 0);
    const listed = listItems(db, engine, type);
    requests += requestsFor(db, engine, type, typeRows);
    total += inType;
    groups.push({
      engine,
      engineName: names.get(engine) ?? engine,
      type,
      counts: counts(typeRows),
      items: listed,
      more: inType - listed.length,
    });
  }
  return { groups, total, requests, etaSeconds: Math.ceil(requests / RATE_PER_SECOND) };
}

export function countPending(db: SqliteDatabase): number {
  return prepared(db, "SELECT count(*) FROM items INDEXED BY items_pending WHERE status != 'clean'")
    .pluck()
    .get() as number;
}
