/** The user's grades of results per query (`relevance_judgments`): 0 irrelevant, 1 fair, 2 good, 3 perfect. */
import { prepared, type SqliteDatabase } from '../store/open';

/** Item id to grade, for one query. */
export function judgmentsOf(db: SqliteDatabase, queryId: number): Map<string, number> {
  const rows = prepared(db, 'SELECT item_id, grade FROM relevance_judgments WHERE query_id = ?').all(queryId) as Array<{
    item_id: string;
    grade: number;
  }>;
  return new Map(rows.map((row) => [row.item_id, row.grade]));
}

/** Sets a grade, or removes it (null). */
export function setJudgment(
  db: SqliteDatabase,
  queryId: number,
  itemId: string,
  grade: number | null,
  now = new Date(),
): void {
  if (grade === null) {
    prepared(db, 'DELETE FROM relevance_judgments WHERE query_id = ? AND item_id = ?').run(queryId, itemId);
    return;
  }
  prepared(
    db,
    `INSERT INTO relevance_judgments (query_id, item_id, grade, graded_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (query_id, item_id) DO UPDATE SET grade = excluded.grade, graded_at = excluded.graded_at`,
  ).run(queryId, itemId, grade, now.toISOString());
}

/** Every judgment of a case's queries, in query order then item id (the CSV export). */
export function caseJudgments(
  db: SqliteDatabase,
  caseId: number,
): Array<{ query: string; itemId: string; grade: number }> {
  return prepared(
    db,
    `SELECT q.query AS query, j.item_id AS itemId, j.grade AS grade
     FROM relevance_judgments j JOIN relevance_queries q ON q.id = j.query_id
     WHERE q.case_id = ? ORDER BY q.position, q.id, j.item_id`,
  ).all(caseId) as Array<{ query: string; itemId: string; grade: number }>;
}
