/**
 * `catalog:paste`: a block from a spreadsheet laid down the view from `startRow`, in view
 * order, as one action. Rows below the view's last row are not stored: they are counted
 * (`overflowRows`) and the grid offers them as new items (`catalog:pasteNew`).
 */
import type { PasteReport, RequestInput } from '../../../preload/contract';
import type { CatalogContext } from './context';
import type { EditSession } from './edit-session';
import { CellConverter } from './cell-converter';
import { cells, items, rejection } from './cell-input';
import { cellsChangedBy } from './edit-cells';
import { ID_FIELD } from './field-sql';
import { rowById, rowsByRowids } from './item-rows';
import { isDeleted } from './row-rules';

type PasteInput = RequestInput<'catalog:paste'>;

/** The rows of the block that fall within the view, and how many fall past its end. */
export function pasteExtent(ctx: CatalogContext, input: PasteInput): { stored: number; overflowRows: number } {
  const total = ctx.views.total(input.view);
  const stored = Math.max(0, Math.min(input.rows.length, total - input.startRow));
  return { stored, overflowRows: input.rows.length - stored };
}

export function pasteBlock(ctx: CatalogContext, session: EditSession, input: PasteInput, stored: number): string {
  const { view, fields, startRow } = input;
  const convert = new CellConverter(ctx, session, view.engine, view.type);
  const { rowids } = ctx.views.block(view, startRow, startRow + stored);
  const rows = rowsByRowids(ctx.db, rowids);
  let changed = 0;
  rows.forEach((row, index) => {
    const texts = input.rows[index] ?? [];
    const at = (column: number) => ({ row: index, column });
    if (isDeleted(row)) {
      fields.forEach((field, column) =>
        session.reject(rejection(row.id, field, texts[column] ?? '', `Item ${row.id} is deleted`, at(column))),
      );
      return;
    }
    const values = new Map<string, unknown>();
    fields.forEach((field, column) => {
      const value = convert.value(row.id, field, texts[column] ?? '', at(column));
      if (value !== undefined) values.set(field, value);
    });
    if (values.size === 0) return;
    const before = session.changes.length;
    session.setFields(row, values);
    changed += cellsChangedBy(session, before);
  });
  return `Paste of ${cells(changed)}`;
}

export const pasteReport = (report: Omit<PasteReport, 'overflowRows'>, overflowRows: number): PasteReport => ({
  ...report,
  overflowRows,
});

const ID_PATTERN = /^[\w-]{1,200}$/;

/**
 * `catalog:pasteNew`: pasted rows past the view's end, as new items. The first column is
 * the id (unique in the type, checked here, as the server would only tell at sync), the
 * others go to `fields[1..]`.
 */
export function pasteNewItems(
  ctx: CatalogContext,
  session: EditSession,
  input: RequestInput<'catalog:pasteNew'>,
): string {
  const { engine, type, fields } = input;
  const convert = new CellConverter(ctx, session, engine, type);
  const seen = new Set<string>();
  let created = 0;
  input.rows.forEach((texts, index) => {
    const id = (texts[0] ?? '').trim();
    const at = { row: index, column: 0 };
    const refuse = (reason: string) => session.reject(rejection(id || null, ID_FIELD, texts[0] ?? '', reason, at));
    if (!ID_PATTERN.test(id)) return refuse('An id is 1 to 200 letters, digits, _ or - (the first column is the id)');
    if (seen.has(id)) return refuse(`The id ${id} is pasted twice`);
    if (rowById(ctx.db, engine, type, id)) return refuse(`An item with id ${id} already exists in this type`);
    seen.add(id);
    const doc: Record<string, unknown> = { id };
    fields.forEach((field, column) => {
      if (column === 0 || field === ID_FIELD) return;
      const value = convert.value(id, field, texts[column] ?? '', { row: index, column });
      if (value !== undefined && value !== null) doc[field] = value;
    });
    session.createItem({ engine, type, id }, doc);
    created += 1;
  });
  return `Added ${items(created)} from a paste`;
}
