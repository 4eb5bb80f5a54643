/**
 * The worker's CSV side for the current account (DESIGN.md section 6): preview a file,
 * dry-run an import into its staging table, page through what it would change, apply it as
 * one undoable action, write the results file, export items, keep mapping presets. One
 * import or export runs at a time; progress goes out as `csv:progress`.
 */
import type {
  CsvChangedRow,
  CsvDryRun,
  CsvPreset,
  CsvPreview,
  CsvProblemRow,
  CsvStagedRow,
  EditReport,
  RequestInput,
} from '../../../preload/contract';
import { AppError } from '../../errors';
import type { AccountService, Emit } from '../accounts/service';
import { undoState } from '../catalog/actions';
import type { CatalogContext } from '../catalog/context';
import { countPending } from '../catalog/pending-list';
import type { CatalogService } from '../catalog/service';
import type { Databases } from '../store/databases';
import type { SqliteDatabase } from '../store/open';
import { catalogContext } from './catalog-context';
import { writeExport } from './export/write-export';
import { applyImport } from './import/apply';
import { dryRun } from './import/dry-run';
import { readImport, setImportState } from './import/imports';
import type { RowOutcome } from './import/modes';
import { missingPage } from './import/missing-items';
import { dropStage, stageExists, stagePage } from './import/stage-table';
import { writeResultsFile } from './import/results-file';
import { proposeMapping } from './mapping/match-columns';
import { deletePreset, listPresets, presetForHeader, savePreset } from './mapping/presets';
import { previewCsv } from './read/preview';

type Accounts = Pick<AccountService, 'requireCurrent'>;
type Fields = Pick<CatalogService, 'fields'>;

/** The staged rows of one outcome, as fixed SQL (never built from the request's text). */
const OUTCOME_WHERE: Record<RowOutcome, string> = {
  new: "outcome = 'new'",
  changed: "outcome = 'changed'",
  unchanged: "outcome = 'unchanged'",
  skipped: "outcome = 'skipped'",
  invalid: "outcome = 'invalid'",
};

/** Dry runs whose staged rows are kept (for their results file after the sync); older ones are dropped. */
const KEPT_STAGES = 5;

export class CsvService {
  private readonly contexts = new Map<string, CatalogContext>();
  private busy: string | null = null;
  /** Stops the running dry run or export (`csv:cancel`). */
  private stop: AbortController | null = null;

  constructor(
    private readonly dbs: Databases,
    private readonly accounts: Accounts,
    private readonly catalog: Fields,
    private readonly emit: Emit,
  ) {}

  async preview(input: RequestInput<'csv:preview'>): Promise<CsvPreview> {
    const preview = await previewCsv(input.file, input.rows, { encoding: input.encoding, delimiter: input.delimiter });
    const preset = presetForHeader(this.db(), input.engine, input.type, preview.columns);
    return {
      dialect: preview.dialect,
      columns: preview.columns,
      headerLine: preview.headerLine,
      rows: preview.rows,
      mapping:
        preset?.mapping ??
        proposeMapping(preview.columns, this.catalog.fields(input.engine, input.type), (index) =>
          preview.rows.map((row) => row.cells[index] ?? ''),
        ),
      preset: preset?.name ?? null,
    };
  }

  async dryRun(input: RequestInput<'csv:dryRun'>): Promise<CsvDryRun> {
    return this.exclusive(`a dry run of ${input.file}`, async (signal) => {
      const db = this.db();
      const fields = this.catalog.fields(input.engine, input.type);
      let fileBytes = 0;
      const result = await dryRun(
        db,
        { ...input, dialect: { encoding: input.encoding, delimiter: input.delimiter } },
        fields,
        ({ rows, bytesRead, bytesTotal }) => {
          fileBytes = bytesTotal;
          this.emit('csv:progress', { task: 'dryRun', file: input.file, rows, bytesRead, bytesTotal, done: false });
        },
        signal,
      );
      this.emit('csv:progress', {
        task: 'dryRun',
        file: input.file,
        rows: result.rows,
        bytesRead: fileBytes,
        bytesTotal: fileBytes,
        done: true,
      });
      this.pruneStages(db, result.importId);
      return result;
    });
  }

  changes(input: RequestInput<'csv:changes'>): { rows: CsvChangedRow[] } {
    const rows = stagePage(
      this.staged(input.importId),
      input.importId,
      "outcome = 'changed'",
      input.afterLine,
      input.limit,
    );
    return {
      rows: rows.map((row) => ({
        line: row.line,
        id: row.id ?? '',
        fields: (row.fields ?? []).map(([field, before, after]) => ({ field, before, after })),
      })),
    };
  }

  problems(input: RequestInput<'csv:problems'>): { rows: CsvProblemRow[] } {
    const rows = stagePage(
      this.staged(input.importId),
      input.importId,
      'problems IS NOT NULL',
      input.afterLine,
      input.limit,
    );
    return { rows: rows.map((row) => ({ line: row.line, id: row.id, outcome: row.outcome, problems: row.problems })) };
  }

