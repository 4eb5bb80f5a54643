/**
 * A value as the text of an exported cell: what the import reads back to the same value
 * (csv/mapping/convert-cell.ts), so export then import changes nothing. Lists are joined
 * with the chosen joiner (` | ` by default, as the grid copies them; ` %% ` in a Doofinder
 * feed); categories keep their `>` levels; objects are JSON.
 */
function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function cellText(value: unknown, listJoiner: string): string {
  if (Array.isArray(value)) return value.map(scalarText).join(listJoiner);
  return scalarText(value);
}
