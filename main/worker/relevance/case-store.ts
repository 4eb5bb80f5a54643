/** The `relevance_cases` and `relevance_queries` rows (account migration 8). */
import type { SearchParamsView } from '../../../preload/contract';
import { AppError } from '../../errors';
import { prepared, type SqliteDatabase } from '../store/open';

export interface CaseRow {
  id: number;
  name: string;
  engine: string;
  k: number;
  threshold: number;
  created_at: string;
}

export interface QueryRecord {
  id: number;
  caseId: number;
  position: number;
  params: SearchParamsView;
}

interface RawQuery {
  id: number;
  case_id: number;
  position: number;
  params: string;
}

export interface CaseSettings {
  name: string;
  engine: string;
  k: number;
  threshold: number;
}

export function getCase(db: SqliteDatabase, id: number): CaseRow | null {
  return (prepared(db, 'SELECT * FROM relevance_cases WHERE id = ?').get(id) as CaseRow | undefined) ?? null;
}

export function requireCase(db: SqliteDatabase, id: number): CaseRow {
  const found = getCase(db, id);
  if (!found) throw new AppError('not_found', `There is no relevance case ${id} on this account (deleted?).`);
  return found;
}

export function listCases(db: SqliteDatabase): CaseRow[] {
  return prepared(db, 'SELECT * FROM relevance_cases ORDER BY name COLLATE NOCASE, id').all() as CaseRow[];
}

export function insertCase(db: SqliteDatabase, settings: CaseSettings, now = new Date()): number {
  return Number(
    prepared(db, 'INSERT INTO relevance_cases (name, engine, k, threshold, created_at) VALUES (?, ?, ?, ?, ?)').run(
      settings.name,
      settings.engine,
      settings.k,
      settings.threshold,
      now.toISOString(),
    ).lastInsertRowid,
  );
}

export function updateCase(db: SqliteDatabase, id: number, settings: CaseSettings): void {
  prepared(db, 'UPDATE relevance_cases SET name = ?, engine = ?, k = ?, threshold = ? WHERE id = ?').run(
    settings.name,
    settings.engine,
    settings.k,
    settings.threshold,
    id,
  );
}

/** Its queries, judgments and runs go with it (foreign keys cascade). */
export function deleteCase(db: SqliteDatabase, id: number): boolean {
  return prepared(db, 'DELETE FROM relevance_cases WHERE id = ?').run(id).changes > 0;
}

const toQuery = (raw: RawQuery): QueryRecord => ({
  id: raw.id,
  caseId: raw.case_id,
  position: raw.position,
  params: JSON.parse(raw.params) as SearchParamsView,
});

export function listQueries(db: SqliteDatabase, caseId: number): QueryRecord[] {
  return (
    prepared(db, 'SELECT * FROM relevance_queries WHERE case_id = ? ORDER BY position, id').all(caseId) as RawQuery[]
  ).map(toQuery);
}

export function getQuery(db: SqliteDatabase, id: number): QueryRecord | null {
  const raw = prepared(db, 'SELECT * FROM relevance_queries WHERE id = ?').get(id) as RawQuery | undefined;
  return raw ? toQuery(raw) : null;
}

export function requireQuery(db: SqliteDatabase, id: number, caseId?: number): QueryRecord {
  const found = getQuery(db, id);
  if (!found || (caseId !== undefined && found.caseId !== caseId))
    throw new AppError('not_found', `There is no query ${id} in this relevance case (deleted?).`);
  return found;
}

/** A new query goes last. */
export function insertQuery(db: SqliteDatabase, caseId: number, params: SearchParamsView): number {
  const last = prepared(db, 'SELECT max(position) AS last FROM relevance_queries WHERE case_id = ?').get(caseId) as {
    last: number | null;
  };
  return Number(
    prepared(db, 'INSERT INTO relevance_queries (case_id, position, query, params) VALUES (?, ?, ?, ?)').run(
      caseId,
      (last.last ?? 0) + 1,
      params.query,
      JSON.stringify(params),
    ).lastInsertRowid,
  );
}

export function updateQuery(db: SqliteDatabase, id: number, params: SearchParamsView): void {
  prepared(db, 'UPDATE relevance_queries SET query = ?, params = ? WHERE id = ?').run(
    params.query,
    JSON.stringify(params),
    id,
  );
}

/** Its judgments go with it; the runs that ran it keep their rows. */
export function deleteQuery(db: SqliteDatabase, id: number): void {
  prepared(db, 'DELETE FROM relevance_queries WHERE id = ?').run(id);
}

/** A query of the case by its text, exactly as typed (CSV import matches on it). */
export function findQueryByText(db: SqliteDatabase, caseId: number, query: string): QueryRecord | null {
  const raw = prepared(db, 'SELECT * FROM relevance_queries WHERE case_id = ? AND query = ? ORDER BY id LIMIT 1').get(
    caseId,
    query,
  ) as RawQuery | undefined;
  return raw ? toQuery(raw) : null;
}