  rows(input: RequestInput<'csv:rows'>): { rows: CsvStagedRow[] } {
    const rows = stagePage(
      this.staged(input.importId),
      input.importId,
      OUTCOME_WHERE[input.outcome],
      input.afterLine,
      input.limit,
    );
    return {
      rows: rows.map((row) => ({
        line: row.line,
        id: row.id,
        outcome: row.outcome,
        doc: row.doc,
        fields: (row.fields ?? []).map(([field, before, after]) => ({ field, before, after })),
        problems: row.problems,
        note: row.note,
      })),
    };
  }

  deletions(input: RequestInput<'csv:deletions'>): { ids: string[] } {
    const db = this.staged(input.importId);
    const record = readImport(db, input.importId);
    if (!record || record.mode !== 'replace') return { ids: [] };
    return { ids: missingPage(db, input.importId, record.engine, record.type, input.afterId, input.limit) };
  }

  apply(input: RequestInput<'csv:apply'>): EditReport & { importId: number } {
    if (this.busy) throw new AppError('busy', `Wait for ${this.busy} to finish.`);
    const ctx = this.context();
    const { writes, origin, ...report } = applyImport(ctx, input.importId);
    const account = this.accounts.requireCurrent();
    for (const write of writes)
      this.emit('catalog:changed', { accountId: account.id, engine: write.engine, type: write.type, reason: origin });
    if (report.actionId !== null) {
      this.emit('catalog:undoState', undoState(ctx.db));
      this.emit('sync:pendingChanged', { total: countPending(ctx.db) });
    }
    return report;
  }

  discard(input: RequestInput<'csv:discard'>): { discarded: boolean } {
    const db = this.db();
    const record = readImport(db, input.importId);
    if (!record) return { discarded: false };
    dropStage(db, input.importId);
    if (record.state === 'staged') setImportState(db, input.importId, 'discarded');
    return { discarded: true };
  }

  async results(input: RequestInput<'csv:results'>): Promise<{ file: string; rows: number }> {
    const rows = await writeResultsFile(this.staged(input.importId), input.importId, input.file, input.stage);
    return { file: input.file, rows };
  }

  async export(input: RequestInput<'csv:export'>): Promise<{ file: string; rows: number }> {
    return this.exclusive(`the export to ${input.file}`, async (signal) => {
      const rows = await writeExport(
        this.context(),
        input,
        (done) => this.emit('csv:progress', { task: 'export', file: input.file, rows: done, done: false }),
        signal,
      );
      this.emit('csv:progress', { task: 'export', file: input.file, rows, done: true });
      return { file: input.file, rows };
    });
  }

  /** Asks the running dry run or export to stop; false when none runs. */
  cancel(): { cancelled: boolean } {
    if (!this.stop || this.stop.signal.aborted) return { cancelled: false };
    this.stop.abort();
    return { cancelled: true };
  }

  presets(engine: string, type: string): CsvPreset[] {
    return listPresets(this.db(), engine, type);
  }

  savePreset(input: RequestInput<'csv:savePreset'>): CsvPreset {
    return savePreset(this.db(), input.engine, input.type, input.name, input.mapping);
  }

  deletePreset(input: RequestInput<'csv:deletePreset'>): boolean {
    return deletePreset(this.db(), input.engine, input.type, input.name);
  }

  // ---- Inside ----

  private db(): SqliteDatabase {
    return this.dbs.account(this.accounts.requireCurrent().id);
  }

  private context(): CatalogContext {
    const db = this.db();
    const id = this.accounts.requireCurrent().id;
    const known = this.contexts.get(id);
    if (known?.db === db) return known;
    const ctx = catalogContext(db);
    this.contexts.set(id, ctx);
    return ctx;
  }

  /** The database of an import whose staged rows are still there. */
  private staged(importId: number): SqliteDatabase {
    const db = this.db();
    if (!readImport(db, importId) || !stageExists(db, importId))
      throw new AppError('not_found', `The dry run ${importId} is gone (discarded, or too old): run it again.`, {
        importId,
      });
    return db;
  }

  private async exclusive<T>(what: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.busy) throw new AppError('busy', `Wait for ${this.busy} to finish.`);
    this.busy = what;
    const stop = new AbortController();
    this.stop = stop;
    try {
      return await work(stop.signal);
    } finally {
      this.busy = null;
      this.stop = null;
    }
  }

  private pruneStages(db: SqliteDatabase, newest: number): void {
    // A dry run cut off by a crash or a restart left its table half filled: it is no use.
    const cutOff = db
      .prepare("SELECT id FROM csv_imports WHERE id < ? AND state = 'staging'")
      .pluck()
      .all(newest) as number[];
    for (const id of cutOff) {
      dropStage(db, id);
      setImportState(db, id, 'failed');
    }
    const old = db
      .prepare(
        "SELECT id FROM csv_imports WHERE id <= ? AND state IN ('staged', 'applied') ORDER BY id DESC LIMIT -1 OFFSET ?",
      )
      .pluck()
      .all(newest, KEPT_STAGES) as number[];
    for (const id of old) {
      dropStage(db, id);
      if (readImport(db, id)?.state === 'staged') setImportState(db, id, 'discarded');
    }
  }
}
