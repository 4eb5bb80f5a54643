/**
 * The grid's columns for a type's fields: a pinned status column (the row handle), a pinned
 * id, then one column per field with the renderer, editor, filter and width its kind calls for.
 */
import type { CellClassParams, ColDef, EditableCallbackParams } from 'ag-grid-community';
import type { FieldInfo, FieldKind, GridRow } from '../../preload/contract';
import { BooleanEditor, ChipsEditor, TextEditor } from './cells/editors';
import { StatusCell } from './cells/StatusCell';
import { ValueCell } from './cells/ValueCell';
import type { GridContext } from './grid-context';
import { STATUS_COLUMN } from './grid-controller';
import { NUMBER_FILTER_OPTIONS, TEXT_FILTER_OPTIONS } from './view-model';

const WIDTHS: Record<FieldKind, number> = {
  id: 150,
  text: 220,
  number: 100,
  price: 100,
  boolean: 84,
  list: 200,
  categories: 280,
  url: 220,
  image: 220,
  date: 130,
};

const KIND_NAMES: Record<FieldKind, string> = {
  id: 'Id',
  text: 'Text',
  number: 'Number',
  price: 'Price',
  boolean: 'Yes / no',
  list: 'List',
  categories: 'Categories',
  url: 'Link',
  image: 'Image',
  date: 'Date',
};

export function kindName(kind: FieldKind): string {
  return KIND_NAMES[kind];
}

type Params = CellClassParams<GridRow, unknown, GridContext>;

const range = (params: Params) => ({
  inside: params.context.grid.inRange(params.node.rowIndex, params.colDef.colId ?? ''),
  edges: params.context.grid.rangeEdges(params.node.rowIndex, params.colDef.colId ?? ''),
});

/** Modified cells, conflicts and the selected range, re-read on every refresh of the cell. */
const cellClassRules: ColDef<GridRow>['cellClassRules'] = {
  'cell--changed': (p: Params) => !!p.data && p.data.changed.includes(p.colDef.colId ?? ''),
  'cell--conflict': (p: Params) => !!p.data && p.data.conflicts.includes(p.colDef.colId ?? ''),
  // The server names the field it refused ("failed to parse [price]"): that cell is the one to fix.
  'cell--failed': (p: Params) => p.data?.status === 'failed' && !!p.data.error?.includes(`[${p.colDef.colId ?? ''}]`),
  'cell--range': (p: Params) => range(p).inside,
  'cell--range-top': (p: Params) => range(p).edges.top,
  'cell--range-bottom': (p: Params) => range(p).edges.bottom,
  'cell--range-left': (p: Params) => range(p).edges.left,
  'cell--range-right': (p: Params) => range(p).edges.right,
};

function editable(params: EditableCallbackParams<GridRow>): boolean {
  const status = params.data?.status;
  return status !== undefined && status !== 'deleted' && status !== 'pushing';
}

function editorFor(kind: FieldKind): Pick<ColDef<GridRow>, 'cellEditor' | 'cellEditorPopup'> {
  if (kind === 'boolean') return { cellEditor: BooleanEditor };
  if (kind === 'list' || kind === 'categories') return { cellEditor: ChipsEditor, cellEditorPopup: true };
  return { cellEditor: TextEditor };
}

function filterFor(kind: FieldKind): Pick<ColDef<GridRow>, 'filter' | 'filterParams'> {
  const numeric = kind === 'number' || kind === 'price';
  return {
    filter: numeric ? 'agNumberColumnFilter' : 'agTextColumnFilter',
    // One condition per column: the view has no OR (see view-model.ts).
    filterParams: {
      filterOptions: numeric ? [...NUMBER_FILTER_OPTIONS] : [...TEXT_FILTER_OPTIONS],
      maxNumConditions: 1,
      buttons: ['reset'],
    },
  };
}

function statusColumn(): ColDef<GridRow> {
  return {
    colId: STATUS_COLUMN,
    headerName: '#',
    pinned: 'left',
    lockPosition: 'left',
    lockPinned: true,
    initialWidth: 150,
    minWidth: 64,
    sortable: false,
    editable: false,
    suppressNavigable: true,
    suppressMovable: true,
    suppressHeaderMenuButton: true,
    cellRenderer: StatusCell,
    cellClass: 'cell--status',
    headerTooltip: 'Sync state of each item. Click a row here to select it; Shift+click selects the rows between.',
  };
}

function idColumn(): ColDef<GridRow> {
  return {
    colId: 'id',
    headerName: 'id',
    pinned: 'left',
    lockPosition: 'left',
    lockPinned: true,
    initialWidth: WIDTHS.id,
    editable: false,
    valueGetter: (params) => params.data?.id,
    cellClass: 'cell--id',
    cellClassRules,
    ...filterFor('text'),
    headerTooltip: 'The item id (cannot be changed here)',
  };
}

function fieldColumn(field: FieldInfo): ColDef<GridRow> {
  const numeric = field.kind === 'number' || field.kind === 'price';
  const wide = field.kind === 'text' && /desc/i.test(field.name);
  return {
    colId: field.name,
    headerName: field.name,
    // initial*: a new list of columns (a field added) keeps the widths the user set.
    initialWidth: wide ? 360 : WIDTHS[field.kind],
    valueGetter: (params) => params.data?.doc[field.name],
    editable,
    cellRenderer: ValueCell,
    ...editorFor(field.kind),
    ...filterFor(field.kind),
    cellClass: numeric ? 'cell--num' : field.kind === 'boolean' ? 'cell--center' : undefined,
    headerClass: numeric ? 'header--num' : undefined,
    cellClassRules,
    headerTooltip: `${kindName(field.kind)} · ${field.count.toLocaleString()} items have a value`,
  };
}

export function buildColumns(fields: readonly FieldInfo[]): ColDef<GridRow>[] {
  return [statusColumn(), idColumn(), ...fields.filter((field) => field.name !== 'id').map(fieldColumn)];
}
