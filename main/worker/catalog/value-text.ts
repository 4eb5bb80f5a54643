/**
 * A cell's value as text, the way the grid shows and copies it (renderer/grid/cell-values.ts
 * reads it the same way): lists joined with " | " (which `convertText` splits again), so a
 * copy pasted back, or a find and replace, gives the same value.
 */
const LIST_SEPARATOR = ' | ';

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.map(scalarText).join(LIST_SEPARATOR);
  return scalarText(value);
}

/** Cells as tab-separated text, as spreadsheets put it on the clipboard (quoted when needed). */
export function toTsv(rows: readonly (readonly string[])[]): string {
  const cell = (value: string) => (/[\t\n\r"]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return rows.map((cells) => cells.map(cell).join('\t')).join('\n');
}
