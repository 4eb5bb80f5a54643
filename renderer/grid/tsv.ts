/**
 * Tab-separated text as spreadsheets put it on the clipboard (Excel, Google Sheets, LibreOffice):
 * rows end with CRLF or LF (the last one too, usually), and a cell holding a tab, a line break
 * or a quote is wrapped in quotes with its quotes doubled.
 */

/** A quote opens a quoted cell only at the cell's start, as spreadsheets read it. */
function readQuoted(text: string, start: number): { value: string; next: number } | null {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const char = text[i];
    if (char === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      const after = text[i + 1];
      // A closing quote must end the cell; otherwise the cell was never quoted (5" screen).
      if (after === undefined || after === '\t' || after === '\n' || after === '\r') return { value, next: i + 1 };
      return null;
    }
    value += char;
    i += 1;
  }
  return null;
}

function readPlain(text: string, start: number): { value: string; next: number } {
  let i = start;
  while (i < text.length && text[i] !== '\t' && text[i] !== '\n' && text[i] !== '\r') i += 1;
  return { value: text.slice(start, i), next: i };
}

/** Rows of cells; a final line break does not make an empty last row. Ragged rows are padded with ''. */
export function parseTsv(text: string): string[][] {
  if (text === '') return [];
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    const cell = (text[i] === '"' ? readQuoted(text, i) : null) ?? readPlain(text, i);
    row.push(cell.value);
    i = cell.next;
    if (i >= text.length) {
      rows.push(row);
      break;
    }
    if (text[i] === '\t') {
      i += 1;
      continue;
    }
    // A line break: CRLF, LF or a lone CR (old Mac Excel).
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= text.length) break;
  }
  const width = Math.max(...rows.map((cells) => cells.length));
  return rows.map((cells) =>
    cells.length < width ? [...cells, ...Array<string>(width - cells.length).fill('')] : cells,
  );
}

function quoteCell(value: string): string {
  return /[\t\n\r"]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The reverse of parseTsv: what a spreadsheet accepts as a pasted block. */
export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((cells) => cells.map(quoteCell).join('\t')).join('\n');
}
