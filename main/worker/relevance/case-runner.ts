/**
 * Runs a case's queries one at a time (the user asked: interactive priority; one at a time so
 * the account's budget is shared fairly with a sync), never retrying a failure silently: a
 * query that fails keeps its error and the run goes on. Cancelling stops between queries.
 */
import type { SearchParamsView, SearchResultView } from '../../../preload/contract';
import { toErrorData } from '../../errors';
import { toAppError } from '../app-errors';
import type { SqliteDatabase } from '../store/open';
import type { QueryRecord } from './case-store';
import { recordQueryAnswer, type StoredResult } from './run-store';

/** One search as the search tester sends it (`search:run`); `signal` aborts it when the worker stops. */
export type Searcher = (request: { engine: string; params: SearchParamsView; signal?: AbortSignal }) => Promise<{
  results: SearchResultView[];
}>;

export interface RunPlan {
  runId: number;
  engine: string;
  queries: readonly QueryRecord[];
  signal: AbortSignal;
}

export interface RunOutcome {
  cancelled: boolean;
  failed: number;
  ran: number;
  firstError: string | null;
}

const stored = ({ fields: _fields, ...result }: SearchResultView): StoredResult => result;

/** What the user reads next to the query: the error as the search tester words it. */
function errorText(error: unknown): string {
  return toErrorData(toAppError(error)).message;
}

export async function runCaseQueries(
  db: SqliteDatabase,
  search: Searcher,
  plan: RunPlan,
  onQueryDone: () => void,
): Promise<RunOutcome> {
  const outcome: RunOutcome = { cancelled: false, failed: 0, ran: 0, firstError: null };
  for (const query of plan.queries) {
    if (plan.signal.aborted) {
      outcome.cancelled = true;
      break;
    }
    let results: StoredResult[] = [];
    let error: string | null = null;
    try {
      results = (await search({ engine: plan.engine, params: query.params })).results.map(stored);
    } catch (failure) {
      error = errorText(failure);
      outcome.failed += 1;
      outcome.firstError ??= error;
    }
    recordQueryAnswer(db, { runId: plan.runId, queryId: query.id, query: query.params.query, results, error });
    outcome.ran += 1;
    onQueryDone();
  }
  return outcome;
}
