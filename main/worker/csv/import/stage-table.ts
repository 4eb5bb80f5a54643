/**
 * An import's rows in the account database (`csv_stage_{import}`), one per line of the
 * file: what the dry run found, read back a page at a time for the wizard and the results
 * file, and by the apply. A table per import: dropping it is instant where deleting a
 * million rows from a shared one is not.
 */
import type { FieldChange } from '../../catalog/changes';
import { prepared, type SqliteDatabase } from '../../store/open';
import type { Doc } from '../../sync/merge';
import type { CsvProblem } from '../errors';
import type { RowOutcome } from './modes';
import type { StagedRow } from './stage-row';

export const stageTable = (importId: number) => `csv_stage_${Math.trunc(importId)}`;

export function createStage(db: SqliteDatabase, importId: number): void {
  db.exec(`DROP TABLE IF EXISTS ${stageTable(importId)};
    CREATE TABLE ${stageTable(importId)} (
      line INTEGER PRIMARY KEY,
      id TEXT,
      outcome TEXT NOT NULL,
      doc TEXT,
      fields TEXT,
      problems TEXT,
      note TEXT
    )`);
}

export function dropStage(db: SqliteDatabase, importId: number): void {
  db.exec(`DROP TABLE IF EXISTS ${stageTable(importId)}`);
}

export function stageExists(db: SqliteDatabase, importId: number): boolean {
  return (
    prepared(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(stageTable(importId)) !==
    undefined
  );
}

const json = (value: unknown) => (value === null ? null : JSON.stringify(value));

/** Writes a batch of rows in one transaction (a few thousand at a time: each transaction is a sync to disk). */
export function writeStaged(db: SqliteDatabase, importId: number, rows: readonly StagedRow[]): void {
  const insert = prepared(
    db,
    `INSERT INTO ${stageTable(importId)} (line, id, outcome, doc, fields, problems, note) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const row of rows)
      insert.run(
        row.line,
        row.id,
        row.outcome,
        json(row.doc),
        json(row.fields),
        row.problems.length > 0 ? JSON.stringify(row.problems) : null,
        row.note,
      );
  })();
}

export interface StoredStageRow {
  line: number;
  id: string | null;
  outcome: RowOutcome;
  doc: Doc | null;
  fields: FieldChange[] | null;
  problems: CsvProblem[];
  note: string | null;
}

interface RawStageRow {
  line: number;
  id: string | null;
  outcome: RowOutcome;
  doc: string | null;
  fields: string | null;
  problems: string | null;
  note: string | null;
}

export function fromRaw(raw: RawStageRow): StoredStageRow {
  return {
    line: raw.line,
    id: raw.id,
    outcome: raw.outcome,
    doc: raw.doc === null ? null : (JSON.parse(raw.doc) as Doc),
    fields: raw.fields === null ? null : (JSON.parse(raw.fields) as FieldChange[]),
    problems: raw.problems === null ? [] : (JSON.parse(raw.problems) as CsvProblem[]),
    note: raw.note,
  };
}

/** Rows in line order after `afterLine`, `limit` at a time, narrowed by `where` (a fixed SQL condition). */
export function stagePage(
  db: SqliteDatabase,
  importId: number,
  where: string,
  afterLine: number,
  limit: number,
): StoredStageRow[] {
  const rows = prepared(
    db,
    `SELECT line, id, outcome, doc, fields, problems, note FROM ${stageTable(importId)} WHERE line > ? AND (${where}) ORDER BY line LIMIT ?`,
  ).all(afterLine, limit) as RawStageRow[];
  return rows.map(fromRaw);
}

/** Every row matching `where`, a page at a time (never all in memory). */
export function* stageRows(
  db: SqliteDatabase,
  importId: number,
  where: string,
  pageSize = 2_000,
): Generator<StoredStageRow> {
  let after = 0;
  for (;;) {
    const page = stagePage(db, importId, where, after, pageSize);
    yield* page;
    const last = page.at(-1);
    if (!last || page.length < pageSize) return;
    after = last.line;
  }
}
