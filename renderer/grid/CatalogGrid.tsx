/**
 * The spreadsheet grid of one type: AG Grid Community's infinite row model over `catalog:rows`
 * (blocks of 100), our range selection, clipboard and shortcuts on top, and the column layout
 * handed back to the page whenever the user resizes, moves, hides or sorts a column.
 */
import {
  AllCommunityModule,
  type CellEditRequestEvent,
  type CellFocusedEvent,
  type GridApi,
  type GridReadyEvent,
  type RowClassRules,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef } from 'react';
import type { FieldInfo, GridRow } from '../../preload/contract';
import { buildColumns } from './columns';
import { commitCellEdit } from './grid-commands';
import type { GridContext } from './grid-context';
import { BLOCK_SIZE, STATUS_COLUMN, type GridController } from './grid-controller';
import { attachGridInput, type GridInputHandlers } from './grid-input';
import { gridTheme } from './grid-theme';
import { layoutFromState, stateFromLayout, type SavedLayout } from './layout';

const modules = [AllCommunityModule];
/**
 * Blocks kept loaded: every change of the type (each edit, each batch of a sync) fetches all
 * of them again, so a long scroll keeps only the last thousand rows; going back fetches anew.
 */
const BLOCKS_KEPT = 10;

const rowClassRules: RowClassRules<GridRow> = {
  'row--deleted': (params) => params.data?.status === 'deleted',
  'row--failed': (params) => params.data?.status === 'failed',
  'row--new': (params) => params.data?.status === 'new',
  'row--conflict': (params) => params.data?.status === 'conflict',
  'row--pushing': (params) => params.data?.status === 'pushing',
};

/** A column layout change settles before it is saved (a resize drag sends many events). */
const LAYOUT_SAVE_DELAY_MS = 400;

export interface CatalogGridProps {
  grid: GridController;
  fields: FieldInfo[];
  context: GridContext;
  layout: SavedLayout | null;
  onLayoutChange: (layout: SavedLayout) => void;
  handlers: GridInputHandlers;
}

function focusedField(event: CellFocusedEvent<GridRow>): string | null {
  const { column } = event;
  if (!column) return null;
  return typeof column === 'string' ? column : column.getColId();
}

export function CatalogGrid({ grid, fields, context, layout, onLayoutChange, handlers }: CatalogGridProps) {
  const wrapper = useRef<HTMLDivElement>(null);
  // New column definitions make AG Grid redo its columns (and end an open edit): only when a
  // field or a kind changed, not when a field's count did.
  const columnsKey = fields.map((field) => `${field.name}:${field.kind}`).join('\n');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const columnDefs = useMemo(() => buildColumns(fields), [columnsKey]);
  const saveTimer = useRef<number | undefined>(undefined);
  const handlersRef = useRef(handlers);

  useEffect(() => {
    handlersRef.current = handlers;
  }, [handlers]);

  useEffect(() => {
    const element = wrapper.current;
    if (!element) return;
    return attachGridInput(element, grid, {
      undo: () => handlersRef.current.undo(),
      redo: () => handlersRef.current.redo(),
      find: () => handlersRef.current.find(),
    });
  }, [grid]);

  useEffect(() => () => window.clearTimeout(saveTimer.current), []);

  function layoutChanged(api: GridApi<GridRow>) {
    window.clearTimeout(saveTimer.current);
    saveTimer.current = window.setTimeout(() => {
      if (api.isDestroyed()) return;
      const state = api.getColumnState().filter((column) => column.colId !== STATUS_COLUMN);
      onLayoutChange(layoutFromState(state));
    }, LAYOUT_SAVE_DELAY_MS);
  }

  function onGridReady(event: GridReadyEvent<GridRow>) {
    const { api } = event;
    grid.attach(api);
    grid.setFields(fields);
    if (layout) {
      const ids = columnDefs.map((column) => column.colId ?? '').filter((id) => id !== STATUS_COLUMN);
      // The status column leads the order given, or AG Grid would put it after the saved columns.
      const state = [{ colId: STATUS_COLUMN }, ...stateFromLayout(layout, ids)];
      api.applyColumnState({ state, applyOrder: true });
    }
    grid.displayedColumnsChanged();
    // The rows are asked for only now, so the first request already has the saved sort.
    api.setGridOption('datasource', grid.datasource);
  }

  return (
    <div ref={wrapper} className="catalog-grid" data-testid="catalog-grid">
      <AgGridReact<GridRow>
        modules={modules}
        theme={gridTheme}
        loadThemeGoogleFonts={false}
        columnDefs={columnDefs}
        context={context}
        rowModelType="infinite"
        cacheBlockSize={BLOCK_SIZE}
        maxBlocksInCache={BLOCKS_KEPT}
        blockLoadDebounceMillis={40}
        getRowId={(params) => params.data.id}
        rowClassRules={rowClassRules}
        readOnlyEdit
        invalidEditValueMode="block"
        enterNavigatesVerticallyAfterEdit
        stopEditingWhenCellsLoseFocus
        suppressDragLeaveHidesColumns
        tooltipShowDelay={500}
        animateRows={false}
        onGridReady={onGridReady}
        onGridPreDestroyed={() => grid.attach(null)}
        onCellEditRequest={(event: CellEditRequestEvent<GridRow>) =>
          commitCellEdit(grid, event.node, event.colDef.colId ?? '', event.newValue)
        }
        onCellEditingStopped={() => grid.editingStopped()}
        onCellFocused={(event) => grid.cellFocused(event.rowIndex, focusedField(event))}
        onDisplayedColumnsChanged={() => grid.displayedColumnsChanged()}
        onColumnResized={(event) => event.finished && layoutChanged(event.api)}
        onColumnMoved={(event) => event.finished && layoutChanged(event.api)}
        onColumnVisible={(event) => layoutChanged(event.api)}
        onSortChanged={(event) => layoutChanged(event.api)}
      />
    </div>
  );
}
