/**
 * A type's column layout (order, widths, hidden columns, sort), saved per engine and type by
 * the worker (`catalog:saveLayout`) and read back on the next open, also after a restart.
 * What comes back is checked: the layout is stored as the renderer gave it, and a field may
 * since have gone (dropped) or appeared (shown at the end).
 */
import type { SortSpec } from '../../preload/contract';

export interface SavedColumn {
  id: string;
  width?: number;
  hidden?: boolean;
}

export interface SavedLayout {
  version: 1;
  columns: SavedColumn[];
  sort: SortSpec[];
}

/** The slice of AG Grid's ColumnState that a layout keeps. */
export interface ColumnStateLike {
  colId: string;
  width?: number | null;
  hide?: boolean | null;
  sort?: 'asc' | 'desc' | null;
  sortIndex?: number | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseColumn(value: unknown): SavedColumn | null {
  if (!isRecord(value) || typeof value.id !== 'string') return null;
  const column: SavedColumn = { id: value.id };
  if (typeof value.width === 'number' && value.width >= 20 && value.width <= 4000) column.width = value.width;
  if (value.hidden === true) column.hidden = true;
  return column;
}

function parseSort(value: unknown): SortSpec | null {
  if (!isRecord(value) || typeof value.field !== 'string') return null;
  return value.dir === 'asc' || value.dir === 'desc' ? { field: value.field, dir: value.dir } : null;
}

/** A stored layout, or null when there is none or it is not one we wrote. */
export function parseLayout(value: unknown): SavedLayout | null {
  if (!isRecord(value) || value.version !== 1 || !Array.isArray(value.columns)) return null;
  const columns = value.columns.map(parseColumn).filter((column) => column !== null);
  const sort = Array.isArray(value.sort) ? value.sort.map(parseSort).filter((spec) => spec !== null) : [];
  return { version: 1, columns, sort };
}

export function layoutFromState(state: readonly ColumnStateLike[]): SavedLayout {
  const columns = state.map((column) => {
    const saved: SavedColumn = { id: column.colId };
    if (typeof column.width === 'number') saved.width = Math.round(column.width);
    if (column.hide) saved.hidden = true;
    return saved;
  });
  const sort = state
    .filter((column) => column.sort === 'asc' || column.sort === 'desc')
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
    .map((column) => ({ field: column.colId, dir: column.sort as 'asc' | 'desc' }));
  return { version: 1, columns, sort };
}

/**
 * The column state to apply for a layout over the columns the type has now: saved columns
 * first in their saved order, then columns the layout has not seen, in the given order.
 */
export function stateFromLayout(layout: SavedLayout, columnIds: readonly string[]): ColumnStateLike[] {
  const known = new Set(columnIds);
  const saved = layout.columns.filter((column) => known.has(column.id));
  const seen = new Set(saved.map((column) => column.id));
  const sortIndex = new Map(layout.sort.map((spec, index) => [spec.field, index]));
  const stateOf = (id: string, column?: SavedColumn): ColumnStateLike => {
    const index = sortIndex.get(id);
    const state: ColumnStateLike = {
      colId: id,
      hide: column?.hidden ?? false,
      sort: index === undefined ? null : (layout.sort[index]?.dir ?? null),
      sortIndex: index ?? null,
    };
    if (column?.width !== undefined) state.width = column.width;
    return state;
  };
  return [
    ...saved.map((column) => stateOf(column.id, column)),
    ...columnIds.filter((id) => !seen.has(id)).map((id) => stateOf(id)),
  ];
}

export function sameLayout(a: SavedLayout | null, b: SavedLayout | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
