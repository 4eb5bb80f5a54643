/**
 * Mirror (server -> local, DESIGN.md section 5): scrolls every item of an engine's type
 * into the account database, 100 per request, one transaction per page so the UI reads
 * while it runs. Each run has a pass number; clean rows a completed pass did not see were
 * deleted on the server. Rows with local edits are merged three-way. A cancelled or
 * interrupted run resumes where it stopped; an expired scroll_id restarts the scroll in
 * the same pass, and items already stored by that pass are not written again.
 */
import type { DoofinderClient } from '../doofinder/client';
import { DoofinderError } from '../doofinder/errors';
import { continueScroll, startScroll, type Item, type ScrollPage } from '../doofinder/management-v1';
import { recordServerRemovals, recordServerUpdate } from '../catalog/history';
import { serverRowsChanged } from '../catalog/server-changes';
import { prepared, type SqliteDatabase } from '../store/open';
import { mergeWithServer, type Doc, type ItemStatus } from './merge';

export const PAGE_SIZE = 100;

/** Scrolls started again in one pass to find pages that were lost on the way. */
const MAX_RESTARTS = 3;

export type MirrorState = 'running' | 'paused' | 'completed' | 'cancelled' | 'failed';

export interface MirrorProgress {
  engine: string;
  type: string;
  runId: number;
  pass: number;
  state: MirrorState;
  fetched: number;
  total: number | null;
  percent: number | null;
  /** Seconds left at the current pace; null until there is a pace. */
  etaSeconds: number | null;
  itemsPerSecond: number | null;
  error: string | null;
  /** Filled when a pass completes. */
  deletedOnServer?: number;
  conflicts?: number;
}

export interface MirrorOptions {
  db: SqliteDatabase;
  client: DoofinderClient;
  engine: string;
  type: string;
  signal?: AbortSignal;
  onProgress?: (progress: MirrorProgress) => void;
  /** Progress is reported at most this often (and at every page when slower). */
  progressIntervalMs?: number;
  now?: () => number;
}

interface RunRow {
  id: number;
  pass: number;
  state: MirrorState;
  scroll_id: string | null;
  fetched: number;
  total: number | null;
}

