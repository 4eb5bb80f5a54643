import { describe, expect, it } from 'vitest';
import { CsvFileError } from '../../../../main/worker/csv/errors';
import { detectDialect, type DialectOverrides } from '../../../../main/worker/csv/read/dialect';
import { previewCsv } from '../../../../main/worker/csv/read/preview';
import { openTable, type CsvRow } from '../../../../main/worker/csv/read/table';
import { BOM, GOOGLE_MERCHANT, PRESTASHOP, SHOPIFY, WOOCOMMERCE, csvFile, utf16, windows1252 } from './csv-files';

async function readAll(file: string, overrides: DialectOverrides = {}) {
  const dialect = await detectDialect(file, overrides);
  const table = await openTable(file, dialect);
  const rows: CsvRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return { dialect, columns: table.header.columns, rows };
}

async function fileErrorOf(file: string): Promise<CsvFileError> {
  try {
    await readAll(file);
  } catch (error) {
    if (error instanceof CsvFileError) return error;
    throw error;
  }
  throw new Error('the file was read without an error');
}

describe('reading shop exports', () => {
  it('a Shopify export with a BOM keeps the HTML, its doubled quotes and the line each row starts on', async () => {
    const { dialect, columns, rows } = await readAll(csvFile(BOM + SHOPIFY));
    expect(dialect).toMatchObject({ encoding: 'utf-8', bomLength: 3, delimiter: ',' });
    expect(columns[0]).toBe('Handle');
    expect(rows.map((row) => row.line)).toEqual([2, 4]);
    expect(rows[0]?.cells[2]).toBe('<p>A <b>light</b> shirt, 100% linen.</p>\n<p>Say "hello" to summer.</p>');
    expect(rows[0]?.cells[4]).toBe('00123');
    expect(rows.every((row) => row.problems.length === 0)).toBe(true);
  });

  it('a PrestaShop export in Windows-1252 with ; and a trailing delimiter reads its accents, with a warning', async () => {
    const { dialect, columns, rows } = await readAll(csvFile(windows1252(PRESTASHOP)));
    expect(dialect).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    expect(columns).toEqual(['ID', 'Nombre', 'Precio', 'Marca', 'Categorías']);
    expect(rows[0]?.cells).toEqual(['1', 'Camiseta añil', '12,50', 'Español', 'Ropa > Camisetas']);
    expect(rows[0]?.problems).toEqual([expect.objectContaining({ line: 2, column: 6, severity: 'warning' })]);
  });

  it('a WooCommerce export keeps "A > B, C" categories in one cell', async () => {
    const { rows } = await readAll(csvFile(WOOCOMMERCE));
    expect(rows[0]?.cells[7]).toBe('Kitchen > Mugs, Gifts');
    expect(rows[1]?.cells[3]).toBe('Tea pot "Classic"');
  });

  it('a tab-separated Google Merchant feed is read as tab-separated', async () => {
    const { dialect, rows } = await readAll(csvFile(GOOGLE_MERCHANT));
    expect(dialect.delimiter).toBe('\t');
    expect(rows[0]?.cells[6]).toBe('04006381333931');
  });

  it('UTF-16 with either byte order mark is decoded', async () => {
    for (const order of ['le', 'be'] as const) {
      const { dialect, rows } = await readAll(csvFile(utf16('id;title\nA-1;Crème brûlée\n', order)));
      expect(dialect).toMatchObject({ encoding: `utf-16${order}`, delimiter: ';' });
      expect(rows[0]?.cells).toEqual(['A-1', 'Crème brûlée']);
    }
  });

  it('mixed line endings count lines the way an editor does', async () => {
    const { rows } = await readAll(csvFile('id,title\r\nA,one\nB,"two\r\nlines"\rC,three\n\nD,four'));
    expect(rows.map((row) => [row.line, row.cells[0]])).toEqual([
      [2, 'A'],
      [3, 'B'],
      [5, 'C'],
      [7, 'D'],
    ]);
    expect(rows[1]?.cells[1]).toBe('two\nlines');
  });

  it('the user can override what was detected', async () => {
    const { dialect, rows } = await readAll(csvFile('id;title,extra\nA;x,y\n'), { delimiter: ',' });
    expect(dialect.delimiter).toBe(',');
    expect(rows[0]?.cells).toEqual(['A;x', 'y']);
  });

  it('a preview stops after the rows asked for', async () => {
    const lines = ['id,title', ...Array.from({ length: 500 }, (_, n) => `I-${n},Item ${n}`)];
    const preview = await previewCsv(csvFile(lines.join('\n')), 5);
    expect(preview.rows.map((row) => row.line)).toEqual([2, 3, 4, 5, 6]);
    expect(preview.columns).toEqual(['id', 'title']);
  });
});

describe('broken files say where they are broken', () => {
  it('a ragged row is invalid, with its line and the first extra column', async () => {
    const { rows } = await readAll(csvFile('id,title,price\nA,one,1\nB,two,2,surprise\nC,three\n'));
    expect(rows[1]?.problems).toEqual([expect.objectContaining({ line: 3, column: 4, severity: 'error' })]);
    expect(rows[2]?.problems).toEqual([expect.objectContaining({ line: 4, column: 2, severity: 'error' })]);
    expect(rows[1]?.problems[0]?.reason).toMatch(/header has 3, this row has 4/);
  });

  it('an unbalanced quote is reported at the line and cell where it opens', async () => {
    const { rows } = await readAll(csvFile('id,title,price\nA,one,1\nB,"two,2\nC,three,3\n'));
    const broken = rows.find((row) => row.problems.length > 0);
    expect(broken?.problems[0]).toMatchObject({ line: 3, column: 2, severity: 'error' });
    expect(broken?.problems[0]?.reason).toMatch(/never closed/);
  });

  it('an empty file, a header alone, a header naming a column twice and binary data are refused with a place', async () => {
    const empty = await fileErrorOf(csvFile(''));
    expect(empty.problem).toMatchObject({ line: 1 });
    expect(empty.message).toMatch(/empty/);

    const headerOnly = await fileErrorOf(csvFile('id,title\r\n'));
    expect(headerOnly.problem).toMatchObject({ line: 2 });
    expect(headerOnly.message).toMatch(/no rows/);

    const twice = await fileErrorOf(csvFile('id,Title,price,title\nA,x,1,y\n'));
    expect(twice.problem).toMatchObject({ line: 1, column: 4 });

    const garbage = Buffer.concat([
      Buffer.from('id,title\nA,'),
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x13]),
    ]);
    const binary = await fileErrorOf(csvFile(garbage));
    expect(binary.problem).toMatchObject({ line: 2, column: 7 });
    expect(binary.message).toMatch(/binary/);
  });

  it('a 50 MB description is one cell, and the rows after it keep their lines', async () => {
    const long = 'x'.repeat(50 * 1024 * 1024);
    const file = csvFile(`id,description\nA,"${long}"\nB,short\n`);
    const { rows } = await readAll(file);
    expect(rows.map((row) => row.line)).toEqual([2, 3]);
    expect(rows[0]?.cells[1]?.length).toBe(long.length);
    expect(rows[1]?.cells).toEqual(['B', 'short']);
  });
});
