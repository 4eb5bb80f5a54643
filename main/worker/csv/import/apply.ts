/**
 * Apply: the staged rows written into the items table as ONE action of the catalog's undo
 * stack (origin `csv`), through the catalog's own rules (catalog/edit-session.ts,
 * row-rules.ts): new items created, changed ones set field by field, and in replace mode
 * the items missing from the file deleted the way the grid deletes. Only the fields the dry
 * run showed as changed are written, so what the user read is what happens; a row equal to
 * the catalog by now is skipped by the session, so importing a file twice changes nothing.
 */
import { basename } from 'node:path';
import { AppError } from '../../../errors';
import type { CatalogContext } from '../../catalog/context';
import type { EditSession } from '../../catalog/edit-session';
import { rowById } from '../../catalog/item-rows';
import { performAction, type Performed } from '../../catalog/perform';
import { isDeleted } from '../../catalog/row-rules';
import { readImport, setImportState, type ImportRecord } from './imports';
import { missingIds } from './missing-items';
import { stageExists, stageRows, type StoredStageRow } from './stage-table';

interface Tally {
  added: number;
  changed: number;
  deleted: number;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function refuse(session: EditSession, row: StoredStageRow, reason: string): void {
  session.reject({
    id: row.id,
    field: 'id',
    value: row.id ?? '',
    reason: `Line ${row.line}: ${reason}`,
    row: row.line,
  });
}

function applyRow(
  ctx: CatalogContext,
  session: EditSession,
  record: ImportRecord,
  row: StoredStageRow,
  tally: Tally,
): void {
  const { engine, type } = record;
  if (row.id === null) return;
  const existing = rowById(ctx.db, engine, type, row.id);
  const values = new Map<string, unknown>(
    row.outcome === 'new'
      ? Object.entries(row.doc ?? {}).filter(([field]) => field !== 'id')
      : (row.fields ?? []).map(([field, , after]) => [field, after]),
  );
  if (!existing) {
    if (row.outcome === 'changed') return refuse(session, row, `item ${row.id} is no longer in the catalog`);
    session.createItem({ engine, type, id: row.id }, row.doc ?? { id: row.id });
    tally.added += 1;
    return;
  }
  if (isDeleted(existing)) return refuse(session, row, `item ${row.id} was deleted since the dry run`);
  const before = session.changes.length;
  if (session.setFields(existing, values) === null) return refuse(session, row, `item ${row.id} cannot be edited`);
  if (session.changes.length > before) tally.changed += 1;
}

export function applyImport(ctx: CatalogContext, importId: number): Performed & { importId: number } {
  const record = readImport(ctx.db, importId);
  if (!record) throw new AppError('not_found', `There is no import ${importId}.`, { importId });
  if (record.state !== 'staged' || !stageExists(ctx.db, importId))
    throw new AppError(
      'invalid_input',
      `Import ${importId} is ${record.state}: only a dry run not yet applied can be applied.`,
      {
        importId,
        state: record.state,
      },
    );
  const tally: Tally = { added: 0, changed: 0, deleted: 0 };
  const performed = performAction(ctx, { kind: 'csv', origin: 'csv' }, (session) => {
    for (const column of record.mapping.columns) {
      if (column.isNew && column.field !== null) ctx.fields.addField(record.engine, record.type, column.field);
    }
    for (const row of stageRows(ctx.db, importId, "outcome IN ('new', 'changed')"))
      applyRow(ctx, session, record, row, tally);
    if (record.mode === 'replace') {
      for (const id of missingIds(ctx.db, importId, record.engine, record.type)) {
        const row = rowById(ctx.db, record.engine, record.type, id);
        if (row && session.deleteItem(row)) tally.deleted += 1;
      }
    }
    const parts = [plural(tally.added, 'item') + ' added', `${tally.changed} changed`];
    if (record.mode === 'replace') parts.push(`${tally.deleted} deleted`);
    return `Import of ${basename(record.file)}: ${parts.join(', ')}`;
  });
  setImportState(ctx.db, importId, 'applied', { action: performed.actionId });
  return { ...performed, importId };
}
