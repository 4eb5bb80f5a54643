/**
 * The catalog grid's "Export…": what it exports (the rows the user selected, else the view as
 * it is filtered and sorted), with the grid's columns in their displayed order, as a CSV
 * Excel opens right (the Import/Export page has the other formats).
 */
import type { RequestInput, ViewSpec } from '../../../preload/contract';
import { DEFAULT_CHOICES, exportFileName } from './export-options';

/** Whole rows picked: those; a cell range, or every row: the view (no ids to send). */
export function exportsSelection(
  selection: { wholeRows: boolean },
  selectedRows: number,
  total: number | null,
): boolean {
  return selection.wholeRows && selectedRows > 0 && selectedRows !== total;
}

export function gridExportRequest(
  view: ViewSpec,
  columns: readonly string[],
  ids: string[] | null,
  file: string,
): RequestInput<'csv:export'> {
  return {
    file,
    target: ids ? { scope: 'ids', engine: view.engine, type: view.type, ids } : { scope: 'view', view },
    columns: columns.length > 0 ? [...columns] : null,
    format: 'csv',
    delimiter: DEFAULT_CHOICES.delimiter,
    listJoiner: DEFAULT_CHOICES.listJoiner,
    bom: DEFAULT_CHOICES.bom,
  };
}

/** "shop-product-view-2026-11-25.csv" or "...-selection-...". */
export function gridExportFileName(engineName: string, type: string, selection: boolean, now = new Date()): string {
  const name = exportFileName(engineName, { type, format: 'csv', scope: 'all' }, now);
  const day = now.toISOString().slice(0, 10);
  return name.replace(`-${day}.csv`, `-${selection ? 'selection' : 'view'}-${day}.csv`);
}
