/**
 * Relevance cases (issue 12 item 4, DESIGN.md section 7): named sets of queries on an engine,
 * graded results, runs through the search tester's search with each run kept, metrics per
 * query and per case, what changed between runs, and judgments as CSV. Everything is in the
 * current account's database; grading never sends a request.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import type {
  CsvProblem,
  RelevanceCaseSummary,
  RelevanceCaseView,
  RelevanceQueryView,
  RelevanceRunCompareView,
  RelevanceRunView,
  RequestInput,
} from '../../../preload/contract';
import { AppError } from '../../errors';
import type { AccountService, Emit } from '../accounts/service';
import type { Databases } from '../store/databases';
import type { SqliteDatabase } from '../store/open';
import * as cases from './case-store';
import { runCaseQueries, type Searcher } from './case-runner';
import { caseSummary, caseView, queryView } from './case-view';
import { defaultQueryParams } from './default-params';
import { engineChanges } from './engine-changes';
import { caseJudgments, setJudgment } from './judgments';
import { judgmentsCsv, parseJudgments } from './judgments-csv';
import { compareRuns } from './run-compare';
import { scoredRunView, scoreRun } from './run-scores';
import * as runStore from './run-store';

/** A judgments file larger than this is not a spreadsheet of grades. */
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

interface GoingRun {
  runId: number;
  /** Aborted by the user's cancel: the run stops after the query being run. */
  controller: AbortController;
  /** Settles when the run has ended and is recorded. */
  ended: Promise<unknown>;
}

export class RelevanceService {
  /** Runs going, by account and case: one run per case at a time. */
  private readonly going = new Map<string, GoingRun>();
  private readonly checkedOrphans = new Set<string>();
  /** The worker is stopping: the search in flight is abandoned too. */
  private readonly closing = new AbortController();

  constructor(
    private readonly dbs: Databases,
    private readonly accounts: AccountService,
    private readonly emit: Emit,
    private readonly search: Searcher,
  ) {}

  cases(): { cases: RelevanceCaseSummary[] } {
    const db = this.db();
    return { cases: cases.listCases(db).map((row) => caseSummary(db, row)) };
  }

  caseView({ id }: RequestInput<'relevance:case'>): RelevanceCaseView {
    const db = this.db();
    return caseView(db, cases.requireCase(db, id));
  }

  saveCase({ id, ...settings }: RequestInput<'relevance:saveCase'>): RelevanceCaseView {
    const db = this.db();
    if (id === undefined) return caseView(db, cases.requireCase(db, cases.insertCase(db, settings)));
    cases.requireCase(db, id);
    cases.updateCase(db, id, settings);
    return caseView(db, cases.requireCase(db, id));
  }

  /** A run of the case going is cancelled and waited for first (it writes into the case's rows). */
  async deleteCase({ id }: RequestInput<'relevance:deleteCase'>): Promise<{ deleted: boolean }> {
    const going = this.goingRun(id);
    if (going) {
      going.controller.abort();
      await going.ended.catch(() => undefined);
    }
    return { deleted: cases.deleteCase(this.db(), id) };
  }

  saveQuery({ caseId, id, params }: RequestInput<'relevance:saveQuery'>): RelevanceCaseView {
    const db = this.db();
    const row = cases.requireCase(db, caseId);
    if (params.query.trim() === '')
      throw new AppError('invalid_input', 'Type the query the case should run.', { field: 'query' });
    if (id === undefined) cases.insertQuery(db, caseId, params);
    else {
      cases.requireQuery(db, id, caseId);
      cases.updateQuery(db, id, params);
    }
    return caseView(db, row);
  }

  deleteQuery({ caseId, id }: RequestInput<'relevance:deleteQuery'>): RelevanceCaseView {
    const db = this.db();
    const row = cases.requireCase(db, caseId);
    cases.requireQuery(db, id, caseId);
    cases.deleteQuery(db, id);
    return caseView(db, row);
  }

  /** Local only: the grade is stored and the query's metrics recomputed from its stored results. */
  grade({ queryId, itemId, grade }: RequestInput<'relevance:grade'>): RelevanceQueryView {
    const db = this.db();
    const query = cases.requireQuery(db, queryId);
    setJudgment(db, queryId, itemId, grade);
    return queryView(db, cases.requireCase(db, query.caseId), query);
  }

  /** Answers when the run has ended (progress goes out as `relevance:progress` meanwhile). */
  async run({ caseId, queryIds }: RequestInput<'relevance:run'>): Promise<RelevanceRunView> {
    const profile = this.accounts.requireCurrent();
    const db = this.dbs.account(profile.id);
    const row = cases.requireCase(db, caseId);
    const key = this.keyOf(caseId, profile.id);
    if (this.going.has(key))
      throw new AppError('busy', `"${row.name}" is already running: wait for it to end or cancel it.`);
    const queries = this.queriesToRun(db, caseId, queryIds);
    const startedAt = new Date();
    const previous = runStore.lastRun(db, caseId);
    const changesSince = previous
      ? engineChanges(db, { engine: row.engine, after: previous.started_at, until: startedAt.toISOString() })
      : [];
    const runId = runStore.insertRun(db, { caseId, total: queries.length, changesSince, startedAt });
    const controller = new AbortController();
    const ended = this.runQueries(db, profile.id, row, runId, queries, controller);
    this.going.set(key, { runId, controller, ended });
    try {
      return await ended;
    } finally {
      this.going.delete(key);
    }
  }

