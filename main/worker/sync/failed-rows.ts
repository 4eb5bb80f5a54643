/**
 * Rows the server refused (from `unindexed_items`): sent again on request, or handed to the
 * user as CSV with the server's reason and the values that were refused, to fix elsewhere.
 */
import Papa from 'papaparse';
import type { SqliteDatabase } from '../store/open';
import { changedFields, type Doc } from './merge';

interface FailedRow {
  id: string;
  doc: string;
  base: string | null;
  error: string | null;
}

/**
 * Failed rows become pending again: an item never on the server (no base) is created,
 * an edited one is patched. Returns how many.
 */
export function retryFailedRows(db: SqliteDatabase, engine: string, type: string): number {
  return db
    .prepare(
      `UPDATE items SET status = CASE WHEN base IS NULL THEN 'new' ELSE 'dirty' END, error = NULL
       WHERE engine = ? AND type = ? AND status = 'failed'`,
    )
    .run(engine, type).changes;
}

/** The fields that were sent for a row: the changed ones, or all of a created item. */
function sentFields(doc: Doc, base: Doc | null): string[] {
  const fields = base ? changedFields(base, doc) : Object.keys(doc);
  return fields.filter((field) => field !== 'id');
}

const cell = (value: unknown): string =>
  value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);

/** CSV with columns id, reason, fields (the names sent), then the value of each sent field. */
export function failedRowsCsv(db: SqliteDatabase, engine: string, type: string): { csv: string; rows: number } {
  const rows = db
    .prepare(
      "SELECT id, doc, base, error FROM items WHERE engine = ? AND type = ? AND status = 'failed' AND status != 'clean' ORDER BY rowid",
    )
    .all(engine, type) as FailedRow[];
  const parsed = rows.map((row) => {
    const doc = JSON.parse(row.doc) as Doc;
    const base = row.base === null ? null : (JSON.parse(row.base) as Doc);
    return { row, doc, fields: sentFields(doc, base) };
  });
  const columns = [...new Set(parsed.flatMap((entry) => entry.fields))].sort();
  const data = parsed.map(({ row, doc, fields }) => [
    row.id,
    row.error ?? '',
    fields.join(', '),
    ...columns.map((field) => (fields.includes(field) ? cell(doc[field]) : '')),
  ]);
  const csv = Papa.unparse(
    { fields: ['id', 'reason', 'fields', ...columns], data },
    { newline: '\n', escapeFormulae: true },
  );
  return { csv, rows: rows.length };
}
