import { describe, expect, it } from 'vitest';
import {
  cellCount,
  clampSelection,
  contains,
  extendBy,
  extendTo,
  extendToEdge,
  rectOf,
  selectAll,
  selectRows,
  singleCell,
  widenToColumns,
  widenToRows,
} from '../../../renderer/grid/selection';

const bounds = { rows: 100, cols: 6 };

describe('selecting cells like in a spreadsheet', () => {
  it('Shift+arrows grow the range from the active cell, which stays put', () => {
    let selection = singleCell({ row: 5, col: 2 });
    selection = extendBy(selection, 1, 0, bounds);
    selection = extendBy(selection, 1, 0, bounds);
    selection = extendBy(selection, 0, 1, bounds);
    expect(selection.anchor).toEqual({ row: 5, col: 2 });
    expect(rectOf(selection)).toEqual({ top: 5, bottom: 7, left: 2, right: 3 });
    expect(cellCount(selection)).toBe(6);
  });

  it('Shift+arrows back past the active cell flip the range the other way', () => {
    let selection = singleCell({ row: 5, col: 2 });
    selection = extendBy(selection, 1, 0, bounds);
    selection = extendBy(selection, -3, 0, bounds);
    expect(rectOf(selection)).toEqual({ top: 3, bottom: 5, left: 2, right: 2 });
  });

  it('never reaches past the first or last row and column', () => {
    const selection = extendBy(singleCell({ row: 1, col: 0 }), -10, -3, bounds);
    expect(selection.focus).toEqual({ row: 0, col: 0 });
    const far = extendBy(singleCell({ row: 98, col: 5 }), 50, 4, bounds);
    expect(far.focus).toEqual({ row: 99, col: 5 });
  });

  it('Shift+click and drag select the rectangle between the active cell and the cell', () => {
    const selection = extendTo(singleCell({ row: 10, col: 4 }), { row: 2, col: 1 }, bounds);
    expect(rectOf(selection)).toEqual({ top: 2, bottom: 10, left: 1, right: 4 });
    expect(contains(selection, 6, 3)).toBe(true);
    expect(contains(selection, 11, 3)).toBe(false);
    expect(contains(selection, 6, 5)).toBe(false);
  });

  it('Ctrl+Shift+Down reaches the last row of the view, even rows not loaded yet', () => {
    const selection = extendToEdge(singleCell({ row: 3, col: 1 }), 1, 0, { rows: 10_000, cols: 6 });
    expect(rectOf(selection)).toEqual({ top: 3, bottom: 9_999, left: 1, right: 1 });
  });

  it('whole rows span every column, and stay whole when extended down', () => {
    let selection = selectRows(4, 6, bounds);
    expect(rectOf(selection)).toEqual({ top: 4, bottom: 6, left: 0, right: 5 });
    expect(selection.wholeRows).toBe(true);
    selection = extendTo(selection, { row: 9, col: 2 }, bounds);
    expect(rectOf(selection)).toEqual({ top: 4, bottom: 9, left: 0, right: 5 });
    selection = extendBy(selection, 1, 0, bounds);
    expect(selection.wholeRows).toBe(true);
  });

  it('Shift+Space widens the range to whole rows, Ctrl+Space to whole columns', () => {
    const range = extendBy(singleCell({ row: 7, col: 3 }), 2, 1, bounds);
    expect(rectOf(widenToRows(range, bounds))).toEqual({ top: 7, bottom: 9, left: 0, right: 5 });
    expect(rectOf(widenToColumns(range, bounds))).toEqual({ top: 0, bottom: 99, left: 3, right: 4 });
  });

  it('Ctrl+A selects every cell of the view', () => {
    expect(cellCount(selectAll(bounds))).toBe(600);
  });

  it('a selection outside a shrunken view is pulled back inside it', () => {
    const selection = extendTo(singleCell({ row: 80, col: 5 }), { row: 90, col: 5 }, bounds);
    const clamped = clampSelection(selection, { rows: 50, cols: 3 });
    expect(rectOf(clamped)).toEqual({ top: 49, bottom: 49, left: 2, right: 2 });
  });
});
