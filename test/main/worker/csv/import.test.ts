import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import type { RequestInput } from '../../../../preload/contract';
import { csvFile } from './csv-files';
import { csvFixture, ENGINE, TYPE, type CsvFixture } from './csv-fixture';

let fixture: CsvFixture;

afterEach(() => fixture.close());

const dryRun = (file: string, mode: RequestInput<'csv:dryRun'>['mode'] = 'merge') =>
  fixture.csv.dryRun({ file, engine: ENGINE, type: TYPE, mode, mapping: null });

const FILE = [
  'id,title,price,in_stock',
  'P-000,Red linen shirt 0,10.5,false', // as in the catalog
  'P-001,Blue wool scarf (new name),17.5,true', // title changed
  'P-002,Green linen shirt 2,abc,true', // bad price
  'NEW-1,Brand new thing,"9,99",yes', // new, decimal comma
  'P-003,Once,1,true',
  'P-003,Twice,2,true', // the same id again
].join('\n');

describe('a dry run shows what an import would do and changes nothing', () => {
  it('counts new, changed, unchanged and invalid rows, lists each change and each problem, and touches no item', async () => {
    fixture = csvFixture();
    const before = fixture.snapshot();
    const result = await dryRun(csvFile(FILE));
    expect(result.counts).toMatchObject({ new: 1, changed: 1, unchanged: 1, invalid: 3, deleted: 0 });
    expect(fixture.snapshot()).toEqual(before);

    const { rows: changed } = fixture.csv.changes({ importId: result.importId, afterLine: 0, limit: 100 });
    expect(changed).toEqual([
      {
        line: 3,
        id: 'P-001',
        fields: [{ field: 'title', before: 'Blue wool scarf 1', after: 'Blue wool scarf (new name)' }],
      },
    ]);
    const { rows: problems } = fixture.csv.problems({ importId: result.importId, afterLine: 0, limit: 100 });
    expect(problems.map((row) => [row.line, row.id, row.problems.map((p) => [p.column, p.columnName])])).toEqual([
      [4, 'P-002', [[3, 'price']]],
      [6, 'P-003', [[1, 'id']]],
      [7, 'P-003', [[1, 'id']]],
    ]);
    expect(problems[0]?.problems[0]?.reason).toMatch(/Not a price.*abc/);
    expect(problems[1]?.problems[0]?.reason).toMatch(/more than once \(also on line 7\)/);
  });

  it('replace mode counts the items missing from the file; add and update modes skip what they leave alone', async () => {
    fixture = csvFixture();
    const replace = await dryRun(csvFile(FILE), 'replace');
    // 40 items; the file names P-000..P-003 (an invalid row's id still counts as named).
    expect(replace.counts.deleted).toBe(36);
    expect(fixture.csv.deletions({ importId: replace.importId, afterId: '', limit: 2 }).ids).toEqual([
      'P-004',
      'P-005',
    ]);
    const add = await dryRun(csvFile(FILE), 'add');
    expect(add.counts).toMatchObject({ new: 1, changed: 0, skipped: 2 });
    const update = await dryRun(csvFile(FILE), 'update');
    expect(update.counts).toMatchObject({ new: 0, changed: 1, skipped: 1 });
  });
});

