import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { RequestInput } from '../../../../preload/contract';
import { csvRecords } from '../../../../main/sandbox/feeds/csv-records';
import { csvFile } from './csv-files';
import { csvFixture, ENGINE, TYPE, type CsvFixture } from './csv-fixture';
import { sampleDoc } from '../catalog/catalog-fixture';

let fixture: CsvFixture;

async function* chunks(text: string): AsyncGenerator<string> {
  yield await Promise.resolve(text);
}

afterEach(() => fixture.close());

/** The sample type (text, number, price, boolean, list, categories, url, image, date) plus odd values. */
function docs() {
  const sample = Array.from({ length: 30 }, (_, n) => sampleDoc(n));
  return [
    ...sample,
    {
      id: '000123',
      title: '  spaced, "quoted" | piped  ',
      description: 'Two\nlines; and = a formula-looking start',
      price: 1234.5,
      sale_price: 0,
      brand: 'Ñandú',
      categories: ['A > B', 'C'],
      tags: [],
      in_stock: true,
      link: 'https://shop.example.com/p/x?a=1&b=2',
      image_link: 'https://shop.example.com/media/x.jpg',
      released: '2024-05-31T14:00:00Z',
      code: 42,
      specs: { weight: 2, unit: 'kg' },
    },
  ];
}

const exportTo = (file: string, options: Partial<RequestInput<'csv:export'>> = {}) =>
  fixture.csv.export({
    file,
    target: { scope: 'all', engine: ENGINE, type: TYPE },
    columns: null,
    format: 'csv',
    bom: false,
    ...options,
  });

describe('export then import of the same file changes nothing', () => {
  for (const [name, options] of [
    ['CSV', {}],
    ['CSV with ; a BOM and " %% " lists', { delimiter: ';', bom: true, listJoiner: ' %% ' }],
    ['TSV', { format: 'tsv' }],
    ['a Doofinder feed', { format: 'feed' }],
  ] as const) {
    it(`as ${name}, for every field kind`, async () => {
      fixture = csvFixture(docs());
      const file = csvFile('', 'export.csv');
      const { rows } = await exportTo(file, options);
      expect(rows).toBe(31);
      const before = fixture.snapshot();
      const result = await fixture.csv.dryRun({ file, engine: ENGINE, type: TYPE, mode: 'merge', mapping: null });
      expect(result.counts).toMatchObject({ new: 0, changed: 0, invalid: 0, unchanged: 31 });
      fixture.csv.apply({ importId: result.importId });
      expect(fixture.snapshot()).toEqual(before);
    });
  }
});

describe('import into an empty type', () => {
  it('gives the same documents as the items the file was exported from, kinds guessed from the values', async () => {
    const source = csvFixture(Array.from({ length: 30 }, (_, n) => sampleDoc(n)));
    const file = csvFile('', 'from-full.csv');
    try {
      fixture = source;
      await exportTo(file);
    } finally {
      source.close();
    }
    fixture = csvFixture([]);
    const result = await fixture.csv.dryRun({ file, engine: ENGINE, type: TYPE, mode: 'merge', mapping: null });
    expect(result.counts).toMatchObject({ new: 30, invalid: 0 });
    expect(Object.fromEntries(result.mapping.columns.map((column) => [column.field, column.kind]))).toMatchObject({
      price: 'price',
      sale_price: 'price',
      in_stock: 'boolean',
      tags: 'list',
      categories: 'categories',
      link: 'url',
      image_link: 'image',
      released: 'date',
    });
    fixture.csv.apply({ importId: result.importId });
    for (const n of [0, 1, 7]) expect(fixture.row(sampleDoc(n).id as string)?.doc).toEqual(sampleDoc(n));
  });
});

describe('export', () => {
  it('writes the chosen columns of a filtered view in its order, with a BOM for Excel', async () => {
    fixture = csvFixture(docs());
    const file = csvFile('', 'view.csv');
    const view = {
      engine: ENGINE,
      type: TYPE,
      sort: [{ field: 'price', dir: 'desc' as const }],
      filters: [{ field: 'brand', op: 'equals' as const, value: 'Acme' }],
      quick: '',
    };
    const progress: number[] = [];
    fixture.events.length = 0;
    await fixture.csv.export({
      file,
      target: { scope: 'view', view },
      columns: ['title', 'price'],
      format: 'csv',
      bom: true,
    });
    for (const event of fixture.events)
      if (event.channel === 'csv:progress') progress.push((event.payload as { rows: number }).rows);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\ufeffid,title,price\r\n')).toBe(true);
    const ids = text
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[0]);
    expect(ids).toEqual(fixture.ids(view));
    expect(progress.at(-1)).toBe(ids.length);
  });

  it('writes given ids only, and leaves out items deleted here', async () => {
    fixture = csvFixture(docs());
    fixture.catalog.delete({ engine: ENGINE, type: TYPE, ids: ['P-002'] });
    const file = csvFile('', 'ids.tsv');
    await fixture.csv.export({
      file,
      target: { scope: 'ids', engine: ENGINE, type: TYPE, ids: ['P-001', 'P-002', 'P-003'] },
      columns: ['id', 'title'],
      format: 'tsv',
      bom: false,
    });
    expect(readFileSync(file, 'utf8')).toBe('id\ttitle\r\nP-001\tBlue wool scarf 1\r\nP-003\tRed wool scarf 3\r\n');
  });

  it('a Doofinder feed file is read by the sandbox feed processing with every item and its lists', async () => {
    fixture = csvFixture(docs());
    const file = csvFile('', 'feed.txt');
    await exportTo(file, { format: 'feed' });
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^id\|title\|/);
    const records = [];
    for await (const record of csvRecords(chunks(text))) records.push(record);
    expect(records.every((record) => 'doc' in record)).toBe(true);
    const byId = new Map(records.map((record) => ('doc' in record ? [record.doc.id, record.doc] : [null, null])));
    expect(byId.size).toBe(31);
    expect(byId.get('P-003')).toMatchObject({
      categories: 'Women > Accessories > Scarves',
      tags: ['new', 'sale'],
      price: 31.5,
    });
    // Feed processing trims cells, as Doofinder does.
    expect(byId.get('000123')).toMatchObject({ title: 'spaced, "quoted" | piped', categories: ['A > B', 'C'] });
  });
});