interface LocalRow {
  rowid: number;
  doc: string;
  base: string | null;
  status: ItemStatus;
  seen: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The run to continue (an interrupted or paused one), or a new pass. */
function openRun(db: SqliteDatabase, engine: string, type: string, now: number): RunRow {
  const last = db
    .prepare(
      'SELECT id, pass, state, scroll_id, fetched, total FROM mirror_runs WHERE engine = ? AND type = ? ORDER BY id DESC LIMIT 1',
    )
    .get(engine, type) as RunRow | undefined;
  if (last && (last.state === 'running' || last.state === 'paused')) {
    db.prepare("UPDATE mirror_runs SET state = 'running', error = NULL, updated_at = ? WHERE id = ?").run(
      iso(now),
      last.id,
    );
    return { ...last, state: 'running' };
  }
  const pass =
    ((db.prepare('SELECT max(seen) FROM items WHERE engine = ? AND type = ?').pluck().get(engine, type) as
      number | null) ?? 0) + 1;
  const nextPass = Math.max(pass, (last?.pass ?? 0) + 1);
  const id = db
    .prepare(
      "INSERT INTO mirror_runs (engine, type, pass, state, started_at, updated_at) VALUES (?, ?, ?, 'running', ?, ?) RETURNING id",
    )
    .pluck()
    .get(engine, type, nextPass, iso(now), iso(now)) as number;
  return { id, pass: nextPass, state: 'running', scroll_id: null, fetched: 0, total: null };
}

function parse(text: string | null): Doc | null {
  return text === null ? null : (JSON.parse(text) as Doc);
}

/** Serves what the server sent: its own URL fields are read-only and say nothing about the item. */
function serverDoc(item: Item): Doc {
  const { url: _url, df_url: _dfUrl, ...doc } = item;
  return doc;
}

/** Writes one page in one transaction; returns how many rows this pass saw for the first time, and how many became conflicts. */
function storePage(
  db: SqliteDatabase,
  engine: string,
  type: string,
  pass: number,
  items: Item[],
): { newlySeen: number; conflicts: number } {
  const select = prepared(
    db,
    'SELECT rowid, doc, base, status, seen FROM items WHERE engine = ? AND type = ? AND id = ?',
  );
  const insert = prepared(
    db,
    "INSERT INTO items (engine, type, id, doc, status, seen) VALUES (?, ?, ?, ?, 'clean', ?)",
  );
  const touch = prepared(db, 'UPDATE items SET seen = ? WHERE rowid = ?');
  const takeServer = prepared(
    db,
    "UPDATE items SET doc = ?, base = NULL, theirs = NULL, status = 'clean', error = NULL, seen = ? WHERE rowid = ?",
  );
  const saveMerge = prepared(
    db,
    'UPDATE items SET doc = ?, base = ?, theirs = ?, status = ?, error = ?, seen = ? WHERE rowid = ?',
  );
  let conflicts = 0;
  let alreadySeen = 0;
  let written = false;
  db.transaction(() => {
    for (const item of items) {
      const doc = serverDoc(item);
      const id = String(item.id);
      const row = select.get(engine, type, id) as LocalRow | undefined;
      if (!row) {
        insert.run(engine, type, id, JSON.stringify(doc), pass);
        written = true;
        continue;
      }
      if (row.seen === pass) {
        alreadySeen += 1; // stored earlier in this pass (a restarted scroll)
        continue;
      }
      if (row.status === 'pushing') {
        // A batch with this row is in flight: its answer settles the row, not the mirror.
        touch.run(pass, row.rowid);
        continue;
      }
      if (row.status === 'clean') {
        takeServer.run(JSON.stringify(doc), pass, row.rowid);
        if (recordServerUpdate(db, { engine, type, id, before: row.doc, after: doc })) written = true;
        continue;
      }
      const merged = mergeWithServer({ doc: parse(row.doc) ?? {}, base: parse(row.base), status: row.status }, doc);
      if (merged.status === 'conflict') conflicts += 1;
      saveMerge.run(
        JSON.stringify(merged.doc),
        merged.base === null ? null : JSON.stringify(merged.base),
        merged.theirs === null ? null : JSON.stringify(merged.theirs),
        merged.status,
        merged.conflicts.length ? `Changed here and on the server: ${merged.conflicts.join(', ')}` : null,
        pass,
        row.rowid,
      );
      recordServerUpdate(db, { engine, type, id, before: row.doc, after: merged.doc, conflicts: merged.conflicts });
      written = true;
    }
  })();
  // The grid shows these rows: it hears of them (catalog/server-changes.ts).
  if (written) serverRowsChanged(db, engine, type);
  return { newlySeen: items.length - alreadySeen, conflicts };
}

/**
 * After a complete pass: clean rows it did not see were deleted on the server (and a local
 * deletion of them is already done); edited rows it did not see become conflicts (the
 * server deleted what the user changed). Rows created here (never seen) are left alone.
 */
function finishPass(
  db: SqliteDatabase,
  engine: string,
  type: string,
  pass: number,
): { deleted: number; conflicts: number } {
  return db.transaction(() => {
    const gone = 'engine = ? AND type = ? AND seen < ? AND seen > 0';
    const deleted = db
      .prepare(`DELETE FROM items WHERE ${gone} AND status IN ('clean', 'deleted')`)
      .run(engine, type, pass).changes;
    const summary = 'Deleted on the server after it was changed here';
    recordServerRemovals(db, {
      where: `${gone} AND status IN ('dirty', 'failed')`,
      params: [engine, type, pass],
      summary,
    });
    const conflicts = db
      .prepare(
        `UPDATE items SET status = 'conflict', theirs = NULL, error = ?
          WHERE ${gone} AND status IN ('dirty', 'failed')`,
      )
      .run(summary, engine, type, pass).changes;
    if (deleted + conflicts > 0) serverRowsChanged(db, engine, type);
    return { deleted, conflicts };
  })();
}

export async function mirrorType(options: MirrorOptions): Promise<MirrorProgress> {
  const { db, client, engine, type, signal } = options;
  const now = options.now ?? Date.now;
  const interval = options.progressIntervalMs ?? 250;
  const run = openRun(db, engine, type, now());
  const startedAt = now();
  // Counted once from the rows (exact even if a kill came between a page and its run update),
  // then kept by adding each page's new rows: counting per page grew with the type.
  let fetched = db
    .prepare('SELECT count(*) FROM items WHERE engine = ? AND type = ? AND seen = ?')
    .pluck()
    .get(engine, type, run.pass) as number;
  const startedFetched = fetched;
  let total = run.total;
  let scrollId = run.scroll_id;
  let conflicts = 0;
  let lastReport = 0;

  const progress = (state: MirrorState, error: string | null = null): MirrorProgress => {
    const elapsed = (now() - startedAt) / 1000;
    const pace = elapsed > 0 && fetched > startedFetched ? (fetched - startedFetched) / elapsed : null;
    const left = total === null ? null : Math.max(0, total - fetched);
    return {
      engine,
      type,
      runId: run.id,
      pass: run.pass,
      state,
      fetched,
      total,
      percent: total ? Math.min(100, Math.round((fetched / total) * 1000) / 10) : total === 0 ? 100 : null,
      etaSeconds: pace && left !== null ? Math.round(left / pace) : null,
      itemsPerSecond: pace === null ? null : Math.round(pace * 10) / 10,
      error,
    };
  };
  const report = (force = false) => {
    if (!force && now() - lastReport < interval) return;
    lastReport = now();
    options.onProgress?.(progress('running'));
  };
  const end = (state: MirrorState, error: string | null = null): MirrorProgress => {
    db.prepare(
      'UPDATE mirror_runs SET state = ?, error = ?, fetched = ?, scroll_id = ?, updated_at = ?, finished_at = ? WHERE id = ?',
    ).run(state, error, fetched, scrollId, iso(now()), state === 'paused' ? null : iso(now()), run.id);
    const result = { ...progress(state, error), conflicts };
    options.onProgress?.(result);
    return result;
  };

  let restarts = 0;

  report(true);
  try {
    for (;;) {
      let page: ScrollPage;
      try {
        page = scrollId
          ? await continueScroll(client, engine, type, scrollId, { priority: 'mirror', signal })
          : await startScroll(client, engine, type, PAGE_SIZE, { priority: 'mirror', signal });
      } catch (error) {
        // The scroll expired (5 minutes after its last request): start again, same pass.
        if (error instanceof DoofinderError && error.kind === 'not_found' && scrollId) {
          scrollId = null;
          continue;
        }
        throw error;
      }
      scrollId = page.scroll_id || scrollId;
      total = page.count;
      if (page.results.length === 0) {
        // A page can be lost: the server may have moved the scroll for a request whose answer
        // never arrived (cancelled, dropped). Short of the count, scroll again in the same pass.
        if (fetched < total && restarts < MAX_RESTARTS) {
          restarts += 1;
          scrollId = null;
          continue;
        }
        break;
      }
      const stored = storePage(db, engine, type, run.pass, page.results);
      fetched += stored.newlySeen;
      conflicts += stored.conflicts;
      prepared(db, 'UPDATE mirror_runs SET scroll_id = ?, fetched = ?, total = ?, updated_at = ? WHERE id = ?').run(
        scrollId,
        fetched,
        total,
        iso(now()),
        run.id,
      );
      report();
    }
  } catch (error) {
    if (signal?.aborted) return end('paused', null);
    const message = error instanceof Error ? error.message : String(error);
    const resumable =
      error instanceof DoofinderError && (error.retryable || error.kind === 'auth' || error.kind === 'quota');
    return end(resumable ? 'paused' : 'failed', message);
  }

  // Deletions are only inferred from a pass that saw everything the server counted.
  const finished = fetched >= (total ?? 0) ? finishPass(db, engine, type, run.pass) : { deleted: 0, conflicts: 0 };
  conflicts += finished.conflicts;
  db.prepare('UPDATE types SET server_count = ?, last_mirror_at = ? WHERE engine = ? AND name = ?').run(
    total,
    iso(now()),
    engine,
    type,
  );
  const result = end('completed');
  return { ...result, deletedOnServer: finished.deleted };
}
