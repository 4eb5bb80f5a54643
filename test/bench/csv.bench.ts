/**
 * `npm run bench -- csv [--items N] [--changes N] [--data DIR]`
 *
 * The CSV import and export of the API worker (main/worker/csv/) on a big mirrored type
 * (default 1,000,000 sample items), each in a process of its own (this file, run as a child)
 * so its peak RSS is the worker's alone, against the sqlite3 shell on the same files:
 *
 * (a) Export of every item with every field (CSV, papaparse `unparse`, paged from SQLite)
 *     against `sqlite3 -csv` selecting the same fields with json_extract. Target <= 2x.
 * (b) Import of that file into the staging table plus the dry run (every row read, converted
 *     by kind, compared with its item: all unchanged, the costliest case) against the shell's
 *     `.import` of the same file into a new table. Target <= 3x.
 * (c) A file changing the title of `--changes` items (default 100,000): dry run, then the
 *     apply as one undoable action: its time and the size of its `actions` row.
 * Peak RSS (VmHWM) of each child: target under 300 MB.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { generateItems } from '../../main/sandbox/catalog/generate';
import { catalogContext } from '../../main/worker/csv/catalog-context';
import { writeExport } from '../../main/worker/csv/export/write-export';
import { applyImport } from '../../main/worker/csv/import/apply';
import { dryRun } from '../../main/worker/csv/import/dry-run';
import { Databases } from '../../main/worker/store/databases';
import type { SqliteDatabase } from '../../main/worker/store/open';
import type { Benchmark, Log } from './benchmark';
import { peakRssMb, round, thousands, wholeOption } from './measure';

const ENGINE = 'bench';
const TYPE = 'product';
const PROFILE = 'bench';

function seed(db: SqliteDatabase, items: number, log: Log): void {
  const have = db
    .prepare('SELECT count(*) FROM items WHERE engine = ? AND type = ?')
    .pluck()
    .get(ENGINE, TYPE) as number;
  const clean = db.prepare("SELECT count(*) FROM items WHERE status != 'clean'").pluck().get() as number;
  if (have === items && clean === 0) return;
  db.exec('DELETE FROM items; DELETE FROM actions; DELETE FROM item_history');
  log(`Seeding ${thousands(items)} items as the mirror stores them...`);
  const insert = db.prepare("INSERT INTO items (engine, type, id, doc, status, seen) VALUES (?, ?, ?, ?, 'clean', 1)");
  const page = db.transaction((docs: Array<Record<string, unknown>>) => {
    for (const doc of docs) insert.run(ENGINE, TYPE, String(doc.id), JSON.stringify(doc));
  });
  let docs: Array<Record<string, unknown>> = [];
  for (const item of generateItems({ count: items, seed: 11, profile: 'shop' })) {
    docs.push(item);
    if (docs.length === 5_000) {
      page(docs);
      docs = [];
    }
  }
  page(docs);
}

// ---- The child: one measured step, as the worker runs it ----

async function child(step: string, dir: string, file: string): Promise<void> {
  const dbs = new Databases(dir);
  const db = dbs.account(PROFILE);
  const ctx = catalogContext(db);
  const started = performance.now();
  let figures: Record<string, unknown>;
  if (step === 'export') {
    const rows = await writeExport(ctx, {
      file,
      target: { scope: 'all', engine: ENGINE, type: TYPE },
      columns: null,
      format: 'csv',
      bom: false,
    });
    figures = { rows, columns: ctx.fields.list(ENGINE, TYPE).map((field) => field.name) };
  } else {
    const fields = ctx.fields.list(ENGINE, TYPE);
    const result = await dryRun(db, { file, engine: ENGINE, type: TYPE, mode: 'merge' }, fields);
    figures = { counts: result.counts, rows: result.rows };
    if (step === 'apply') {
      const dryMs = performance.now() - started;
      const applied = applyImport(ctx, result.importId);
      const actionBytes = db
        .prepare('SELECT length(changes) FROM actions WHERE id = ?')
        .pluck()
        .get(applied.actionId) as number;
      figures = {
        ...figures,
        dryRunMs: round(dryMs),
        applyMs: round(performance.now() - started - dryMs),
        actionBytes,
      };
    }
  }
  dbs.closeAll();
  process.stdout.write(
    `${JSON.stringify({ ms: round(performance.now() - started), peakRssMb: peakRssMb(), ...figures })}\n`,
  );
}

// ---- The parent ----

/** Leaves `--data` ready for the next run: the renamed items back as mirrored, the files gone. */
function restore(dir: string): void {
  const dbs = new Databases(dir);
  const db = dbs.account(PROFILE);
  db.exec(`UPDATE items SET doc = base, base = NULL, status = 'clean' WHERE status = 'dirty';
    DELETE FROM actions; DELETE FROM item_history;`);
  for (const id of db.prepare('SELECT id FROM csv_imports').pluck().all() as number[])
    db.exec(`DROP TABLE IF EXISTS csv_stage_${id}`);
  db.exec('DELETE FROM csv_imports');
  dbs.closeAll();
  for (const name of ['export.csv', 'changes.csv']) if (existsSync(join(dir, name))) rmSync(join(dir, name));
}

async function runChild(
  step: string,
  dir: string,
  file: string,
): Promise<Record<string, unknown> & { ms: number; peakRssMb: number }> {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', step, dir, file],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const [code] = (await once(proc, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`the ${step} child failed (exit ${code})`);
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown> & {
    ms: number;
    peakRssMb: number;
  };
}

