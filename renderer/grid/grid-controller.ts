/**
 * The state of one open grid that lives outside React (so a selection change or a block load
 * does not re-render the page): the AG Grid API, the current view (sort, filters, quick search,
 * pending only), the row count, the displayed data columns and the cell selection. React reads
 * a snapshot of it with useSyncExternalStore.
 */
import type { GridApi, IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { FieldKind, GridRow, RejectedValue, ViewSpec } from '../../preload/contract';
import { call, describeError } from '../api/client';
import {
  clampSelection,
  contains,
  rectOf,
  singleCell,
  type Bounds,
  type CellPos,
  type Rect,
  type Selection,
} from './selection';
import { filtersFromModel, sortFromModel } from './view-model';

/** The status column: the row's handle (a click selects the row), not part of cell ranges. */
export const STATUS_COLUMN = '__status';
/** Rows per `catalog:rows` request: the grid's block size (the issue asks for blocks of 100). */
export const BLOCK_SIZE = 100;
/** Rows fetched per request when a command needs rows the grid has not loaded. */
const FETCH_CHUNK = 2_000;

export interface DataColumn {
  field: string;
  kind: FieldKind;
  editable: boolean;
}

export interface GridNotice {
  id: number;
  tone: 'info' | 'warning' | 'danger';
  text: string;
  rejected?: RejectedValue[];
  /** Pasted rows that fell past the last row, offered as new items. */
  newRows?: { fields: string[]; rows: string[][] };
}

export interface GridSnapshot {
  view: ViewSpec;
  /** Rows in the view; null until the first block answers. */
  total: number | null;
  selection: Selection;
  /** The row of the active cell, when it is loaded. */
  activeRow: GridRow | null;
  loadError: string | null;
}

export class GridController {
  private api: GridApi<GridRow> | null = null;
  private quick = '';
  private pendingOnly = false;
  private columnIndex = new Map<string, number>();
  private refreshWaiting = false;
  private listeners = new Set<() => void>();
  private noticeCount = 0;
  private columnToReveal: string | null = null;
  /** The last focused cell AG Grid told of ("row:field"). */
  private focusSeen = '';
  private onNotice: (notice: GridNotice) => void = () => undefined;
  columns: DataColumn[] = [];
  kinds = new Map<string, FieldKind>();
  snapshot: GridSnapshot;

  constructor(
    readonly engine: string,
    readonly type: string,
  ) {
    this.snapshot = {
      view: { engine, type, sort: [], filters: [], quick: '', pendingOnly: false },
      total: null,
      selection: singleCell({ row: 0, col: 0 }),
      activeRow: null,
      loadError: null,
    };
  }

  // ---- React's view of it -------------------------------------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): GridSnapshot => this.snapshot;

  private update(change: Partial<GridSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }

  get view(): ViewSpec {
    return this.snapshot.view;
  }

  get selection(): Selection {
    return this.snapshot.selection;
  }

  get gridApi(): GridApi<GridRow> | null {
    return this.api && !this.api.isDestroyed() ? this.api : null;
  }

  attach(api: GridApi<GridRow> | null): void {
    this.api = api;
  }

  /** Where the page wants to hear what commands did. */
  listenForNotices(listener: (notice: GridNotice) => void): void {
    this.onNotice = listener;
  }

  /** The type's fields and their kinds (they pick editors and checks). */
  setFields(fields: readonly { name: string; kind: FieldKind }[]): void {
    this.kinds = new Map(fields.map((field) => [field.name, field.kind]));
  }

  notice(tone: GridNotice['tone'], text: string, extra: Partial<GridNotice> = {}): void {
    this.noticeCount += 1;
    this.onNotice({ id: this.noticeCount, tone, text, ...extra });
  }

  // ---- Rows ---------------------------------------------------------------------------

  readonly datasource: IDatasource = {
    getRows: (params: IGetRowsParams) => {
      const view: ViewSpec = {
        engine: this.engine,
        type: this.type,
        sort: sortFromModel(params.sortModel),
        filters: filtersFromModel(params.filterModel),
        quick: this.quick,
        pendingOnly: this.pendingOnly,
      };
      if (JSON.stringify(view) !== JSON.stringify(this.view)) this.update({ view });
      call('catalog:rows', { view, start: params.startRow, end: params.endRow }).then(
        ({ rows, total }) => {
          params.successCallback(rows, total);
          this.rowsArrived(total);
        },
        (error: unknown) => {
          params.failCallback();
          this.update({ loadError: describeError(error) });
        },
      );
    },
  };

  private rowsArrived(total: number): void {
    const bounds = { rows: total, cols: this.columns.length };
    const selection = total === this.snapshot.total ? this.selection : clampSelection(this.selection, bounds);
    this.update({ total, selection, activeRow: this.rowAt(selection.anchor.row), loadError: null });
    this.gridApi?.refreshCells();
  }

  /** A view change the grid does not know of (quick search, pending only): start from the top. */
  setQuickSearch(quick: string, pendingOnly: boolean): void {
    if (quick === this.quick && pendingOnly === this.pendingOnly) return;
    this.quick = quick;
    this.pendingOnly = pendingOnly;
    this.update({ selection: singleCell({ row: 0, col: this.selection.anchor.col }) });
    const api = this.gridApi;
    if (!api) return;
    api.purgeInfiniteCache();
    api.ensureIndexVisible(0, 'top');
  }

  isEditing(): boolean {
    return (this.gridApi?.getEditingCells().length ?? 0) > 0;
  }

  /**
   * Rows changed in the worker: fetch the loaded blocks again. Never under an open editor:
   * the refetch would replace the row being edited, so it waits until the edit ends.
   */
  refresh(): void {
    const api = this.gridApi;
    if (!api) return;
    if (this.isEditing()) {
      this.refreshWaiting = true;
      return;
    }
    this.refreshWaiting = false;
    api.refreshInfiniteCache();
  }

  editingStopped(): void {
    if (this.refreshWaiting) this.refresh();
  }

  rowAt(index: number): GridRow | null {
    const node = this.gridApi?.getDisplayedRowAtIndex(index);
    return node?.data ?? null;
  }

  /** The rows from `top` to `bottom` (inclusive), from the grid when it has them all, else from the worker. */
  async rowsBetween(top: number, bottom: number): Promise<GridRow[]> {
    const loaded: GridRow[] = [];
    for (let index = top; index <= bottom; index += 1) {
      const row = this.rowAt(index);
      if (!row) break;
      loaded.push(row);
    }
    if (loaded.length === bottom - top + 1) return loaded;
    const rows: GridRow[] = [];
    for (let start = top; start <= bottom; start += FETCH_CHUNK) {
      const end = Math.min(bottom + 1, start + FETCH_CHUNK);
      const answer = await call('catalog:rows', { view: this.view, start, end });
      rows.push(...answer.rows);
      if (answer.rows.length < end - start) break;
    }
    return rows;
  }

  /** The loaded rows from `top` to `bottom`, or null when any of them is not loaded. */
  loadedRows(top: number, bottom: number): GridRow[] | null {
    const rows: GridRow[] = [];
    for (let index = top; index <= bottom; index += 1) {
      const row = this.rowAt(index);
      if (!row) return null;
      rows.push(row);
    }
    return rows;
  }

  // ---- Columns and selection ----------------------------------------------------------

  /** The data columns in their displayed order (after a move, a hide or a show). */
  displayedColumnsChanged(): void {
    const api = this.gridApi;
    if (!api) return;
    this.columns = api
      .getAllDisplayedColumns()
      .map((column) => column.getColId())
      .filter((id) => id !== STATUS_COLUMN)
      .map((field) => ({ field, kind: this.kinds.get(field) ?? 'text', editable: field !== 'id' }));
    this.columnIndex = new Map(this.columns.map((column, index) => [column.field, index]));
    this.setSelection(clampSelection(this.selection, this.bounds()));
    const reveal = this.columnToReveal === null ? undefined : this.columnIndex.get(this.columnToReveal);
    if (reveal !== undefined) {
      this.columnToReveal = null;
      const row = this.selection.anchor.row;
      api.ensureColumnVisible(this.columns[reveal]?.field ?? '');
      api.setFocusedCell(row, this.columns[reveal]?.field ?? '');
    }
  }

  columnIndexOf(field: string): number | undefined {
    return this.columnIndex.get(field);
  }

  bounds(): Bounds {
    return { rows: this.snapshot.total ?? 0, cols: this.columns.length };
  }

  rect(): Rect {
    return rectOf(this.selection);
  }

  setSelection(selection: Selection): void {
    if (JSON.stringify(selection) === JSON.stringify(this.selection)) return;
    this.update({ selection, activeRow: this.rowAt(selection.anchor.row) });
    this.gridApi?.refreshCells();
  }

  /** Keeps the far corner of a range in sight as Shift+arrows move it. */
  reveal(pos: CellPos): void {
    const api = this.gridApi;
    const column = this.columns[pos.col];
    if (!api || !column) return;
    api.ensureIndexVisible(pos.row);
    api.ensureColumnVisible(column.field);
  }

  /** A column just added: once the grid shows it, scroll to it and put the active cell in it. */
  revealColumnLater(field: string): void {
    this.columnToReveal = field;
  }

  /**
   * AG Grid tells of a focus move a moment after it (its events are asynchronous): a command
   * that comes right after an arrow key first catches up with where the focus is now. A focus
   * already seen changes nothing, so a range picked since (Ctrl+A, Shift+Space) stays.
   */
  followFocus(): void {
    const focused = this.gridApi?.getFocusedCell();
    if (!focused) return;
    const field = focused.column.getColId();
    if (`${focused.rowIndex}:${field}` !== this.focusSeen) this.cellFocused(focused.rowIndex, field);
  }

  /** Whether a cell is inside a range of more than one cell (a single cell shows as focused). */
  inRange(rowIndex: number | null, field: string): boolean {
    const col = this.columnIndex.get(field);
    if (rowIndex === null || col === undefined) return false;
    const rect = this.rect();
    if (rect.top === rect.bottom && rect.left === rect.right) return false;
    return contains(this.selection, rowIndex, col);
  }

  /** Which sides of a range a cell is on, for the range's outline. */
  rangeEdges(rowIndex: number | null, field: string): { top: boolean; bottom: boolean; left: boolean; right: boolean } {
    if (!this.inRange(rowIndex, field)) return { top: false, bottom: false, left: false, right: false };
    const rect = this.rect();
    const col = this.columnIndex.get(field);
    return {
      top: rowIndex === rect.top,
      bottom: rowIndex === rect.bottom,
      left: col === rect.left,
      right: col === rect.right,
    };
  }

  /** The cell AG Grid focused (a click, an arrow key): the selection follows unless it is the anchor. */
  cellFocused(rowIndex: number | null, field: string | null): void {
    if (rowIndex === null || field === null) return;
    this.focusSeen = `${rowIndex}:${field}`;
    const col = this.columnIndex.get(field);
    if (col === undefined) return;
    const { anchor } = this.selection;
    if (anchor.row === rowIndex && anchor.col === col) return;
    this.setSelection(singleCell({ row: rowIndex, col }));
  }
}
