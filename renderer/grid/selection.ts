/**
 * The grid's cell selection, as in a spreadsheet: an anchor (the active cell, where typing
 * goes) and a focus (the far corner a Shift+arrow, Shift+click or drag moves). Rows and
 * columns are positions in the view (row index, displayed data column index), not ids, so
 * a range can span rows the grid has not loaded.
 */

export interface CellPos {
  row: number;
  col: number;
}

export interface Selection {
  anchor: CellPos;
  focus: CellPos;
  /** Whole rows were picked (every column, also those scrolled out of sight). */
  wholeRows: boolean;
}

export interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** How far a selection may reach: the view's row count and the displayed data columns. */
export interface Bounds {
  rows: number;
  cols: number;
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), Math.max(low, high));

function clampPos(pos: CellPos, bounds: Bounds): CellPos {
  return { row: clamp(pos.row, 0, bounds.rows - 1), col: clamp(pos.col, 0, bounds.cols - 1) };
}

export function singleCell(pos: CellPos): Selection {
  return { anchor: pos, focus: pos, wholeRows: false };
}

export function rectOf(selection: Selection): Rect {
  const { anchor, focus } = selection;
  return {
    top: Math.min(anchor.row, focus.row),
    bottom: Math.max(anchor.row, focus.row),
    left: Math.min(anchor.col, focus.col),
    right: Math.max(anchor.col, focus.col),
  };
}

export function contains(selection: Selection, row: number, col: number): boolean {
  const rect = rectOf(selection);
  return row >= rect.top && row <= rect.bottom && col >= rect.left && col <= rect.right;
}

export function rowCount(rect: Rect): number {
  return rect.bottom - rect.top + 1;
}

export function colCount(rect: Rect): number {
  return rect.right - rect.left + 1;
}

export function cellCount(selection: Selection): number {
  const rect = rectOf(selection);
  return rowCount(rect) * colCount(rect);
}

export function isSingleCell(selection: Selection): boolean {
  return cellCount(selection) === 1;
}

/** Shift+click and drag: the anchor stays, the far corner moves to the cell. */
export function extendTo(selection: Selection, pos: CellPos, bounds: Bounds): Selection {
  const focus = clampPos(pos, bounds);
  if (selection.wholeRows) return { ...selection, focus: { row: focus.row, col: bounds.cols - 1 } };
  return { ...selection, focus };
}

/** Shift+arrow keys: the far corner moves by one cell (or a page), never past the edges. */
export function extendBy(selection: Selection, rows: number, cols: number, bounds: Bounds): Selection {
  const focus = clampPos({ row: selection.focus.row + rows, col: selection.focus.col + cols }, bounds);
  return { ...selection, focus, wholeRows: selection.wholeRows && cols === 0 };
}

/** Ctrl+Shift+arrow: to the first or last row or column. */
export function extendToEdge(selection: Selection, rows: number, cols: number, bounds: Bounds): Selection {
  const row = rows < 0 ? 0 : rows > 0 ? bounds.rows - 1 : selection.focus.row;
  const col = cols < 0 ? 0 : cols > 0 ? bounds.cols - 1 : selection.focus.col;
  return { ...selection, focus: clampPos({ row, col }, bounds), wholeRows: selection.wholeRows && cols === 0 };
}

/** A click on a row's handle (Shift+click to extend): whole rows from one row to another. */
export function selectRows(fromRow: number, toRow: number, bounds: Bounds): Selection {
  return {
    anchor: { row: clamp(fromRow, 0, bounds.rows - 1), col: 0 },
    focus: { row: clamp(toRow, 0, bounds.rows - 1), col: Math.max(0, bounds.cols - 1) },
    wholeRows: true,
  };
}

/** The rows of the current range, widened to every column (Shift+Space). */
export function widenToRows(selection: Selection, bounds: Bounds): Selection {
  const rect = rectOf(selection);
  const fromTop = selection.anchor.row === rect.top;
  return {
    anchor: { row: fromTop ? rect.top : rect.bottom, col: 0 },
    focus: { row: fromTop ? rect.bottom : rect.top, col: bounds.cols - 1 },
    wholeRows: true,
  };
}

/** Ctrl+Space: the columns of the current range, every row. */
export function widenToColumns(selection: Selection, bounds: Bounds): Selection {
  const rect = rectOf(selection);
  return { anchor: { row: 0, col: rect.left }, focus: { row: bounds.rows - 1, col: rect.right }, wholeRows: false };
}

export function selectAll(bounds: Bounds): Selection {
  return { anchor: { row: 0, col: 0 }, focus: { row: bounds.rows - 1, col: bounds.cols - 1 }, wholeRows: true };
}

/** After the view changes (fewer rows, a column hidden), the selection is kept inside it. */
export function clampSelection(selection: Selection, bounds: Bounds): Selection {
  if (bounds.rows === 0 || bounds.cols === 0) return singleCell({ row: 0, col: 0 });
  return { ...selection, anchor: clampPos(selection.anchor, bounds), focus: clampPos(selection.focus, bounds) };
}
