/**
 * The extra columns a user can add to results: every field the answer carries beyond what each
 * row already shows, and how a field's value reads in a cell.
 */
import type { SearchResultView } from '../../../../preload/contract';

/** Shown on every row already (or internal to Doofinder's answer). */
const SHOWN = new Set(['id', 'dfid', 'title', 'price', 'sale_price', 'image_link', 'image_url', 'link', 'url', 'type']);

export function availableColumns(results: readonly SearchResultView[], known: readonly string[] = []): string[] {
  const names = new Set<string>(known);
  for (const result of results) for (const name of Object.keys(result.fields)) names.add(name);
  return [...names].filter((name) => !SHOWN.has(name)).sort((a, b) => a.localeCompare(b));
}

export function cellText(value: unknown, limit = 160): string {
  if (value === undefined || value === null) return '–';
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : Array.isArray(value) && value.every((each) => typeof each !== 'object')
          ? value.join(', ')
          : JSON.stringify(value);
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

/** The next row to select with the arrow keys, or null for a key that does not move. */
export function nextRow(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  if (key === 'ArrowDown') return Math.min(count - 1, index + 1);
  if (key === 'ArrowUp') return Math.max(0, index - 1);
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}
