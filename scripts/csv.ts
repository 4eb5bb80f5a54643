/**
 * `npm run csv -- import FILE --account NAME --engine HASHID --type TYPE [--mode merge|replace|add|update]
 *   [--dry-run] [--sync] [--allow-invalid] [--results FILE] [--encoding E] [--delimiter D]`
 * `npm run csv -- export FILE --account NAME --engine HASHID --type TYPE [--format csv|tsv|feed]
 *   [--columns a,b,c] [--delimiter D] [--list-joiner J] [--bom]`
 *
 * The app's own import and export for scripts and cron jobs: it starts the API worker on the
 * app's data folder (the same databases and keychain as the desktop app) and speaks the same
 * contract channels the Import/Export page does. Progress goes to stderr; the last line of
 * stdout is one JSON object ({"new":..,"changed":..,"unchanged":..,"invalid":..,"deleted":..}).
 * Exit code 1 when rows are invalid (unless --allow-invalid; nothing is applied then), when
 * the sync fails, or on any error; 2 on a usage mistake.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type {
  AccountsSnapshot,
  CsvDryRun,
  CsvProblemRow,
  EnginesSnapshot,
  Envelope,
  EventChannel,
  MirrorProgressView,
  RequestChannel,
  RequestInput,
  RequestOutput,
  SyncProgress,
} from '../preload/contract';
import { createAppHost, type AppHost } from '../main/app-host';
import { APP_NAME, defaultDataDir } from '../main/app-paths';

const USAGE = `Usage:
  npm run csv -- import FILE --account NAME --engine HASHID --type TYPE [--mode merge|replace|add|update]
                 [--dry-run] [--sync] [--allow-invalid] [--results FILE] [--encoding E] [--delimiter D]
  npm run csv -- export FILE --account NAME --engine HASHID --type TYPE [--format csv|tsv|feed]
                 [--columns a,b,c] [--delimiter D] [--list-joiner J] [--bom]`;

class UsageError extends Error {}

function parseCommandLine() {
  try {
    return parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: OPTIONS });
  } catch (error) {
    // An unknown flag or a missing value: say which, and how the command is used (no stack).
    const asked = process.argv.includes('--help') || process.argv.includes('-h');
    process.stderr.write(`${asked ? '' : `${(error as Error).message}\n\n`}${USAGE}\n`);
    process.exit(asked ? 0 : 2);
  }
}

const OPTIONS = {
  account: { type: 'string' },
  engine: { type: 'string' },
  type: { type: 'string' },
  mode: { type: 'string', default: 'merge' },
  'dry-run': { type: 'boolean', default: false },
  sync: { type: 'boolean', default: false },
  'allow-invalid': { type: 'boolean', default: false },
  results: { type: 'string' },
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
  format: { type: 'string', default: 'csv' },
  columns: { type: 'string' },
  'list-joiner': { type: 'string' },
  bom: { type: 'boolean', default: false },
} as const;

const { values, positionals } = parseCommandLine();

const progress = (line: string) => process.stderr.write(`${line}\n`);

/**
 * The worker from its TypeScript source (through tsx, as the tests run it), so the command
 * never runs a stale build; the built one (npm run build) where the source is not shipped.
 */
function workerScript(): string {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const source = join(root, 'test', 'helpers', 'api-worker.mjs');
  return existsSync(source) ? source : join(root, 'out', 'main', 'worker.js');
}

function required(name: 'account' | 'engine' | 'type'): string {
  const value = values[name];
  if (!value) throw new UsageError(`--${name} is required.`);
  return value;
}

/** `\t` or `tab` on a command line means a tab. */
const delimiterOption = () => {
  const value = values.delimiter;
  if (value === undefined) return undefined;
  const delimiter = value === 'tab' || value === '\\t' ? '\t' : value;
  if (![',', ';', '|', '\t'].includes(delimiter)) throw new UsageError('--delimiter is one of , ; | tab');
  return delimiter as ',' | ';' | '|' | '\t';
};

class Cli {
  private readonly listeners = new Set<(channel: EventChannel, payload: unknown) => void>();
  readonly host: AppHost;

  constructor() {
    this.host = createAppHost({
      workerScript: workerScript(),
      boot: { appName: APP_NAME, appVersion: '0.1.0', dataDir: defaultDataDir(), mode: 'browser', sqliteBinding: null },
      onEvent: (channel, payload) => this.listeners.forEach((listener) => listener(channel, payload)),
      log: (line) => progress(`worker: ${line}`),
    });
  }

