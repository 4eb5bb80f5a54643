import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from '../../../renderer/grid/tsv';

describe('reading a block copied from a spreadsheet', () => {
  it('reads rows and cells as Excel writes them (CRLF, a final line break)', () => {
    expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('reads Google Sheets blocks (LF, no final line break)', () => {
    expect(parseTsv('1\t2\n3\t4')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps tabs, line breaks and quotes inside quoted cells', () => {
    const text = '"two\nlines"\t"a\ttab"\r\n"say ""hi"""\tplain\r\n';
    expect(parseTsv(text)).toEqual([
      ['two\nlines', 'a\ttab'],
      ['say "hi"', 'plain'],
    ]);
  });

  it('takes a quote that does not wrap the cell as part of the text', () => {
    expect(parseTsv('5" screen\t"quoted" then more\t"never closed')).toEqual([
      ['5" screen', '"quoted" then more', '"never closed'],
    ]);
  });

  it('keeps empty cells, including trailing ones, and pads short rows', () => {
    expect(parseTsv('a\t\tc\n\tb\t\nlast')).toEqual([
      ['a', '', 'c'],
      ['', 'b', ''],
      ['last', '', ''],
    ]);
  });

  it('reads one value as a 1x1 block and an empty clipboard as nothing', () => {
    expect(parseTsv('49.95\n')).toEqual([['49.95']]);
    expect(parseTsv('')).toEqual([]);
  });

  it('reads a blank line in the middle as a row of empty cells', () => {
    expect(parseTsv('a\tb\n\nc\td\n')).toEqual([
      ['a', 'b'],
      ['', ''],
      ['c', 'd'],
    ]);
  });
});

describe('writing a block a spreadsheet can paste', () => {
  it('quotes only the cells that need it and reads back the same', () => {
    const rows = [
      ['plain', 'with\ttab', 'two\nlines'],
      ['say "hi"', '', 'A > B | C > D'],
    ];
    const text = toTsv(rows);
    expect(text).toBe('plain\t"with\ttab"\t"two\nlines"\n"say ""hi"""\t\tA > B | C > D');
    expect(parseTsv(text)).toEqual(rows);
  });
});