  private async runQueries(
    db: SqliteDatabase,
    profileId: string,
    row: cases.CaseRow,
    runId: number,
    queries: cases.QueryRecord[],
    controller: AbortController,
  ): Promise<RelevanceRunView> {
    const progress = () => {
      const view = scoredRunView(db, runStore.requireRun(db, runId));
      this.emit('relevance:progress', view);
      return view;
    };
    try {
      progress();
      const outcome = await runCaseQueries(
        db,
        (request) => {
          // The search goes to the current account: stop if the user switched to another.
          if (this.accounts.current()?.id !== profileId) {
            controller.abort();
            throw new AppError('cancelled', 'The account changed during the run: it stopped.');
          }
          return this.search({ ...request, signal: this.closing.signal });
        },
        { runId, engine: row.engine, queries, signal: controller.signal },
        progress,
      );
      const all = outcome.ran > 0 && outcome.failed === outcome.ran;
      this.finish(db, row, runId, {
        state: outcome.cancelled ? 'cancelled' : all ? 'failed' : 'completed',
        error:
          outcome.failed === 0 ? null : `${outcome.failed} of ${outcome.ran} queries failed: ${outcome.firstError}`,
      });
    } catch (error) {
      this.finish(db, row, runId, { state: 'failed', error: 'The run stopped: something went wrong inside the app.' });
      progress();
      throw error;
    }
    return progress();
  }

  /** Stops after the query being run; what ran so far is kept. */
  cancel({ caseId }: RequestInput<'relevance:cancel'>): { cancelled: boolean } {
    const run = this.goingRun(caseId);
    if (!run || run.controller.signal.aborted) return { cancelled: false };
    run.controller.abort();
    return { cancelled: true };
  }

  runs({ caseId }: RequestInput<'relevance:runs'>): { runs: RelevanceRunView[] } {
    const db = this.db();
    cases.requireCase(db, caseId);
    return { runs: runStore.listRuns(db, caseId).map((row) => scoredRunView(db, row)) };
  }

  compareRuns({ before, after }: RequestInput<'relevance:compareRuns'>): RelevanceRunCompareView {
    return compareRuns(this.db(), before, after);
  }

  async import({ caseId, file }: RequestInput<'relevance:import'>): Promise<{
    case: RelevanceCaseView;
    judgments: number;
    queriesAdded: number;
    problems: CsvProblem[];
  }> {
    const db = this.db();
    const row = cases.requireCase(db, caseId);
    const parsed = parseJudgments(await readJudgmentsFile(file));
    let queriesAdded = 0;
    db.transaction(() => {
      for (const judgment of parsed.rows) {
        let query = cases.findQueryByText(db, caseId, judgment.query);
        if (!query) {
          const id = cases.insertQuery(db, caseId, defaultQueryParams(judgment.query, row.k));
          query = cases.requireQuery(db, id);
          queriesAdded += 1;
        }
        setJudgment(db, query.id, judgment.id, judgment.grade);
      }
    })();
    return { case: caseView(db, row), judgments: parsed.rows.length, queriesAdded, problems: parsed.problems };
  }

  async export({ caseId, file }: RequestInput<'relevance:export'>): Promise<{ file: string; rows: number }> {
    const db = this.db();
    cases.requireCase(db, caseId);
    const rows = caseJudgments(db, caseId);
    await writeFile(file, judgmentsCsv(rows), 'utf8');
    return { file, rows: rows.length };
  }

  /** Runs going stop (the search in flight abandoned) and are recorded before the databases close. */
  async stop(): Promise<void> {
    this.closing.abort();
    const going = [...this.going.values()];
    for (const run of going) run.controller.abort();
    await Promise.all(going.map((run) => run.ended.catch(() => undefined)));
  }

  /** Ends the run, recording its metrics with the grades of that moment (views score it with today's). */
  private finish(
    db: SqliteDatabase,
    row: cases.CaseRow,
    runId: number,
    end: { state: 'completed' | 'cancelled' | 'failed'; error: string | null },
  ): void {
    const { perQuery, mean } = scoreRun(db, row.id, runId);
    runStore.finishRun(db, { runId, state: end.state, perQuery, mean, error: end.error });
  }

  private queriesToRun(db: SqliteDatabase, caseId: number, queryIds: number[] | undefined): cases.QueryRecord[] {
    const all = cases.listQueries(db, caseId);
    if (!queryIds) {
      if (all.length === 0) throw new AppError('invalid_input', 'The case has no queries yet: add one, then run it.');
      return all;
    }
    const wanted = new Set(queryIds);
    const chosen = all.filter((query) => wanted.has(query.id));
    if (chosen.length !== wanted.size)
      throw new AppError('not_found', 'Some of the queries to run are not in this case any more (deleted?).');
    return chosen;
  }

  private goingRun(caseId: number): GoingRun | undefined {
    const profile = this.accounts.current();
    return profile ? this.going.get(this.keyOf(caseId, profile.id)) : undefined;
  }

  private keyOf(caseId: number, profileId: string): string {
    return `${profileId}\0${caseId}`;
  }

  /** The current account's database, with runs a stopped worker left 'running' closed once. */
  private db(): SqliteDatabase {
    const profile = this.accounts.requireCurrent();
    const db = this.dbs.account(profile.id);
    if (!this.checkedOrphans.has(profile.id)) {
      this.checkedOrphans.add(profile.id);
      const going = new Set([...this.going.values()].map((run) => run.runId));
      runStore.closeOrphanRuns(db, going);
    }
    return db;
  }
}

async function readJudgmentsFile(file: string): Promise<string> {
  const size = (await stat(file).catch(() => null))?.size;
  if (size === undefined)
    throw new AppError('not_found', `The file ${file} cannot be read: it was moved or deleted.`, { file });
  if (size > MAX_IMPORT_BYTES)
    throw new AppError('invalid_input', `The file ${file} is over 20 MB: that is not a file of judgments.`, { file });
  return readFile(file, 'utf8');
}
