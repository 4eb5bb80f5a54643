/**
 * The spreadsheet commands AG Grid Community lacks, run against the worker: copy, paste,
 * clear, fill down, delete and paste as new items. Each is one request, so each is one
 * undoable action, whatever its size.
 */
import type { IRowNode } from 'ag-grid-community';
import type { EditReport, GridRow } from '../../preload/contract';
import { call, describeError } from '../api/client';
import { textToSend, valueFromText, valueText } from './cell-values';
import { copyTextLater, copyTextNow } from './clipboard';
import type { DataColumn, GridController } from './grid-controller';
import { firstIdMismatch, planPaste } from './paste-plan';
import { colCount, rowCount, type Rect } from './selection';
import { parseTsv, toTsv } from './tsv';

function cellValue(row: GridRow, field: string): unknown {
  return field === 'id' ? row.id : row.doc[field];
}

function selectedColumns(grid: GridController, rect: Rect): DataColumn[] {
  return grid.columns.slice(rect.left, rect.right + 1);
}

function plural(count: number, word: string): string {
  return `${count.toLocaleString()} ${word}${count === 1 ? '' : 's'}`;
}

/** Tells the user what an action did, and lists the values that did not fit. */
export function reportEdit(grid: GridController, report: EditReport, fallback: string): void {
  const text = report.summary || fallback;
  if (report.rejected.length > 0) {
    grid.notice(
      'warning',
      `${text}. ${plural(report.rejected.length, 'value')} did not fit and ${report.rejected.length === 1 ? 'was' : 'were'} not stored.`,
      { rejected: report.rejected },
    );
  } else if (report.itemsChanged === 0) {
    grid.notice('info', /nothing changed/i.test(text) ? `${text}.` : `${text}: nothing changed.`);
  }
}

async function run(grid: GridController, what: string, action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    grid.notice('danger', `${what} failed: ${describeError(error)}`);
  }
}

/**
 * A cell edit ended (Enter, Tab, a click elsewhere): send it, and show it at once as changed;
 * the worker's answer (a refetch on catalog:changed) replaces what is shown.
 */
export function commitCellEdit(grid: GridController, node: IRowNode<GridRow>, field: string, newValue: unknown): void {
  const row = node.data;
  if (!row) return;
  const kind = grid.kinds.get(field) ?? 'text';
  const value = textToSend(kind, typeof newValue === 'string' ? newValue : valueText(newValue));
  if ((value ?? '') === (textToSend(kind, valueText(row.doc[field])) ?? '')) return;
  node.setData({
    ...row,
    doc: { ...row.doc, [field]: valueFromText(kind, value) },
    changed: row.changed.includes(field) ? row.changed : [...row.changed, field],
    status: row.status === 'clean' ? 'dirty' : row.status,
  });
  void run(grid, `Saving ${field} of ${row.id}`, async () => {
    const report = await call('catalog:edit', {
      engine: grid.engine,
      type: grid.type,
      origin: 'edit',
      cells: [{ id: row.id, field, value }],
    });
    reportEdit(grid, report, `${field} of ${row.id}`);
    if (report.rejected.length > 0) grid.refresh();
  });
}

/** Ctrl+C: the selected block as TSV; a block beyond the loaded rows comes from the worker. */
export function copySelection(grid: GridController): void {
  const rect = grid.rect();
  const columns = selectedColumns(grid, rect);
  if (columns.length === 0 || (grid.snapshot.total ?? 0) === 0) return;
  const rows = grid.loadedRows(rect.top, rect.bottom);
  if (rows) {
    const tsv = toTsv(rows.map((row) => columns.map((column) => valueText(cellValue(row, column.field)))));
    if (!copyTextNow(tsv)) grid.notice('danger', 'The clipboard refused the copy.');
    return;
  }
  void run(grid, 'Copy', async () => {
    const fields = columns.map((column) => column.field);
    const answer = await call('catalog:copy', { view: grid.view, startRow: rect.top, endRow: rect.bottom, fields });
    if (await copyTextLater(answer.tsv)) grid.notice('info', `Copied ${plural(answer.rows, 'row')}.`);
    else grid.notice('danger', 'The clipboard refused the copy.');
  });
}

/** Every (editable) selected cell set to one value: a paste of one value, or Delete (null). */
async function setSelectedCells(
  grid: GridController,
  rect: Rect,
  fields: string[],
  value: string | null,
  origin: 'edit' | 'paste',
): Promise<void> {
  const rows = await grid.rowsBetween(rect.top, rect.bottom);
  const cells = rows.flatMap((row) => fields.map((field) => ({ id: row.id, field, value })));
  if (cells.length === 0) return;
  const report = await call('catalog:edit', { engine: grid.engine, type: grid.type, origin, cells });
  reportEdit(grid, report, value === null ? 'Cleared' : 'Pasted');
}

export function clearSelection(grid: GridController): void {
  const rect = grid.rect();
  const fields = selectedColumns(grid, rect)
    .filter((column) => column.editable)
    .map((column) => column.field);
  if (fields.length === 0 || (grid.snapshot.total ?? 0) === 0) return;
  void run(grid, 'Clearing', () => setSelectedCells(grid, rect, fields, null, 'edit'));
}

/** A paste: one value into every selected cell, or a block down the view from the active row. */
export async function pasteText(grid: GridController, text: string): Promise<void> {
  const rect = grid.rect();
  const total = grid.snapshot.total ?? 0;
  const plan = planPaste(parseTsv(text), rect, grid.columns, total);
  await run(grid, 'Paste', async () => {
    switch (plan.kind) {
      case 'nothing':
        return;
      case 'refuse':
        grid.notice('warning', plan.message);
        return;
      case 'fill':
        await setSelectedCells(grid, plan.rect, plan.fields, plan.value, 'paste');
        return;
      case 'block':
        await pasteBlock(grid, plan.startRow, plan.fields, plan.rows, plan.overflowRows);
    }
  });
}

