/**
 * Runs of a case (`relevance_runs`), what each query answered in them (`relevance_results`)
 * and each query's metrics as graded when the run ended (`relevance_run_queries`, kept for
 * the record). Views score runs with the grades as they are now (`run-scores.ts`).
 */
import type {
  RelevanceChangeView,
  RelevanceMetricsView,
  RelevanceRunView,
  SearchResultView,
} from '../../../preload/contract';
import { AppError } from '../../errors';
import { prepared, type SqliteDatabase } from '../store/open';

export type RunState = RelevanceRunView['state'];

/** A result as stored with its run: what the case view shows, without the document's fields. */
export type StoredResult = Omit<SearchResultView, 'fields'>;

export interface RunRow {
  id: number;
  case_id: number;
  started_at: string;
  ended_at: string | null;
  state: RunState;
  total: number;
  metrics: string | null;
  changes_since: string;
  error: string | null;
}

export interface RunQueryRow {
  run_id: number;
  query_id: number;
  query: string;
  ran_at: string;
  metrics: string | null;
  error: string | null;
}

export function insertRun(
  db: SqliteDatabase,
  run: { caseId: number; total: number; changesSince: RelevanceChangeView[]; startedAt: Date },
): number {
  return Number(
    prepared(
      db,
      "INSERT INTO relevance_runs (case_id, started_at, state, total, changes_since) VALUES (?, ?, 'running', ?, ?)",
    ).run(run.caseId, run.startedAt.toISOString(), run.total, JSON.stringify(run.changesSince)).lastInsertRowid,
  );
}

export function getRun(db: SqliteDatabase, id: number): RunRow | null {
  return (prepared(db, 'SELECT * FROM relevance_runs WHERE id = ?').get(id) as RunRow | undefined) ?? null;
}

export function requireRun(db: SqliteDatabase, id: number): RunRow {
  const found = getRun(db, id);
  if (!found) throw new AppError('not_found', `There is no relevance run ${id} on this account (its case deleted?).`);
  return found;
}

/** Oldest first. */
export function listRuns(db: SqliteDatabase, caseId: number): RunRow[] {
  return prepared(db, 'SELECT * FROM relevance_runs WHERE case_id = ? ORDER BY id').all(caseId) as RunRow[];
}

export function lastRun(db: SqliteDatabase, caseId: number): RunRow | null {
  return (
    (prepared(db, 'SELECT * FROM relevance_runs WHERE case_id = ? ORDER BY id DESC LIMIT 1').get(caseId) as
      RunRow | undefined) ?? null
  );
}

/** Runs left 'running' by a worker that stopped: they will not go on. */
export function closeOrphanRuns(db: SqliteDatabase, going: ReadonlySet<number>, now = new Date()): void {
  const orphans = prepared(db, "SELECT id FROM relevance_runs WHERE state = 'running'").all() as Array<{ id: number }>;
  for (const { id } of orphans) {
    if (going.has(id)) continue;
    prepared(
      db,
      "UPDATE relevance_runs SET state = 'cancelled', ended_at = ?, error = ? WHERE id = ? AND state = 'running'",
    ).run(now.toISOString(), 'The app stopped during this run: the queries run before are kept.', id);
  }
}

/** One query's answer in a run: its results, or why it failed. */
export function recordQueryAnswer(
  db: SqliteDatabase,
  answer: { runId: number; queryId: number; query: string; results: StoredResult[]; error: string | null },
  now = new Date(),
): void {
  db.transaction(() => {
    prepared(
      db,
      `INSERT INTO relevance_run_queries (run_id, query_id, query, ran_at, error) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (run_id, query_id) DO UPDATE SET ran_at = excluded.ran_at, error = excluded.error`,
    ).run(answer.runId, answer.queryId, answer.query, now.toISOString(), answer.error);
    prepared(db, 'DELETE FROM relevance_results WHERE run_id = ? AND query_id = ?').run(answer.runId, answer.queryId);
    const insert = prepared(
      db,
      'INSERT OR IGNORE INTO relevance_results (run_id, query_id, rank, item_id, result) VALUES (?, ?, ?, ?, ?)',
    );
    for (const result of answer.results)
      insert.run(answer.runId, answer.queryId, result.rank, result.id, JSON.stringify(result));
  })();
}

export function runQueries(db: SqliteDatabase, runId: number): RunQueryRow[] {
  return prepared(db, 'SELECT * FROM relevance_run_queries WHERE run_id = ? ORDER BY ran_at, query_id').all(
    runId,
  ) as RunQueryRow[];
}

/** A query's results in a run, in rank order. */
export function runResults(db: SqliteDatabase, runId: number, queryId: number): StoredResult[] {
  return (
    prepared(db, 'SELECT result FROM relevance_results WHERE run_id = ? AND query_id = ? ORDER BY rank').all(
      runId,
      queryId,
    ) as Array<{ result: string }>
  ).map((row) => JSON.parse(row.result) as StoredResult);
}

/** The latest run of the case that ran this query (whatever it answered). */
export function latestQueryRun(db: SqliteDatabase, queryId: number): RunQueryRow | null {
  return (
    (prepared(db, 'SELECT * FROM relevance_run_queries WHERE query_id = ? ORDER BY run_id DESC LIMIT 1').get(
      queryId,
    ) as RunQueryRow | undefined) ?? null
  );
}

/** The run ended: its state, and each query's and the mean metrics with the grades as they are now. */
export function finishRun(
  db: SqliteDatabase,
  end: {
    runId: number;
    state: Exclude<RunState, 'running'>;
    perQuery: Map<number, RelevanceMetricsView>;
    mean: RelevanceMetricsView | null;
    error: string | null;
  },
  now = new Date(),
): void {
  db.transaction(() => {
    const setQuery = prepared(db, 'UPDATE relevance_run_queries SET metrics = ? WHERE run_id = ? AND query_id = ?');
    for (const [queryId, metrics] of end.perQuery) setQuery.run(JSON.stringify(metrics), end.runId, queryId);
    prepared(db, 'UPDATE relevance_runs SET state = ?, ended_at = ?, metrics = ?, error = ? WHERE id = ?').run(
      end.state,
      now.toISOString(),
      end.mean ? JSON.stringify(end.mean) : null,
      end.error,
      end.runId,
    );
  })();
}

export function toRunView(db: SqliteDatabase, row: RunRow, metrics: RelevanceMetricsView | null): RelevanceRunView {
  const done = (
    prepared(db, 'SELECT count(*) AS done FROM relevance_run_queries WHERE run_id = ?').get(row.id) as { done: number }
  ).done;
  return {
    id: row.id,
    caseId: row.case_id,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    state: row.state,
    done,
    total: row.total,
    metrics,
    changesSince: JSON.parse(row.changes_since) as RelevanceChangeView[],
    error: row.error,
  };
}
