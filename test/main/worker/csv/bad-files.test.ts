import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../main/errors';
import type { CsvDryRun } from '../../../../preload/contract';
import { BOM, GOOGLE_MERCHANT, PRESTASHOP, SHOPIFY, WOOCOMMERCE, csvFile, windows1252 } from './csv-files';
import { csvFixture, ENGINE, TYPE, type CsvFixture } from './csv-fixture';

let fixture: CsvFixture;

afterEach(() => fixture.close());

type Outcome = { refused: AppError } | { result: CsvDryRun };

async function importFile(file: string): Promise<Outcome> {
  try {
    return { result: await fixture.csv.dryRun({ file, engine: ENGINE, type: TYPE, mode: 'merge', mapping: null }) };
  } catch (error) {
    if (error instanceof AppError) return { refused: error };
    throw error;
  }
}

const stageTables = () =>
  fixture.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'csv_stage_%'").pluck().all();

const garbage = Buffer.concat([
  Buffer.from('id,title\n'),
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
]);

/** Broken files: refused as a whole, or with invalid rows; `line` and `column` of the first problem. */
const BROKEN: Array<[name: string, content: string | Uint8Array, line: number, column: number | null]> = [
  ['an unbalanced quote', 'id,title\nP-001,"Open quote\nP-002,Fine\n', 2, 2],
  ['a ragged row', 'id,title,price\nP-001,Shirt,12,extra\n', 2, 4],
  ['duplicate ids', 'id,title\nP-001,One\nP-001,Two\n', 2, 1],
  ['no id column', 'title,price\nShirt,12\n', 1, null],
  ['an empty file', '', 1, 1],
  ['a header only', 'id,title\r\n', 2, 1],
  // A PNG's signature holds line breaks of its own: the NUL starts line 4.
  ['binary garbage', garbage, 4, 1],
  ['a header naming a column twice', 'id,title,Title\nP-001,a,b\n', 1, 3],
  ['a bad number', 'id,price\nP-001,twelve\n', 2, 2],
  ['a missing id', 'id,title\n,No id\n', 2, 1],
  ['an id a spreadsheet wrote as a number', 'id,title\n1.23457E+12,Mangled\n', 2, 1],
];

describe('a corpus of broken files: each says where, and none changes an item', () => {
  for (const [name, content, line, column] of BROKEN) {
    it(name, async () => {
      fixture = csvFixture();
      const before = fixture.snapshot();
      const outcome = await importFile(csvFile(content));
      if ('refused' in outcome) {
        expect(outcome.refused.details).toMatchObject({ line, column });
        expect(outcome.refused.message).toContain(`line ${line}`);
        expect(stageTables()).toEqual([]);
      } else {
        expect(outcome.result.counts.invalid).toBeGreaterThan(0);
        const { rows } = fixture.csv.problems({ importId: outcome.result.importId, afterLine: 0, limit: 10 });
        expect(rows[0]?.problems[0]).toMatchObject({ line, column, severity: 'error' });
        fixture.csv.apply({ importId: outcome.result.importId });
      }
      // Even applied, a broken row changes nothing.
      expect(fixture.snapshot()).toEqual(before);
    });
  }
});

describe('files that only look broken import cleanly', () => {
  it('a BOM with ; separators, Windows-1252 accents, mixed line endings and a 50 MB description', async () => {
    fixture = csvFixture();
    const bomSemicolon = await importFile(csvFile(`${BOM}id;title;price\nP-001;Bleu;12,50\n`));
    expect(bomSemicolon).toMatchObject({
      result: { dialect: { delimiter: ';', bomLength: 3 }, counts: { changed: 1, invalid: 0 } },
    });

    const accents = await importFile(csvFile(windows1252('id;title\r\nP-002;Camiseta añil, algodón\r\n')));
    expect(accents).toMatchObject({ result: { dialect: { encoding: 'windows-1252' }, counts: { changed: 1 } } });
    if ('result' in accents) {
      const { rows } = fixture.csv.changes({ importId: accents.result.importId, afterLine: 0, limit: 10 });
      expect(rows[0]?.fields[0]?.after).toBe('Camiseta añil, algodón');
    }

    const mixed = await importFile(csvFile('id,title\r\nP-003,A\nP-004,"B\r\nC"\rP-005,D'));
    expect(mixed).toMatchObject({ result: { rows: 3, counts: { changed: 3, invalid: 0 } } });

    const long = 'Long text. '.repeat(5 * 1024 * 1024).slice(0, 50 * 1024 * 1024);
    const big = await importFile(csvFile(`id,description\nP-006,"${long}"\nP-007,short\n`));
    expect(big).toMatchObject({ result: { rows: 2, counts: { changed: 2, invalid: 0 } } });
  });
});

describe('real shop exports map and import', () => {
  it('Shopify (BOM, HTML with doubled quotes and line breaks), WooCommerce, PrestaShop and Google Merchant files', async () => {
    fixture = csvFixture([]);
    const shopify = await importFile(csvFile(BOM + SHOPIFY));
    expect(shopify).toMatchObject({ result: { counts: { new: 2, invalid: 0 } } });
    if ('result' in shopify) {
      expect(shopify.result.mapping.columns.map((column) => column.field)).toEqual([
        'id',
        'title',
        'description',
        'brand',
        'sku',
        'price',
        'image_link',
        'tags',
      ]);
      fixture.csv.apply({ importId: shopify.result.importId });
      expect(fixture.row('linen-shirt')?.doc).toMatchObject({
        sku: '00123',
        price: 19.9,
        description: '<p>A <b>light</b> shirt, 100% linen.</p>\n<p>Say "hello" to summer.</p>',
        // One value has a comma, the other none: not clearly a list, so kept as written.
        tags: 'summer, linen',
      });
    }
    const woo = await importFile(csvFile(WOOCOMMERCE));
    expect(woo).toMatchObject({ result: { counts: { new: 2, invalid: 0 } } });
    const presta = await importFile(csvFile(windows1252(PRESTASHOP)));
    expect(presta).toMatchObject({ result: { counts: { new: 2, invalid: 0, warnings: 2 } } });
    const google = await importFile(csvFile(GOOGLE_MERCHANT));
    expect(google).toMatchObject({ result: { counts: { new: 2, invalid: 0 } } });
    if ('result' in google) {
      fixture.csv.apply({ importId: google.result.importId });
      expect(fixture.row('G-1')?.doc).toMatchObject({ gtin: '04006381333931', price: 19.99 });
    }
  });
});
