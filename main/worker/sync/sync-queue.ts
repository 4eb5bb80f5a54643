/**
 * What is waiting to be synced in an account's database, read straight from the rows
 * (the sync state lives on the items, DESIGN.md section 4): which types have changes to
 * push, how many rows are unsynced, and a fingerprint that moves with every local change.
 */
import type { SqliteDatabase } from '../store/open';
import { MAX_BATCH_ITEMS } from './batches';
import { PUSHABLE } from './push';

export interface SyncScope {
  engine?: string;
  type?: string;
}

export interface TypeQueue {
  engine: string;
  type: string;
  /** Rows a push would send (edited, created, deleted, or left pushing by a crash). */
  pending: number;
  /** Requests that takes at least: edits, creations and deletions go in batches of their own. */
  requests: number;
}

export interface QueueState {
  pushable: number;
  /** Rows left `pushing` when no sync runs: a crash or kill interrupted their batch. */
  pushing: number;
  /** Changes whenever a row is edited, added to or leaves the queue. */
  fingerprint: string;
}

/** Types of the scope with something to push, in a stable order (engine, then type). */
export function pushableTypes(db: SqliteDatabase, scope: SyncScope): TypeQueue[] {
  const groups = db
    .prepare(
      `SELECT engine, type, count(*) AS pending FROM items
       WHERE ${PUSHABLE} AND (@engine IS NULL OR engine = @engine) AND (@type IS NULL OR type = @type)
       GROUP BY engine, type,
         CASE WHEN status = 'deleted' OR pending_op = 'delete' THEN 'delete' WHEN base IS NULL THEN 'put' ELSE 'patch' END
       ORDER BY engine, type`,
    )
    .all({ engine: scope.engine ?? null, type: scope.type ?? null }) as Array<Omit<TypeQueue, 'requests'>>;
  const queues: TypeQueue[] = [];
  for (const group of groups) {
    const last = queues.at(-1);
    const requests = Math.ceil(group.pending / MAX_BATCH_ITEMS);
    if (last && last.engine === group.engine && last.type === group.type) {
      last.pending += group.pending;
      last.requests += requests;
    } else queues.push({ ...group, requests });
  }
  return queues;
}

/** Every row not in step with the server (what the status bar and the pending list count). */
export function countUnsynced(db: SqliteDatabase): number {
  return db.prepare("SELECT count(*) FROM items WHERE status != 'clean'").pluck().get() as number;
}

export function queueState(db: SqliteDatabase): QueueState {
  const row = db
    .prepare(
      `SELECT count(*) AS pushable, coalesce(sum(status = 'pushing'), 0) AS pushing, total(rev) AS revs,
              coalesce(max(rowid), 0) AS last
       FROM items WHERE ${PUSHABLE}`,
    )
    .get() as { pushable: number; pushing: number; revs: number; last: number };
  return { pushable: row.pushable, pushing: row.pushing, fingerprint: `${row.pushable}:${row.revs}:${row.last}` };
}

export function countPushing(db: SqliteDatabase): number {
  return db
    .prepare("SELECT count(*) FROM items WHERE status = 'pushing' AND status != 'clean'")
    .pluck()
    .get() as number;
}

/** Requests a push of these queues takes at least. */
export function requestsFor(queues: TypeQueue[]): number {
  return queues.reduce((sum, queue) => sum + queue.requests, 0);
}

/** Requests left of a type being pushed, from how far its push has gone. */
export function requestsLeft(queue: TypeQueue, push: { total: number; done: number; batches: number }): number {
  return Math.max(Math.ceil((push.total - push.done) / MAX_BATCH_ITEMS), queue.requests - push.batches);
}