  async call<K extends RequestChannel>(channel: K, input: RequestInput<K>): Promise<RequestOutput<K>> {
    const envelope = (await this.host.route(channel, input)) as Envelope<RequestOutput<K>>;
    if (!envelope.ok) throw new Error(`${envelope.error.message} (${envelope.error.code})`);
    return envelope.value;
  }

  on(listener: (channel: EventChannel, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async useAccount(name: string): Promise<void> {
    const snapshot: AccountsSnapshot = await this.call('accounts:list', undefined);
    const account = snapshot.accounts.find((known) => known.name.toLowerCase() === name.toLowerCase());
    if (!account) {
      const names = snapshot.accounts.map((known) => known.name).join(', ') || 'none';
      throw new UsageError(`There is no account named "${name}" (accounts: ${names}).`);
    }
    await this.call('accounts:switch', { id: account.id });
  }
}

function showProgress(cli: Cli): () => void {
  return cli.on((channel, payload) => {
    if (channel === 'csv:progress') {
      const { task, rows, done } = payload as { task: string; rows: number; done: boolean };
      progress(`${task}: ${rows.toLocaleString('en')} rows${done ? ' (done)' : ''}`);
    } else if (channel === 'sync:progress') {
      const sync = payload as SyncProgress;
      const eta = sync.etaSeconds === null ? '' : `, about ${Math.ceil(sync.etaSeconds)} s left`;
      progress(`sync: ${sync.done}/${sync.total} (${sync.state}, ${sync.failed} failed${eta})`);
    }
  });
}

async function listProblems(cli: Cli, importId: number): Promise<void> {
  let afterLine = 0;
  let shown = 0;
  for (;;) {
    const { rows }: { rows: CsvProblemRow[] } = await cli.call('csv:problems', { importId, afterLine, limit: 500 });
    for (const row of rows) {
      for (const p of row.problems) {
        if (shown < 50)
          progress(`${p.severity} line ${p.line}${p.column === null ? '' : `, column ${p.column}`}: ${p.reason}`);
        shown += 1;
      }
    }
    const last = rows.at(-1);
    if (!last || rows.length < 500) break;
    afterLine = last.line;
  }
  if (shown > 50) progress(`... and ${shown - 50} more (see --results FILE)`);
}

async function syncType(cli: Cli, engine: string, type: string): Promise<SyncProgress> {
  const finished = new Promise<SyncProgress>((done) => {
    const stop = cli.on((channel, payload) => {
      const sync = payload as SyncProgress;
      if (channel === 'sync:progress' && sync.state !== 'running') {
        stop();
        done(sync);
      }
    });
  });
  const started = await cli.call('sync:start', { engine, type });
  return started.state === 'running' ? finished : started;
}

/**
 * An import compares the file with the local copy of the type: with none, every row would
 * look new and a sync would send them as whole items (PUT), replacing what the server has;
 * an export would write nothing. So a type never mirrored (or whose last mirror did not
 * finish) is mirrored first.
 */
async function ensureMirrored(cli: Cli, engine: string, type: string): Promise<void> {
  const snapshot: EnginesSnapshot = await cli.call('engines:list', { refresh: true });
  const found = snapshot.engines.find((known) => known.hashid === engine);
  if (!found)
    throw new UsageError(
      `The account has no engine ${engine} (engines: ${snapshot.engines.map((known) => known.hashid).join(', ') || 'none'}).`,
    );
  const known = found.types.find((candidate) => candidate.name === type);
  if (!known)
    throw new UsageError(
      `The engine ${engine} has no type ${type} (types: ${found.types.map((candidate) => candidate.name).join(', ')}).`,
    );
  if (known.mirrorState === 'completed') return;
  progress(`${type} was not mirrored yet: mirroring it first...`);
  const done = new Promise<MirrorProgressView>((resolve) => {
    const stop = cli.on((channel, payload) => {
      const mirror = payload as MirrorProgressView;
      if (channel !== 'mirror:progress' || mirror.engine !== engine || mirror.type !== type) return;
      if (mirror.state === 'running') return progress(`mirror: ${mirror.fetched}/${mirror.total ?? '?'}`);
      stop();
      resolve(mirror);
    });
  });
  await cli.call('mirror:start', { engine, type });
  const mirrored = await done;
  if (mirrored.state !== 'completed')
    throw new Error(`The mirror of ${type} did not finish (${mirrored.state}): ${mirrored.error ?? 'no reason given'}`);
}

async function runImport(cli: Cli, file: string): Promise<number> {
  const engine = required('engine');
  const type = required('type');
  await ensureMirrored(cli, engine, type);
  const mode = values.mode as RequestInput<'csv:dryRun'>['mode'];
  if (!['merge', 'replace', 'add', 'update'].includes(mode))
    throw new UsageError('--mode is merge, replace, add or update');
  const encoding = values.encoding as RequestInput<'csv:dryRun'>['encoding'];
  const dry: CsvDryRun = await cli.call('csv:dryRun', {
    file,
    engine,
    type,
    mode,
    mapping: null,
    ...(encoding ? { encoding } : {}),
    ...(delimiterOption() ? { delimiter: delimiterOption() } : {}),
  });
  const mapped = dry.mapping.columns.map((column) => `${column.column} -> ${column.field ?? '(ignored)'}`);
  progress(
    `read ${dry.rows} rows (${dry.dialect.encoding}, delimiter ${JSON.stringify(dry.dialect.delimiter)}): ${mapped.join(', ')}`,
  );
  await listProblems(cli, dry.importId);
  if (values.results)
    await cli.call('csv:results', { importId: dry.importId, file: resolve(values.results), stage: 'dryRun' });
  const refused = dry.counts.invalid > 0 && !values['allow-invalid'];
  let applied = false;
  let sync: SyncProgress | null = null;
  if (refused) progress(`${dry.counts.invalid} invalid rows: nothing applied (--allow-invalid applies the valid rows)`);
  if (!refused && !values['dry-run']) {
    const report = await cli.call('csv:apply', { importId: dry.importId });
    progress(report.summary);
    applied = true;
    if (values.sync) {
      sync = await syncType(cli, engine, type);
      if (values.results)
        await cli.call('csv:results', { importId: dry.importId, file: resolve(values.results), stage: 'sync' });
    }
  }
  const { new: added, changed, unchanged, invalid, deleted, skipped, warnings } = dry.counts;
  const summary = {
    new: added,
    changed,
    unchanged,
    invalid,
    deleted,
    skipped,
    warnings,
    applied,
    importId: dry.importId,
  };
  console.log(
    JSON.stringify(sync ? { ...summary, synced: sync.done, syncFailed: sync.failed, syncState: sync.state } : summary),
  );
  return refused || (sync !== null && (sync.state !== 'completed' || sync.failed > 0)) ? 1 : 0;
}

async function runExport(cli: Cli, file: string): Promise<number> {
  const format = values.format as RequestInput<'csv:export'>['format'];
  if (!['csv', 'tsv', 'feed'].includes(format)) throw new UsageError('--format is csv, tsv or feed');
  const delimiter = delimiterOption();
  await ensureMirrored(cli, required('engine'), required('type'));
  const { rows } = await cli.call('csv:export', {
    file,
    target: { scope: 'all', engine: required('engine'), type: required('type') },
    columns: values.columns ? values.columns.split(',').map((name) => name.trim()) : null,
    format,
    bom: values.bom ?? false,
    ...(delimiter ? { delimiter } : {}),
    ...(values['list-joiner'] ? { listJoiner: values['list-joiner'] } : {}),
  });
  console.log(JSON.stringify({ exported: rows, file }));
  return 0;
}

async function main(): Promise<number> {
  const [command, path] = positionals;
  if ((command !== 'import' && command !== 'export') || !path) throw new UsageError('Which command, and which file?');
  const cli = new Cli();
  const stop = showProgress(cli);
  try {
    await cli.useAccount(required('account'));
    const file = resolve(path);
    // The router lets the worker touch only granted files; here the user typed them.
    cli.host.grants.grant(file, command === 'import' ? 'read' : 'write');
    if (values.results) cli.host.grants.grant(resolve(values.results), 'write');
    return command === 'import' ? await runImport(cli, file) : await runExport(cli, file);
  } finally {
    stop();
    await cli.host.supervisor.stop();
  }
}

try {
  process.exit(await main());
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  progress(error instanceof UsageError ? `${message}\n${USAGE}` : message);
  console.log(JSON.stringify({ error: message }));
  process.exit(error instanceof UsageError ? 2 : 1);
}
