/** The `csv_imports` rows: one per import, with its choices, dry-run counts and state. */
import { prepared, type SqliteDatabase } from '../../store/open';
import type { CsvMapping } from '../mapping/mapping';
import type { CsvDialect } from '../read/dialect';
import type { ImportCounts, ImportMode } from './modes';

export type ImportState = 'staging' | 'staged' | 'applied' | 'discarded' | 'failed';

export interface ImportRecord {
  id: number;
  engine: string;
  type: string;
  file: string;
  mode: ImportMode;
  dialect: CsvDialect;
  mapping: CsvMapping;
  state: ImportState;
  counts: ImportCounts | null;
  action: number | null;
  createdAt: string;
  appliedAt: string | null;
}

interface RawImport {
  id: number;
  engine: string;
  type: string;
  file: string;
  mode: ImportMode;
  dialect: string;
  mapping: string;
  state: ImportState;
  counts: string | null;
  action: number | null;
  created_at: string;
  applied_at: string | null;
}

export function createImport(
  db: SqliteDatabase,
  spec: { engine: string; type: string; file: string; mode: ImportMode; dialect: CsvDialect; mapping: CsvMapping },
): number {
  return Number(
    prepared(
      db,
      "INSERT INTO csv_imports (engine, type, file, mode, dialect, mapping, state, created_at) VALUES (?, ?, ?, ?, ?, ?, 'staging', ?)",
    ).run(
      spec.engine,
      spec.type,
      spec.file,
      spec.mode,
      JSON.stringify(spec.dialect),
      JSON.stringify(spec.mapping),
      new Date().toISOString(),
    ).lastInsertRowid,
  );
}

export function readImport(db: SqliteDatabase, id: number): ImportRecord | null {
  const raw = prepared(db, 'SELECT * FROM csv_imports WHERE id = ?').get(id) as RawImport | undefined;
  if (!raw) return null;
  return {
    id: raw.id,
    engine: raw.engine,
    type: raw.type,
    file: raw.file,
    mode: raw.mode,
    dialect: JSON.parse(raw.dialect) as CsvDialect,
    mapping: JSON.parse(raw.mapping) as CsvMapping,
    state: raw.state,
    counts: raw.counts === null ? null : (JSON.parse(raw.counts) as ImportCounts),
    action: raw.action,
    createdAt: raw.created_at,
    appliedAt: raw.applied_at,
  };
}

export function setImportState(
  db: SqliteDatabase,
  id: number,
  state: ImportState,
  extra: { counts?: ImportCounts; action?: number | null } = {},
): void {
  prepared(
    db,
    `UPDATE csv_imports SET state = ?, counts = coalesce(?, counts), action = coalesce(?, action),
       applied_at = CASE WHEN ? = 'applied' THEN ? ELSE applied_at END WHERE id = ?`,
  ).run(
    state,
    extra.counts ? JSON.stringify(extra.counts) : null,
    extra.action ?? null,
    state,
    new Date().toISOString(),
    id,
  );
}
