/**
 * The CSV channels as the renderer reaches them (inputs checked by the contract's schemas,
 * then the worker's handlers over its runtime), on the built-in Sandbox account: export the
 * mirrored products, edit the file as a catalog manager would, preview it, dry-run it, apply
 * it, sync it, write the results file, and export again.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import {
  requests,
  type CsvDryRun,
  type CsvPreview,
  type EditReport,
  type SyncProgress,
} from '../../../../preload/contract';
import { sandboxWorker, until } from '../../../helpers/sandbox-worker';

const worker = sandboxWorker({ items: 60, validate: true });
const { events } = worker;

afterEach(() => worker.reset());

describe('the CSV channels', () => {
  it('export, edit the file, dry run, apply, sync, results file, export again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-csv-channels-'));
    const { call } = await worker.boot(join(dir, 'data'));
    const engine = await worker.mirrorFirstEngine(call);

    const exported = join(dir, 'products.csv');
    const target = { scope: 'all', engine, type: 'product' };
    await expect(
      call('csv:export', { file: exported, target, columns: ['id', 'title', 'price'], format: 'csv', bom: true }),
    ).resolves.toEqual({ file: exported, rows: 60 });

    // The catalog manager renames one product, adds one, and breaks one price.
    const rows = Papa.parse<string[]>(
      readFileSync(exported, 'utf8')
        .replace(/^\ufeff/, '')
        .trim(),
    ).data;
    const [header = [], first = [], second = []] = rows;
    const renamed = first[0] ?? '';
    const broken = second[0] ?? '';
    const price = second[2];
    first[1] = 'Renamed from a spreadsheet';
    second[2] = 'twelve euros';
    const edited = join(dir, 'edited.csv');
    writeFileSync(
      edited,
      Papa.unparse([header, first, second, ...rows.slice(3), ['NEW-CSV-1', 'Added by CSV', '9.99']]),
    );

    const preview = await call<CsvPreview>('csv:preview', { file: edited, engine, type: 'product', rows: 3 });
    expect(preview.columns).toEqual(['id', 'title', 'price']);
    expect(preview.mapping.columns.map((column) => column.field)).toEqual(['id', 'title', 'price']);

    const dry = await call<CsvDryRun>('csv:dryRun', {
      file: edited,
      engine,
      type: 'product',
      mode: 'merge',
      mapping: null,
    });
    expect(dry.counts).toMatchObject({ new: 1, changed: 1, invalid: 1, unchanged: 58 });
    expect(events.some((event) => event.channel === 'csv:progress')).toBe(true);
    await expect(call('csv:problems', { importId: dry.importId, afterLine: 0, limit: 10 })).resolves.toMatchObject({
      rows: [{ line: 3, id: broken, problems: [{ line: 3, column: 3, columnName: 'price' }] }],
    });

    const applied = await call<EditReport>('csv:apply', { importId: dry.importId });
    expect(applied.itemsChanged).toBe(2);
    const started = await call<SyncProgress>('sync:start', { engine, type: 'product' });
    expect(started.state).toBe('running');
    const final = await until(() =>
      events
        .filter((event) => event.channel === 'sync:progress')
        .map((event) => event.payload as SyncProgress)
        .find((progress) => progress.state !== 'running'),
    );
    expect(final).toMatchObject({ state: 'completed', done: 2, failed: 0 });

    const results = join(dir, 'results.csv');
    await call('csv:results', { importId: dry.importId, file: results, stage: 'sync' });
    const outcomes = new Map(
      Papa.parse<string[]>(readFileSync(results, 'utf8').trim()).data.map((row) => [row[1], row[2]]),
    );
    expect([outcomes.get(renamed), outcomes.get('NEW-CSV-1'), outcomes.get(broken)]).toEqual([
      'synced',
      'synced',
      'invalid',
    ]);

    // Exported again, the file is the edited one but for the broken price.
    const again = join(dir, 'again.csv');
    await call('csv:export', { file: again, target, columns: ['id', 'title', 'price'], format: 'csv', bom: false });
    const back = Papa.parse<string[]>(readFileSync(again, 'utf8').trim()).data;
    expect(back.find((row) => row[0] === renamed)?.[1]).toBe('Renamed from a spreadsheet');
    expect(back.find((row) => row[0] === 'NEW-CSV-1')).toEqual(['NEW-CSV-1', 'Added by CSV', '9.99']);
    expect(back.find((row) => row[0] === broken)?.[2]).toBe(price);
  });

  it('refuses a path that is not an absolute .csv, .tsv or .txt file before any handler runs', () => {
    const input = { file: 'relative.csv', engine: 'e', type: 't', rows: 5 };
    expect(requests['csv:preview'].input.safeParse(input).success).toBe(false);
    expect(requests['csv:preview'].input.safeParse({ ...input, file: '/etc/passwd' }).success).toBe(false);
    expect(requests['csv:preview'].input.safeParse({ ...input, file: '/home/me/products.CSV' }).success).toBe(true);
  });
});
