/**
 * One type's items in the spreadsheet grid, with the toolbar, notices and the side panels
 * (pending changes and sync, item history). Reached from the engines list; the breadcrumb
 * goes back to it.
 */
import { ChevronRight, CloudUpload, LoaderCircle, TriangleAlert } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { EditReport, EngineView, FieldInfo, TypeView } from '../../../preload/contract';
import { call, describeError } from '../../api/client';
import { useEvent, useRequest } from '../../api/hooks';
import { formatCount } from '../../app/format';
import { CatalogGrid } from '../../grid/CatalogGrid';
import { addPastedRows, deleteSelectedRows, describeSelection, reportEdit } from '../../grid/grid-commands';
import type { GridContext, ResolveTarget } from '../../grid/grid-context';
import { GridController, type GridNotice } from '../../grid/grid-controller';
import { parseLayout, type SavedLayout } from '../../grid/layout';
import { dropToImport } from '../import-export/import-handoff';
import { closeType } from './catalog-route';
import { FindReplaceDialog } from './FindReplaceDialog';
import { GridNotices } from './GridNotices';
import { GridToolbar } from './GridToolbar';
import { HistoryPanel } from './HistoryPanel';
import { NewItemDialog } from './NewItemDialog';
import { PendingPanel } from './PendingPanel';
import { useSync } from './use-sync';
import { useDebounced } from './use-debounced';
import { useUndoShortcuts } from './use-undo-shortcuts';
import '../../styles/catalog-grid.css';

type Panel = 'pending' | 'history' | null;
/** Field counts are read again a moment after rows change (a burst of edits reads them once). */
const FIELDS_RELOAD_DELAY_MS = 1_500;
/** Notices kept on screen at once; older ones give way. */
const MAX_NOTICES = 4;

function usePendingTotal(): number | null {
  const status = useRequest('app:status');
  const [total, setTotal] = useState<number | null>(null);
  useEvent('sync:pendingChanged', (change) => setTotal(change.total));
  useEvent('app:status', (snapshot) => setTotal(snapshot.sync.pendingChanges));
  return total ?? status.data?.sync.pendingChanges ?? null;
}

