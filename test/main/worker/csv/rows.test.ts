/** The dry run lists its rows by outcome: the new items with what they would hold, not only the changed ones. */
import { afterEach, describe, expect, it } from 'vitest';
import { requests } from '../../../../preload/contract';
import { csvFile } from './csv-files';
import { csvFixture, ENGINE, TYPE, type CsvFixture } from './csv-fixture';

let fixture: CsvFixture;

afterEach(() => fixture.close());

const FILE = [
  'id,title,price',
  'P-000,Red linen shirt 0,10.5', // as in the catalog
  'NEW-1,Brand new thing,"9,99"',
  'P-001,Blue wool scarf (new name),17.5',
  'NEW-2,Another,3',
  'P-002,Green linen shirt 2,abc', // bad price
].join('\n');

describe('listing a dry run by outcome', () => {
  it('lists the new items in file order with the document they would add, a page at a time', async () => {
    fixture = csvFixture();
    const { importId } = await fixture.csv.dryRun({
      file: csvFile(FILE),
      engine: ENGINE,
      type: TYPE,
      mode: 'merge',
      mapping: null,
    });

    const first = fixture.csv.rows({ importId, outcome: 'new', afterLine: 0, limit: 1 }).rows;
    expect(first).toEqual([
      {
        line: 3,
        id: 'NEW-1',
        outcome: 'new',
        doc: { id: 'NEW-1', title: 'Brand new thing', price: 9.99 },
        fields: [],
        problems: [],
        note: null,
      },
    ]);
    const next = fixture.csv.rows({ importId, outcome: 'new', afterLine: 3, limit: 10 }).rows;
    expect(next.map((row) => [row.line, row.id])).toEqual([[5, 'NEW-2']]);

    expect(fixture.csv.rows({ importId, outcome: 'unchanged', afterLine: 0, limit: 10 }).rows).toMatchObject([
      { line: 2, id: 'P-000' },
    ]);
    expect(fixture.csv.rows({ importId, outcome: 'changed', afterLine: 0, limit: 10 }).rows).toMatchObject([
      { line: 4, fields: [{ field: 'title', after: 'Blue wool scarf (new name)' }] },
    ]);
    expect(fixture.csv.rows({ importId, outcome: 'invalid', afterLine: 0, limit: 10 }).rows).toMatchObject([
      { line: 6, id: 'P-002', doc: null, problems: [{ column: 3, columnName: 'price' }] },
    ]);
  });

  it('refuses an outcome that does not exist', () => {
    const parse = () => requests['csv:rows'].input.parse({ importId: 1, outcome: 'deleted', afterLine: 0, limit: 10 });
    expect(parse).toThrow();
  });
});
