/** `catalog:copy`: rows startRow..endRow (inclusive) of a view as TSV, for blocks the grid has not loaded. */
import type { RequestInput } from '../../../preload/contract';
import type { CatalogContext } from './context';
import { rowsByRowids } from './item-rows';
import { toTsv, valueText } from './value-text';

export function copyRange(ctx: CatalogContext, input: RequestInput<'catalog:copy'>): { tsv: string; rows: number } {
  const { view, startRow, endRow, fields } = input;
  if (endRow < startRow) return { tsv: '', rows: 0 };
  const rows = rowsByRowids(ctx.db, ctx.views.block(view, startRow, endRow + 1).rowids);
  const table = rows.map((row) => fields.map((field) => valueText(field === 'id' ? row.id : row.doc[field])));
  return { tsv: toTsv(table), rows: table.length };
}