function shell(args: string[], stdoutFile?: string): number {
  const started = performance.now();
  const result = spawnSync('sqlite3', args, { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 4 * 1024 ** 3 });
  if (result.status !== 0) throw new Error(`sqlite3 failed: ${args.join(' ')}`);
  const ms = performance.now() - started;
  if (stdoutFile) rmSync(stdoutFile, { force: true });
  return round(ms);
}

/** sqlite3 -csv to a file, timed with the write (a shell redirection). */
function shellToFile(db: string, sql: string, file: string): number {
  const started = performance.now();
  const result = spawnSync('sh', ['-c', `sqlite3 -csv "$0" "$1" > "$2"`, db, sql, file], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('sqlite3 -csv failed');
  return round(performance.now() - started);
}

async function changesFile(db: SqliteDatabase, file: string, changes: number): Promise<void> {
  const ids = db
    .prepare('SELECT id FROM items WHERE engine = ? AND type = ? ORDER BY id LIMIT ?')
    .pluck()
    .all(ENGINE, TYPE, changes) as string[];
  const out = createWriteStream(file);
  out.write('id,title\n');
  for (let at = 0; at < ids.length; at += 5_000) {
    const rows = ids.slice(at, at + 5_000).map((id) => [id, `Renamed ${id}`]);
    if (!out.write(`${Papa.unparse(rows)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}

export const csv: Benchmark = {
  async run(args, log) {
    const { values } = parseArgs({
      args,
      options: { items: { type: 'string' }, changes: { type: 'string' }, data: { type: 'string' } },
    });
    const items = wholeOption(values.items, 'items', 1_000_000, 1_000, 5_000_000);
    const changes = Math.min(items, wholeOption(values.changes, 'changes', 100_000, 1, 5_000_000));
    if (spawnSync('sqlite3', ['-version']).status !== 0)
      throw new Error('sqlite3 is not installed (apt-get install sqlite3)');
    const dir = values.data ?? mkdtempSync(join(tmpdir(), 'cs-bench-csv-'));
    const dbs = new Databases(dir);
    const db = dbs.account(PROFILE);
    seed(db, items, log);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const dbFile = dbs.accountFile(PROFILE);
    const exported = join(dir, 'export.csv');

    log(`(a) Export of ${thousands(items)} items...`);
    const exportRun = await runChild('export', dir, exported);
    const columns = exportRun.columns as string[];
    const select = `SELECT ${columns.map((name) => (name === 'id' ? 'id' : `json_extract(doc, '$."${name}"')`)).join(', ')} FROM items WHERE engine = '${ENGINE}' AND type = '${TYPE}' ORDER BY id`;
    const shellExportFile = join(dir, 'shell-export.csv');
    const shellExportMs = shellToFile(dbFile, select, shellExportFile);
    const exportBytes = statSync(exported).size;
    rmSync(shellExportFile, { force: true });
    log(
      `    worker ${exportRun.ms} ms (${round(exportBytes / 1024 ** 2, 1)} MB, peak ${exportRun.peakRssMb} MB); sqlite3 -csv ${shellExportMs} ms`,
    );

    log(`(b) Import of that file into staging plus the dry run...`);
    const importRun = await runChild('import', dir, exported);
    const scratch = join(dir, 'shell-import.db');
    rmSync(scratch, { force: true });
    const shellImportMs = shell([scratch, '.mode csv', `.import ${exported} imported`]);
    rmSync(scratch, { force: true });
    log(
      `    worker ${importRun.ms} ms (${JSON.stringify(importRun.counts)}, peak ${importRun.peakRssMb} MB); sqlite3 .import ${shellImportMs} ms`,
    );

    log(`(c) A file renaming ${thousands(changes)} items: dry run and apply as one action...`);
    const changesCsv = join(dir, 'changes.csv');
    await changesFile(db, changesCsv, changes);
    dbs.closeAll();
    const applyRun = await runChild('apply', dir, changesCsv);
    log(
      `    dry run ${String(applyRun.dryRunMs)} ms, apply ${String(applyRun.applyMs)} ms, action row ${round(Number(applyRun.actionBytes) / 1024 ** 2, 1)} MB, peak ${applyRun.peakRssMb} MB`,
    );
    if (!values.data) rmSync(dir, { recursive: true, force: true });
    else restore(dir);
    return {
      items,
      importRatio: round(importRun.ms / shellImportMs),
      exportRatio: round(exportRun.ms / shellExportMs),
      peakRssMb: Math.max(exportRun.peakRssMb, importRun.peakRssMb, applyRun.peakRssMb),
      exportMs: exportRun.ms,
      shellExportMs,
      exportMb: round(exportBytes / 1024 ** 2, 1),
      importMs: importRun.ms,
      shellImportMs,
      importPeakRssMb: importRun.peakRssMb,
      exportPeakRssMb: exportRun.peakRssMb,
      changes,
      changesDryRunMs: applyRun.dryRunMs,
      applyMs: applyRun.applyMs,
      actionMb: round(Number(applyRun.actionBytes) / 1024 ** 2, 1),
      applyPeakRssMb: applyRun.peakRssMb,
    };
  },
};

if (process.argv[2] === '--child' && process.argv[1] === fileURLToPath(import.meta.url)) {
  const [, , , step = '', dir = '', file = ''] = process.argv;
  await child(step, dir, file);
}
