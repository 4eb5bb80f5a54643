/**
 * The items an export writes, a page at a time (a million documents never sit in memory,
 * and no statement stays open across the awaits of writing the file, when other requests
 * use the connection): the whole type in id order, a grid view in its order, or given ids.
 * Items deleted here and not yet synced are left out, as the grid strikes them through.
 */
import type { ViewSpec } from '../../../../preload/contract';
import type { CatalogContext } from '../../catalog/context';
import { prepared, type SqliteDatabase } from '../../store/open';
import type { Doc } from '../../sync/merge';

export type ExportTarget =
  | { scope: 'all'; engine: string; type: string }
  | { scope: 'view'; view: ViewSpec }
  | { scope: 'ids'; engine: string; type: string; ids: string[] };

export interface ExportItem {
  id: string;
  doc: Doc;
}

const PAGE = 2_000;
const LIVE = "NOT (status = 'deleted' OR (status = 'pushing' AND pending_op = 'delete'))";

const parse = (rows: Array<{ id: string; doc: string }>): ExportItem[] =>
  rows.map((row) => ({ id: row.id, doc: JSON.parse(row.doc) as Doc }));

function* wholeType(db: SqliteDatabase, engine: string, type: string): Generator<ExportItem[]> {
  const page = prepared(
    db,
    `SELECT id, doc FROM items WHERE engine = ? AND type = ? AND id > ? AND ${LIVE} ORDER BY id LIMIT ?`,
  );
  let after = '';
  for (;;) {
    const rows = page.all(engine, type, after, PAGE) as Array<{ id: string; doc: string }>;
    if (rows.length > 0) yield parse(rows);
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return;
    after = last.id;
  }
}

function* viewRows(ctx: CatalogContext, view: ViewSpec): Generator<ExportItem[]> {
  const read = prepared(ctx.db, `SELECT id, doc FROM items WHERE rowid = ? AND ${LIVE}`);
  for (let start = 0; ; start += PAGE) {
    const block = ctx.views.block(view, start, start + PAGE);
    const rows = block.rowids.flatMap((rowid) => (read.get(rowid) as { id: string; doc: string } | undefined) ?? []);
    if (rows.length > 0) yield parse(rows);
    if (block.rowids.length < PAGE || start + PAGE >= block.total) return;
  }
}

function* givenIds(db: SqliteDatabase, engine: string, type: string, ids: readonly string[]): Generator<ExportItem[]> {
  const read = prepared(db, `SELECT id, doc FROM items WHERE engine = ? AND type = ? AND id = ? AND ${LIVE}`);
  for (let at = 0; at < ids.length; at += PAGE) {
    const rows = ids
      .slice(at, at + PAGE)
      .flatMap((id) => (read.get(engine, type, id) as { id: string; doc: string } | undefined) ?? []);
    if (rows.length > 0) yield parse(rows);
  }
}

export function exportPages(ctx: CatalogContext, target: ExportTarget): Generator<ExportItem[]> {
  switch (target.scope) {
    case 'all':
      return wholeType(ctx.db, target.engine, target.type);
    case 'view':
      return viewRows(ctx, target.view);
    case 'ids':
      return givenIds(ctx.db, target.engine, target.type, target.ids);
  }
}

export function targetType(target: ExportTarget): { engine: string; type: string } {
  return target.scope === 'view' ? { engine: target.view.engine, type: target.view.type } : target;
}