/**
 * A block that starts in the id column: the ids must be the rows' own (they cannot change),
 * and the other columns are pasted. Null (with a notice) when the ids do not match.
 */
async function withoutIds(
  grid: GridController,
  startRow: number,
  fields: string[],
  rows: string[][],
  onExisting: number,
): Promise<{ fields: string[]; rows: string[][] } | null> {
  if (fields[0] !== 'id' || onExisting === 0) return { fields, rows };
  const stored = await grid.rowsBetween(startRow, startRow + onExisting - 1);
  const at = firstIdMismatch(
    rows.slice(0, onExisting),
    stored.map((row) => row.id),
  );
  if (at !== null) {
    const pasted = (rows[at]?.[0] ?? '').trim();
    grid.notice(
      'warning',
      `Nothing was pasted: pasted row ${(at + 1).toLocaleString()} has the id “${pasted}”, but row ${(startRow + at + 1).toLocaleString()} of the view is ${stored[at]?.id ?? 'not there'}. A paste lays values down by position and ids cannot change; paste the rows in the view’s order, or start the paste one column right of id.`,
    );
    return null;
  }
  return { fields: fields.slice(1), rows: rows.map((cells) => cells.slice(1)) };
}

async function pasteBlock(
  grid: GridController,
  startRow: number,
  fields: string[],
  rows: string[][],
  overflowRows: number,
): Promise<void> {
  const total = grid.snapshot.total ?? 0;
  const onExisting = rows.length - overflowRows;
  const block = await withoutIds(grid, startRow, fields, rows, onExisting);
  if (!block) return;
  const report =
    onExisting > 0 && block.fields.length > 0
      ? await call('catalog:paste', { view: grid.view, startRow, fields: block.fields, rows: block.rows })
      : { actionId: null, summary: '', itemsChanged: 0, rejected: [], overflowRows };
  const left = grid.rect().left;
  const bottom = Math.min(total, startRow + rows.length) - 1;
  if (bottom >= startRow) {
    grid.setSelection({
      anchor: { row: startRow, col: left },
      focus: { row: bottom, col: left + fields.length - 1 },
      wholeRows: false,
    });
  }
  // Rows past the end have a notice of their own; "nothing changed" on the others would only add noise.
  const pastedHere = onExisting > 0 && block.fields.length > 0;
  if (pastedHere && (overflowRows === 0 || report.itemsChanged > 0 || report.rejected.length > 0)) {
    reportEdit(grid, report, `Pasted ${plural(onExisting, 'row')}`);
  }
  const overflow = report.overflowRows || overflowRows;
  if (overflow > 0) offerNewItems(grid, fields, rows.slice(rows.length - overflow));
}

/** Pasted rows past the view's end become new items only with their ids (the block starts in the id column). */
function offerNewItems(grid: GridController, fields: string[], rows: string[][]): void {
  const what = `${plural(rows.length, 'pasted row')} fell past the last row of the view`;
  if (fields[0] === 'id') {
    grid.notice(
      'info',
      `${what}. Add ${rows.length === 1 ? 'it' : 'them'} as new items, with the ids of the first column?`,
      {
        newRows: { fields, rows },
      },
    );
  } else {
    grid.notice(
      'warning',
      `${what} and ${rows.length === 1 ? 'was' : 'were'} not pasted. To add rows as new items, paste them with their ids, starting in the id column.`,
    );
  }
}

/** The overflow of a paste, created as new items (catalog:pasteNew). */
export async function addPastedRows(grid: GridController, fields: string[], rows: string[][]): Promise<boolean> {
  try {
    const report = await call('catalog:pasteNew', { engine: grid.engine, type: grid.type, fields, rows });
    reportEdit(grid, report, `Added ${plural(rows.length, 'item')}`);
    return true;
  } catch (error) {
    grid.notice('danger', `Adding the pasted rows failed: ${describeError(error)}`);
    return false;
  }
}

/** Ctrl+D: the top row of the range copied down it; a single row takes the row above, as in Excel. */
export function fillDown(grid: GridController): void {
  const rect = grid.rect();
  const fields = selectedColumns(grid, rect)
    .filter((column) => column.editable)
    .map((column) => column.field);
  if (fields.length === 0) return;
  const startRow = rowCount(rect) === 1 ? rect.top - 1 : rect.top;
  if (startRow < 0) return;
  void run(grid, 'Fill down', async () => {
    const report = await call('catalog:fill', { view: grid.view, startRow, endRow: rect.bottom, fields });
    reportEdit(grid, report, 'Filled down');
  });
}

/** The items of the selected rows, marked deleted (kept, struck through, until synced). */
export async function deleteSelectedRows(grid: GridController): Promise<void> {
  const rect = grid.rect();
  await run(grid, 'Delete', async () => {
    const rows = await grid.rowsBetween(rect.top, rect.bottom);
    if (rows.length === 0) return;
    const report = await call('catalog:delete', { engine: grid.engine, type: grid.type, ids: rows.map((r) => r.id) });
    reportEdit(grid, report, `Deleted ${plural(rows.length, 'item')}`);
  });
}

/** How the selection reads in the toolbar: "3 × 50 cells", "12 rows". */
export function describeSelection(grid: GridController): string {
  const rect = grid.rect();
  if (grid.selection.wholeRows) return plural(rowCount(rect), 'row');
  const cells = rowCount(rect) * colCount(rect);
  return cells === 1 ? '' : `${colCount(rect).toLocaleString()} × ${rowCount(rect).toLocaleString()} cells`;
}
