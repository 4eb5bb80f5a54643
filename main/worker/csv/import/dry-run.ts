/**
 * The dry run: the file streamed into its staging table in transactions of a few thousand
 * rows, each row converted and compared with the catalog, then the ids named twice marked,
 * the deletions of replace mode counted, and the counts stored with the import. Nothing
 * here writes to the items table: that is the apply's job.
 */
import { stat } from 'node:fs/promises';
import type { FieldInfo } from '../../../../preload/contract';
import type { SqliteDatabase } from '../../store/open';
import { isCancelled, stopIfCancelled } from '../cancel';
import { fileError } from '../errors';
import type { CsvMapping } from '../mapping/mapping';
import { idColumnOf } from '../mapping/mapping';
import { checkMapping, proposeMapping } from '../mapping/match-columns';
import { presetForHeader } from '../mapping/presets';
import { detectDialect, type CsvDialect, type DialectOverrides } from '../read/dialect';
import { previewCsv } from '../read/preview';
import { openTable } from '../read/table';
import { markDuplicates } from './duplicates';
import { createImport, setImportState } from './imports';
import { itemsByIds } from './item-lookup';
import { countMissing } from './missing-items';
import type { ImportCounts, ImportMode } from './modes';
import { rawId, rowPlan, stageRow, type RowPlan } from './stage-row';
import { createStage, dropStage, stageTable, writeStaged } from './stage-table';
import type { CsvRow } from '../read/table';

/**
 * Rows per staging transaction and item lookup. Small enough that a batch's rows and
 * documents die young (5,000 were promoted out of V8's young generation, and collecting
 * them was a fifth of a dry run); large enough that the commits do not count.
 */
const BATCH = 1_000;

export interface DryRunSpec {
  file: string;
  engine: string;
  type: string;
  mode: ImportMode;
  /** The user's mapping; else a saved preset for this header, else the proposed one. */
  mapping?: CsvMapping | null;
  dialect?: DialectOverrides;
}

export interface DryRunResult {
  importId: number;
  counts: ImportCounts;
  /** Rows read (lines with data). */
  rows: number;
  dialect: CsvDialect;
  columns: string[];
  mapping: CsvMapping;
}

/** Rows staged so far, the line reached, and the bytes of the file read (of `bytesTotal`). */
export type DryRunProgress = (progress: { rows: number; line: number; bytesRead: number; bytesTotal: number }) => void;

/** Rows read to guess the kinds of new fields. */
const SAMPLE_ROWS = 200;

async function mappingFor(
  db: SqliteDatabase,
  spec: DryRunSpec,
  dialect: CsvDialect,
  columns: string[],
  fields: readonly FieldInfo[],
): Promise<CsvMapping> {
  if (spec.mapping) {
    const names = spec.mapping.columns.map((column) => column.column);
    if (names.length !== columns.length || names.some((name, index) => name !== columns[index]))
      throw fileError(1, null, 'The mapping was made for another header: read the file again and map its columns.');
    return spec.mapping;
  }
  const preset = presetForHeader(db, spec.engine, spec.type, columns);
  if (preset) return preset.mapping;
  const { rows } = await previewCsv(spec.file, SAMPLE_ROWS, dialect);
  return proposeMapping(columns, fields, (index) => rows.map((row) => row.cells[index] ?? ''));
}

export function countOutcomes(db: SqliteDatabase, importId: number, deleted: number): ImportCounts {
  const counts: ImportCounts = { new: 0, changed: 0, unchanged: 0, invalid: 0, deleted, skipped: 0, warnings: 0 };
  const rows = db
    .prepare(`SELECT outcome, count(*) AS n FROM ${stageTable(importId)} GROUP BY outcome`)
    .all() as Array<{ outcome: keyof ImportCounts; n: number }>;
  for (const row of rows) counts[row.outcome] = row.n;
  counts.warnings = db
    .prepare(
      `SELECT count(*) FROM ${stageTable(importId)} WHERE outcome != 'invalid' AND problems LIKE '%"severity":"warning"%'`,
    )
    .pluck()
    .get() as number;
  return counts;
}

/** A batch of rows compared with their items (looked up together) and written in one transaction. */
function stageBatch(db: SqliteDatabase, spec: DryRunSpec, plan: RowPlan, importId: number, rows: CsvRow[]): void {
  const ids = rows.flatMap((row) => rawId(plan, row) ?? []);
  const items = itemsByIds(db, spec.engine, spec.type, ids);
  writeStaged(
    db,
    importId,
    rows.map((row) => stageRow(plan, row, items.get(rawId(plan, row) ?? '') ?? null)),
  );
}

export async function dryRun(
  db: SqliteDatabase,
  spec: DryRunSpec,
  fields: readonly FieldInfo[],
  onProgress: DryRunProgress = () => {},
  signal?: AbortSignal,
): Promise<DryRunResult> {
  const dialect = await detectDialect(spec.file, spec.dialect);
  const bytesTotal = (await stat(spec.file)).size;
  const read = { bytes: 0 };
  const table = await openTable(spec.file, dialect, read);
  let importId: number | null = null;
  try {
    const mapping = await mappingFor(db, spec, dialect, table.header.columns, fields);
    checkMapping(mapping, table.header.line);
    const idColumn = idColumnOf(mapping);
    if (!idColumn) throw fileError(table.header.line, null, 'No column is the item id.');
    const plan = rowPlan(mapping, idColumn, spec.mode);
    importId = createImport(db, {
      engine: spec.engine,
      type: spec.type,
      file: spec.file,
      mode: spec.mode,
      dialect,
      mapping,
    });
    createStage(db, importId);
    let batch: CsvRow[] = [];
    let rows = 0;
    const stopped = (line: number) =>
      `The dry run of ${spec.file} (stopped at line ${line}; nothing was staged and no item changed)`;
    for await (const slice of table.batches) {
      for (const row of slice) {
        stopIfCancelled(signal, () => stopped(row.line));
        batch.push(row);
        rows += 1;
        if (batch.length >= BATCH) {
          stageBatch(db, spec, plan, importId, batch);
          batch = [];
          onProgress({ rows, line: row.line, bytesRead: Math.min(read.bytes, bytesTotal), bytesTotal });
        }
      }
    }
    stageBatch(db, spec, plan, importId, batch);
    markDuplicates(db, importId, idColumn);
    const deleted = spec.mode === 'replace' ? countMissing(db, importId, spec.engine, spec.type) : 0;
    const counts = countOutcomes(db, importId, deleted);
    setImportState(db, importId, 'staged', { counts });
    onProgress({ rows, line: 0, bytesRead: bytesTotal, bytesTotal });
    return { importId, counts, rows, dialect, columns: table.header.columns, mapping };
  } catch (error) {
    await table.batches.return(undefined);
    if (importId !== null) {
      dropStage(db, importId);
      setImportState(db, importId, isCancelled(error) ? 'discarded' : 'failed');
    }
    throw error;
  }
}