export function TypeGridPage({ engine, type }: { engine: EngineView; type: TypeView }) {
  const grid = useMemo(() => new GridController(engine.hashid, type.name), [engine.hashid, type.name]);
  const snapshot = useSyncExternalStore(grid.subscribe, grid.getSnapshot);
  const fields = useRequest('catalog:fields', { engine: engine.hashid, type: type.name });
  const layout = useRequest('catalog:layout', { engine: engine.hashid, type: type.name });
  const undo = useRequest('catalog:undoState');
  const sync = useSync();
  const pendingTotal = usePendingTotal();
  const [notices, setNotices] = useState<GridNotice[]>([]);
  const [panel, setPanel] = useState<Panel>(null);
  const [finding, setFinding] = useState(false);
  const [creating, setCreating] = useState<{ copyOf: string | null } | null>(null);
  const [pendingOnly, setPendingOnly] = useState(false);
  const [quick, setQuick] = useState('');

  useEffect(() => {
    grid.listenForNotices((notice) => setNotices((current) => [...current.slice(-(MAX_NOTICES - 1)), notice]));
  }, [grid]);
  useEffect(() => grid.setQuickSearch(quick, pendingOnly), [grid, quick, pendingOnly]);

  useEvent('catalog:undoState', undo.set);
  const reloadFields = useDebounced(fields.reload, FIELDS_RELOAD_DELAY_MS);
  useEvent('catalog:changed', (change) => {
    if (change.engine !== engine.hashid || change.type !== type.name) return;
    grid.refresh();
    // Counts change with edits, and a value in a new column makes it a field.
    reloadFields();
  });
  useEvent('app:workerState', (state) => {
    // A restarted worker: rows and undo history are in its database; ask again.
    if (state.status !== 'ready') return;
    undo.reload();
    grid.refresh();
  });

  // The shortcuts read the undo state through a ref: they are bound once.
  const undoState = useRef(undo.data);
  useEffect(() => {
    undoState.current = undo.data;
  }, [undo.data]);
  const runUndo = useCallback(
    (which: 'catalog:undo' | 'catalog:redo') => {
      const state = undoState.current;
      if (state && !(which === 'catalog:undo' ? state.canUndo : state.canRedo)) return;
      call(which).then(
        (report) => reportEdit(grid, report, which === 'catalog:undo' ? 'Undo' : 'Redo'),
        (error: unknown) => grid.notice('danger', describeError(error)),
      );
    },
    [grid],
  );
  const handlers = useMemo(
    () => ({
      undo: () => runUndo('catalog:undo'),
      redo: () => runUndo('catalog:redo'),
      find: () => setFinding(true),
    }),
    [runUndo],
  );
  useUndoShortcuts(handlers);

  const context = useMemo<GridContext>(
    () => ({
      grid,
      kindOf: (field) => grid.kinds.get(field) ?? 'text',
      resolve: (target: ResolveTarget | 'view', keep) => {
        call('catalog:resolve', { view: grid.view, target, keep }).then(
          (report) => reportEdit(grid, report, keep === 'mine' ? 'Kept mine' : 'Took theirs'),
          (error: unknown) => grid.notice('danger', `Resolving failed: ${describeError(error)}`),
        );
      },
    }),
    [grid],
  );

  const [addedFields, setAddedFields] = useState<FieldInfo[]>([]);
  const loadedFields = fields.data?.fields;
  const fieldList = useMemo<FieldInfo[] | undefined>(
    () =>
      loadedFields && [
        ...loadedFields,
        ...addedFields.filter((added) => !loadedFields.some((field) => field.name === added.name)),
      ],
    [loadedFields, addedFields],
  );
  useEffect(() => {
    if (fieldList) grid.setFields(fieldList);
  }, [grid, fieldList]);

  const saveLayout = useCallback(
    (next: SavedLayout) => {
      call('catalog:saveLayout', { engine: engine.hashid, type: type.name, layout: next }).catch((error: unknown) =>
        grid.notice('warning', `The column layout could not be saved: ${describeError(error)}`),
      );
    },
    [engine.hashid, type.name, grid],
  );

  const onReport = useCallback((report: EditReport) => reportEdit(grid, report, report.summary), [grid]);
  const activeId = snapshot.activeRow?.id ?? null;
  const ready = fieldList && (layout.data || layout.error);
  const loadProblem = fields.error ?? null;

  return (
    // A CSV dropped on the grid starts an import into this type.
    <div className="grid-page" {...dropToImport(engine.hashid, type.name)}>
      <header className="grid-page__header">
        <nav className="breadcrumb" aria-label="Breadcrumb">
          <button type="button" className="breadcrumb__link" onClick={closeType}>
            Catalog
          </button>
          <ChevronRight size={14} aria-hidden="true" />
          <span className="breadcrumb__part">{engine.name}</span>
          <ChevronRight size={14} aria-hidden="true" />
          <h1 tabIndex={-1} className="breadcrumb__current">
            {type.name}
          </h1>
        </nav>
        <span className="grid-page__count" data-testid="row-count">
          {snapshot.total === null
            ? 'Loading…'
            : snapshot.total === type.localCount || (!quick && !pendingOnly && snapshot.view.filters.length === 0)
              ? `${formatCount(snapshot.total)} items`
              : `${formatCount(snapshot.total)} of ${formatCount(type.localCount)} items`}
        </span>
        <span className="grid-page__selection" data-testid="selection-size">
          {describeSelection(grid)}
        </span>
        <span className="spacer" />
        {sync.running && (
          <span className="grid-page__syncing">
            <LoaderCircle size={14} className="spin" aria-hidden="true" /> Syncing {formatCount(sync.progress?.done)} of{' '}
            {formatCount(sync.progress?.total)}
          </span>
        )}
        <button
          type="button"
          className={`button${panel === 'pending' ? ' button--on' : ''}`}
          aria-pressed={panel === 'pending'}
          onClick={() => setPanel(panel === 'pending' ? null : 'pending')}
          data-testid="pending-toggle"
        >
          <CloudUpload size={15} aria-hidden="true" /> Pending
          <span className="badge badge--neutral" data-testid="pending-count">
            {formatCount(pendingTotal ?? 0)}
          </span>
        </button>
      </header>

      <GridToolbar
        grid={grid}
        engineName={engine.name}
        fields={fieldList ?? []}
        undo={undo.data}
        pendingOnly={pendingOnly}
        hasRow={activeId !== null}
        historyOpen={panel === 'history'}
        onSearch={setQuick}
        onPendingOnly={setPendingOnly}
        onUndo={handlers.undo}
        onRedo={handlers.redo}
        onAdd={() => setCreating({ copyOf: null })}
        onDuplicate={() => activeId && setCreating({ copyOf: activeId })}
        onDelete={() => void deleteSelectedRows(grid)}
        onFind={() => setFinding(true)}
        onHistory={() => setPanel(panel === 'history' ? null : 'history')}
        onAddField={(name) => {
          setAddedFields((current) => [...current, { name, kind: 'text', count: 0 }]);
          grid.revealColumnLater(name);
        }}
      />

      {type.conflictCount > 0 && (
        <div className="conflict-banner" role="status" data-testid="conflict-banner">
          <TriangleAlert size={15} aria-hidden="true" />
          <span>
            {formatCount(type.conflictCount)} {type.conflictCount === 1 ? 'item was' : 'items were'} changed here and on
            Doofinder. A conflicting cell shows mine (tinted) and Doofinder’s (grey), each with a button to keep it; or
            settle every conflict in this view:
          </span>
          <button type="button" className="button button--small" onClick={() => context.resolve('view', 'mine')}>
            Keep all mine
          </button>
          <button type="button" className="button button--small" onClick={() => context.resolve('view', 'theirs')}>
            Take all theirs
          </button>
        </div>
      )}

      <GridNotices
        notices={notices}
        onDismiss={(id) => setNotices((current) => current.filter((notice) => notice.id !== id))}
        onAddRows={async (notice) => {
          if (!notice.newRows) return;
          if (await addPastedRows(grid, notice.newRows.fields, notice.newRows.rows)) {
            setNotices((current) => current.filter((candidate) => candidate.id !== notice.id));
          }
        }}
      />
      {snapshot.loadError && (
        <div className="grid-notice grid-notice--danger" role="alert">
          <TriangleAlert size={15} aria-hidden="true" /> The rows could not be loaded: {snapshot.loadError}
        </div>
      )}

      <div className="grid-page__body">
        {loadProblem ? (
          <div className="catalog-grid catalog-grid--loading" role="alert">
            <TriangleAlert size={16} aria-hidden="true" /> The fields of {type.name} could not be read:{' '}
            {describeError(loadProblem)}
          </div>
        ) : ready ? (
          <CatalogGrid
            grid={grid}
            fields={fieldList}
            context={context}
            layout={parseLayout(layout.data?.layout)}
            onLayoutChange={saveLayout}
            handlers={handlers}
          />
        ) : (
          <div className="catalog-grid catalog-grid--loading">
            <LoaderCircle size={18} className="spin" aria-hidden="true" /> Loading the fields…
          </div>
        )}
        {panel === 'pending' && <PendingPanel sync={sync} onClose={() => setPanel(null)} onReport={onReport} />}
        {panel === 'history' && (
          <HistoryPanel engine={engine.hashid} type={type.name} id={activeId} onClose={() => setPanel(null)} />
        )}
      </div>

      <FindReplaceDialog
        open={finding}
        onClose={() => setFinding(false)}
        grid={grid}
        fields={fieldList ?? []}
        total={snapshot.total}
      />
      {creating && <NewItemDialog grid={grid} copyOf={creating.copyOf} onClose={() => setCreating(null)} />}
    </div>
  );
}
