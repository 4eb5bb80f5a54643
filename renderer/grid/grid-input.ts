/**
 * Mouse and keyboard habits of a spreadsheet, on top of AG Grid's own cell focus and editing:
 * drag, Shift+click and Shift+arrows select ranges, a click on a row's status cell selects the
 * row, and the shortcuts of `keyboard.ts` run their commands. Listeners sit on the element
 * around the grid in the capture phase, so a command runs before AG Grid sees its key.
 */
import { clearSelection, copySelection, fillDown, pasteText } from './grid-commands';
import { STATUS_COLUMN, type GridController } from './grid-controller';
import { commandForKey, type GridCommand } from './keyboard';
import {
  extendBy,
  extendTo,
  extendToEdge,
  selectAll,
  selectRows,
  singleCell,
  widenToColumns,
  widenToRows,
  type CellPos,
} from './selection';

export interface GridInputHandlers {
  undo: () => void;
  redo: () => void;
  find: () => void;
}

interface CellHit {
  row: number;
  field: string;
}

function cellAt(target: EventTarget | null): CellHit | null {
  if (!(target instanceof Element)) return null;
  const cell = target.closest('.ag-cell');
  const row = cell?.closest('.ag-row');
  const field = cell?.getAttribute('col-id');
  const index = Number(row?.getAttribute('row-index'));
  if (!field || !Number.isInteger(index) || index < 0) return null;
  return { row: index, field };
}

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

function pageRows(grid: GridController): number {
  const api = grid.gridApi;
  if (!api) return 20;
  return Math.max(1, api.getLastDisplayedRowIndex() - api.getFirstDisplayedRowIndex());
}

function runCommand(grid: GridController, command: GridCommand, handlers: GridInputHandlers): void {
  const bounds = grid.bounds();
  const select = (next: ReturnType<typeof extendBy>) => {
    grid.setSelection(next);
    grid.reveal(next.focus);
  };
  switch (command.type) {
    case 'extend':
      return select(extendBy(grid.selection, command.rows, command.cols, bounds));
    case 'extendPage':
      return select(extendBy(grid.selection, command.pages * pageRows(grid), 0, bounds));
    case 'extendToEdge':
      return select(extendToEdge(grid.selection, command.rows, command.cols, bounds));
    case 'selectAll':
      return grid.setSelection(selectAll(bounds));
    case 'selectRows':
      return grid.setSelection(widenToRows(grid.selection, bounds));
    case 'selectColumns':
      return grid.setSelection(widenToColumns(grid.selection, bounds));
    case 'copy':
      return copySelection(grid);
    case 'clear':
      return clearSelection(grid);
    case 'fillDown':
      return fillDown(grid);
    case 'undo':
      return handlers.undo();
    case 'redo':
      return handlers.redo();
    case 'find':
      return handlers.find();
    case 'commitAndMove':
      return commitAndMove(grid, command.cols);
  }
}

/** Tab while editing: keep the value and move to the next cell without editing it (Excel). */
function commitAndMove(grid: GridController, cols: number): void {
  const api = grid.gridApi;
  const focused = api?.getFocusedCell();
  if (!api || !focused) return;
  api.stopEditing(false);
  const current = grid.columnIndexOf(focused.column.getColId()) ?? 0;
  const next = grid.columns[Math.min(Math.max(current + cols, 0), grid.columns.length - 1)];
  if (next) api.setFocusedCell(focused.rowIndex, next.field);
}

/** Attaches the listeners; returns the function that removes them. */
export function attachGridInput(element: HTMLElement, grid: GridController, handlers: GridInputHandlers): () => void {
  let dragging = false;

  const toPos = (hit: CellHit): CellPos | null => {
    const col = grid.columnIndexOf(hit.field);
    return col === undefined ? null : { row: hit.row, col };
  };

  /**
   * AG Grid moves its focus on pointerdown, and the browser on mousedown: a Shift+click keeps
   * both from moving the active cell, and a click on a row's handle keeps the focus off it.
   */
  const keepFocus = (event: MouseEvent) => {
    if (event.button !== 0 || isTextField(event.target) || grid.isEditing()) return;
    const hit = cellAt(event.target);
    if (!hit || (event.target as Element).closest('button')) return;
    if (hit.field === STATUS_COLUMN || event.shiftKey) {
      event.preventDefault();
      if (event.shiftKey) event.stopPropagation();
    }
  };

  const onPointerDown = (event: PointerEvent) => {
    if (event.button !== 0 || isTextField(event.target)) return;
    const hit = cellAt(event.target);
    if (!hit) return;
    if (hit.field === STATUS_COLUMN) {
      // The row's handle: selects the whole row (Shift: every row from the active one).
      if ((event.target as Element).closest('button')) return;
      // AG Grid would focus the handle itself; the active cell goes to the row's first column instead.
      event.stopPropagation();
      const from = event.shiftKey ? grid.selection.anchor.row : hit.row;
      grid.setSelection(selectRows(from, hit.row, grid.bounds()));
      const first = grid.columns[0];
      if (!event.shiftKey && first) grid.gridApi?.setFocusedCell(hit.row, first.field);
      dragging = true;
      return;
    }
    const pos = toPos(hit);
    // A click elsewhere ends an open edit (AG Grid's); it does not start a range.
    if (!pos || grid.isEditing()) return;
    if (event.shiftKey) {
      // The active cell stays where it is: AG Grid must not move its focus to the clicked cell.
      event.stopPropagation();
      grid.setSelection(extendTo(grid.selection, pos, grid.bounds()));
      return;
    }
    grid.setSelection(singleCell(pos));
    dragging = true;
  };

  const onMouseOver = (event: MouseEvent) => {
    if (!dragging) return;
    if ((event.buttons & 1) === 0) {
      dragging = false;
      return;
    }
    const hit = cellAt(event.target);
    if (!hit) return;
    const pos = hit.field === STATUS_COLUMN ? { row: hit.row, col: 0 } : toPos(hit);
    if (pos) grid.setSelection(extendTo(grid.selection, pos, grid.bounds()));
  };

  const onMouseUp = () => {
    dragging = false;
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const editing = grid.isEditing();
    // Inputs of filter popups and of the chips editor keep their keys.
    if (!editing && isTextField(event.target)) return;
    const command = commandForKey(event, editing);
    if (!command) return;
    event.preventDefault();
    event.stopPropagation();
    grid.followFocus();
    runCommand(grid, command, handlers);
  };

  const onPaste = (event: ClipboardEvent) => {
    if (grid.isEditing() || isTextField(event.target)) return;
    const text = event.clipboardData?.getData('text/plain') ?? '';
    event.preventDefault();
    grid.followFocus();
    void pasteText(grid, text);
  };

  element.addEventListener('pointerdown', onPointerDown, true);
  element.addEventListener('mousedown', keepFocus, true);
  element.addEventListener('mouseover', onMouseOver);
  window.addEventListener('mouseup', onMouseUp);
  element.addEventListener('keydown', onKeyDown, true);
  element.addEventListener('paste', onPaste);
  return () => {
    element.removeEventListener('pointerdown', onPointerDown, true);
    element.removeEventListener('mousedown', keepFocus, true);
    element.removeEventListener('mouseover', onMouseOver);
    window.removeEventListener('mouseup', onMouseUp);
    element.removeEventListener('keydown', onKeyDown, true);
    element.removeEventListener('paste', onPaste);
  };
}
