/**
 * One row of the file against the catalog, for the dry run: its id, the values of its
 * mapped cells (converted by kind), and what applying it would do (new, changed field by
 * field, unchanged, skipped by the mode, or invalid with every reason). Pure.
 */
import type { FieldChange } from '../../catalog/changes';
import { sameValue, type Doc } from '../../sync/merge';
import { problem, type CsvProblem } from '../errors';
import { convertCell, convertId } from '../mapping/convert-cell';
import type { ColumnMapping, CsvMapping } from '../mapping/mapping';
import type { CsvRow } from '../read/table';
import type { StagedItem } from './item-lookup';
import type { ImportMode, RowOutcome } from './modes';

export interface StagedRow {
  line: number;
  id: string | null;
  outcome: RowOutcome;
  /** The new item's document (outcome new). */
  doc: Doc | null;
  /** [field, before, after] of a changed item. */
  fields: FieldChange[] | null;
  problems: CsvProblem[];
  /** Why the mode skips it. */
  note: string | null;
}

export interface RowPlan {
  mapping: CsvMapping;
  idColumn: ColumnMapping;
  /** The mapped columns other than the id. */
  valueColumns: ColumnMapping[];
  mode: ImportMode;
}

export function rowPlan(mapping: CsvMapping, idColumn: ColumnMapping, mode: ImportMode): RowPlan {
  const valueColumns = mapping.columns.filter((column) => column.field !== null && column !== idColumn);
  return { mapping, idColumn, valueColumns, mode };
}

/** The id cell's text, read even from a broken row (so replace mode never deletes an item the file names). */
export function rawId(plan: RowPlan, row: CsvRow): string | null {
  const text = (row.cells[plan.idColumn.index] ?? '').trim();
  return text === '' ? null : text;
}

function invalid(row: CsvRow, id: string | null, problems: CsvProblem[]): StagedRow {
  return { line: row.line, id, outcome: 'invalid', doc: null, fields: null, problems, note: null };
}

export function stageRow(plan: RowPlan, row: CsvRow, item: StagedItem | null): StagedRow {
  const problems = [...row.problems];
  const id = rawId(plan, row);
  if (problems.some((p) => p.severity === 'error')) return invalid(row, id, problems);
  const idCell = convertId(row.cells[plan.idColumn.index] ?? '');
  if (!idCell.ok) {
    problems.push(problem(row.line, plan.idColumn.index + 1, idCell.reason, { columnName: plan.idColumn.column }));
    return invalid(row, id, problems);
  }
  const values = new Map<string, unknown>();
  for (const column of plan.valueColumns) {
    const field = column.field ?? '';
    const cell = convertCell(column, row.cells[column.index] ?? '', item?.doc[field], plan.mapping.listSeparator);
    const at = { columnName: column.column };
    if (!cell.ok) problems.push(problem(row.line, column.index + 1, cell.reason, at));
    else {
      values.set(field, cell.value);
      if (cell.warning)
        problems.push(problem(row.line, column.index + 1, cell.warning, { ...at, severity: 'warning' }));
    }
  }
  if (problems.some((p) => p.severity === 'error')) return invalid(row, idCell.id, problems);
  const staged = { line: row.line, id: idCell.id, doc: null, fields: null, problems, note: null };
  if (!item) {
    if (plan.mode === 'update')
      return { ...staged, outcome: 'skipped', note: 'Not in the catalog: update mode adds nothing' };
    const doc: Doc = { id: idCell.id };
    for (const [field, value] of values) if (value !== null && value !== undefined) doc[field] = value;
    return { ...staged, outcome: 'new', doc };
  }
  if (item.deleted) {
    const reason = `Item ${item.id} is deleted here and not synced yet: undo the deletion (or sync) before importing it`;
    return invalid(row, idCell.id, [
      ...problems,
      problem(row.line, plan.idColumn.index + 1, reason, { columnName: plan.idColumn.column }),
    ]);
  }
  if (plan.mode === 'add')
    return { ...staged, outcome: 'skipped', note: 'Already in the catalog: add mode changes nothing' };
  const fields: FieldChange[] = [];
  for (const [field, value] of values) {
    const before = item.doc[field] ?? null;
    if (!sameValue(before, value)) fields.push([field, before, value ?? null]);
  }
  return fields.length === 0 ? { ...staged, outcome: 'unchanged' } : { ...staged, outcome: 'changed', fields };
}