describe('apply', () => {
  it('is one undoable action with origin csv; undo restores every item; importing the file again changes nothing', async () => {
    fixture = csvFixture();
    const before = fixture.snapshot();
    const { importId } = await dryRun(csvFile(FILE));
    const report = fixture.csv.apply({ importId });
    expect(report.actionId).not.toBeNull();
    expect(report.itemsChanged).toBe(2);
    expect(fixture.row('P-001')).toMatchObject({
      status: 'dirty',
      doc: { title: 'Blue wool scarf (new name)', price: 17.5 },
    });
    expect(fixture.row('NEW-1')).toMatchObject({
      status: 'new',
      doc: { id: 'NEW-1', title: 'Brand new thing', price: 9.99, in_stock: true },
    });
    expect(fixture.row('P-002')?.status).toBe('clean');
    expect(fixture.catalog.undoState()).toMatchObject({
      canUndo: true,
      undoSummary: expect.stringMatching(/^Import of .*1 item added, 1 changed/) as unknown,
    });
    const origins = fixture.db.prepare('SELECT DISTINCT origin FROM item_history').pluck().all();
    expect(origins).toEqual(['csv']);
    expect(fixture.events.map((event) => event.channel)).toEqual(
      expect.arrayContaining(['catalog:changed', 'catalog:undoState', 'sync:pendingChanged']),
    );

    fixture.catalog.undo();
    expect(fixture.snapshot().map((row) => (row as { status: string }).status)).toEqual(
      (before as Array<{ status: string }>).map((row) => row.status),
    );
    expect(fixture.row('NEW-1')).toBeNull();
    fixture.catalog.redo();
    expect(fixture.row('NEW-1')?.status).toBe('new');

    const again = await dryRun(csvFile(FILE));
    expect(again.counts).toMatchObject({ new: 0, changed: 0, unchanged: 3 });
    expect(fixture.csv.apply({ importId: again.importId }).actionId).toBeNull();
  });

  it('a dry run applies once: applying it twice is refused', async () => {
    fixture = csvFixture();
    const { importId } = await dryRun(csvFile(FILE));
    fixture.csv.apply({ importId });
    expect(() => fixture.csv.apply({ importId })).toThrow(/applied/);
  });

  it('replace mode deletes the items missing from the file the way the grid deletes (kept until synced)', async () => {
    fixture = csvFixture();
    const { importId } = await dryRun(csvFile(FILE), 'replace');
    const report = fixture.csv.apply({ importId });
    expect(report.summary).toMatch(/36 deleted/);
    expect(fixture.row('P-010')?.status).toBe('deleted');
    expect(fixture.row('P-002')?.status).toBe('clean');
  });
});

describe('the results file', () => {
  it('has line, id, outcome and message for every row, with formulas escaped', async () => {
    fixture = csvFixture();
    const file = csvFile(`${FILE}\n=HYPERLINK("x"),Evil,1,true`);
    const { importId } = await dryRun(file);
    const out = csvFile('', 'results.csv');
    const { rows } = await fixture.csv.results({ importId, file: out, stage: 'dryRun' });
    expect(rows).toBe(7);
    const parsed = Papa.parse<string[]>(readFileSync(out, 'utf8').trim()).data;
    expect(parsed[0]).toEqual(['line', 'id', 'outcome', 'message']);
    expect(parsed[2]).toEqual(['3', 'P-001', 'changed', '']);
    expect(parsed[3]?.slice(0, 3)).toEqual(['4', 'P-002', 'invalid']);
    expect(parsed[3]?.[3]).toMatch(/^line 4, column 3 \(price\): Not a price/);
    expect(parsed[7]?.[1]).toBe(`'=HYPERLINK("x")`);

    fixture.csv.apply({ importId });
    fixture.db.prepare("UPDATE items SET status = 'failed', error = 'Refused by the server' WHERE id = 'NEW-1'").run();
    await fixture.csv.results({ importId, file: out, stage: 'sync' });
    const after = Papa.parse<string[]>(readFileSync(out, 'utf8').trim()).data;
    expect(after.find((row) => row[1] === 'NEW-1')?.slice(2)).toEqual(['failed', 'Refused by the server']);
    expect(after.find((row) => row[1] === 'P-001')?.[2]).toBe('pending');
  });
});

describe('dry runs over time', () => {
  it('a saved preset maps the next file with the same header, and a dry run cut off by a restart is cleared', async () => {
    fixture = csvFixture();
    const file = csvFile('Ref,Name\nP-001,Renamed\n');
    const first = await fixture.csv.preview({ file, engine: ENGINE, type: TYPE, rows: 5 });
    expect(first.mapping.columns.map((column) => column.field)).toEqual(['sku', 'title']);
    const mapping = {
      ...first.mapping,
      columns: first.mapping.columns.map((column) =>
        column.column === 'Ref' ? { ...column, field: 'id', kind: 'id' as const, matchedBy: 'user' as const } : column,
      ),
    };
    fixture.csv.savePreset({ engine: ENGINE, type: TYPE, name: 'Supplier', mapping });
    const again = await fixture.csv.preview({
      file: csvFile('REF,name\nP-002,x\n'),
      engine: ENGINE,
      type: TYPE,
      rows: 1,
    });
    expect(again.preset).toBe('Supplier');

    const cut = await dryRun(file);
    fixture.db.prepare("UPDATE csv_imports SET state = 'staging' WHERE id = ?").run(cut.importId);
    const next = await fixture.csv.dryRun({ file, engine: ENGINE, type: TYPE, mode: 'merge', mapping });
    expect(next.counts).toMatchObject({ changed: 1 });
    const tables = fixture.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'csv_stage_%'")
      .pluck()
      .all();
    expect(tables).toEqual([`csv_stage_${next.importId}`]);
  });
});
