/**
 * What a paste does, decided before anything is sent: one value into every selected cell,
 * or a block laid down from the active cell (tiled over a larger selection when it divides
 * it evenly, as spreadsheets do), or a plain refusal that says why it does not fit.
 */
import { colCount, rowCount, type Rect } from './selection';

export interface PasteColumn {
  field: string;
  editable: boolean;
}

export type PastePlan =
  | { kind: 'nothing' }
  /** One value into every selected (editable) cell. */
  | { kind: 'fill'; value: string; rect: Rect; fields: string[] }
  /** A block laid down from `startRow` into `fields`; rows past the view's end are offered as new items. */
  | { kind: 'block'; startRow: number; fields: string[]; rows: string[][]; overflowRows: number }
  | { kind: 'refuse'; message: string };

function tile(block: string[][], rows: number, cols: number): string[][] {
  const height = block.length;
  const width = block[0]?.length ?? 0;
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => block[r % height]?.[c % width] ?? ''),
  );
}

/** A selection that is a whole multiple of the block (and larger) gets the block repeated. */
function repeatsOver(block: string[][], rect: Rect): boolean {
  const height = block.length;
  const width = block[0]?.length ?? 0;
  const rows = rowCount(rect);
  const cols = colCount(rect);
  return (rows > height || cols > width) && rows % height === 0 && cols % width === 0;
}

function fillPlan(value: string, rect: Rect, columns: readonly PasteColumn[]): PastePlan {
  const fields = columns
    .slice(rect.left, rect.right + 1)
    .filter((column) => column.editable)
    .map((column) => column.field);
  if (fields.length === 0) return { kind: 'refuse', message: 'None of the selected columns can be changed here.' };
  return { kind: 'fill', value, rect, fields };
}

export function planPaste(
  block: string[][],
  rect: Rect,
  columns: readonly PasteColumn[],
  totalRows: number,
): PastePlan {
  const width = block[0]?.length ?? 0;
  if (block.length === 0 || width === 0) return { kind: 'nothing' };
  const selected = rowCount(rect) * colCount(rect);
  if (block.length === 1 && width === 1 && selected > 1) return fillPlan(block[0]?.[0] ?? '', rect, columns);

  const rows = repeatsOver(block, rect) ? tile(block, rowCount(rect), colCount(rect)) : block;
  const cols = rows[0]?.length ?? 0;
  const target = columns.slice(rect.left, rect.left + cols);
  const first = columns[rect.left];
  if (!first) return { kind: 'refuse', message: 'Pick a cell to paste into first.' };
  if (target.length < cols) {
    const room = target.length === 1 ? 'only one column' : `only ${target.length} columns`;
    return {
      kind: 'refuse',
      message: `The copied block is ${cols} columns wide, but there is ${room} from “${first.field}” to the last column. Show more columns, or start the paste further left.`,
    };
  }
  const locked = target.find((column, index) => !column.editable && index > 0);
  if (locked) {
    return {
      kind: 'refuse',
      message: `The block would land on “${locked.field}”, which cannot be changed here. Move or hide that column, or paste in two parts.`,
    };
  }
  const overflowRows = Math.max(0, rect.top + rows.length - totalRows);
  return { kind: 'block', startRow: rect.top, fields: target.map((column) => column.field), rows, overflowRows };
}

/**
 * A block whose first column is the id, laid onto rows of the view: a paste goes by position,
 * so the pasted ids must be those rows' own (rows copied out, edited elsewhere, pasted back).
 * The index of the first pasted row whose id is not its row's, or null when all match.
 */
export function firstIdMismatch(block: readonly (readonly string[])[], rowIds: readonly string[]): number | null {
  const index = block.findIndex((cells, row) => (cells[0] ?? '').trim() !== rowIds[row]);
  return index === -1 ? null : index;
}
