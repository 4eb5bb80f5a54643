import { Copy, Filter, History, Plus, Redo2, Replace, Search, Trash2, Undo2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { FieldInfo, UndoState } from '../../../preload/contract';
import type { GridController } from '../../grid/grid-controller';
import { GridExportButton } from '../import-export/GridExportButton';
import { ColumnChooser } from './ColumnChooser';

/** The quick search waits for typing to pause before it asks for rows. */
const SEARCH_DELAY_MS = 250;

function QuickSearch({ onSearch }: { onSearch: (text: string) => void }) {
  const [text, setText] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => onSearch(text.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, onSearch]);
  return (
    <label className="search-box">
      <Search size={14} aria-hidden="true" />
      <input
        type="search"
        placeholder="Search items"
        aria-label="Search items"
        value={text}
        maxLength={200}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setText('');
        }}
      />
    </label>
  );
}

export interface ToolbarProps {
  grid: GridController;
  /** For the export file's name. */
  engineName: string;
  fields: FieldInfo[];
  undo: UndoState | undefined;
  pendingOnly: boolean;
  hasRow: boolean;
  historyOpen: boolean;
  onSearch: (text: string) => void;
  onPendingOnly: (on: boolean) => void;
  onUndo: () => void;
  onRedo: () => void;
  onAdd: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
  onFind: () => void;
  onHistory: () => void;
  onAddField: (name: string) => void;
}

/** Search and view, undo and redo (saying what they would undo), item actions, columns, history. */
export function GridToolbar(props: ToolbarProps) {
  const { undo } = props;
  return (
    <div className="grid-toolbar" role="toolbar" aria-label="Grid">
      <QuickSearch onSearch={props.onSearch} />
      <button
        type="button"
        className={`button button--small${props.pendingOnly ? ' button--on' : ''}`}
        aria-pressed={props.pendingOnly}
        onClick={() => props.onPendingOnly(!props.pendingOnly)}
        title="Only items with changes to sync, failures or conflicts"
      >
        <Filter size={14} aria-hidden="true" /> Pending only
      </button>
      <span className="toolbar-divider" />
      <button
        type="button"
        className="button button--small button--icon"
        disabled={!undo?.canUndo}
        onClick={props.onUndo}
        aria-label={undo?.undoSummary ? `Undo ${undo.undoSummary}` : 'Undo'}
        title={undo?.undoSummary ? `Undo: ${undo.undoSummary} (Ctrl+Z)` : 'Nothing to undo'}
        data-testid="undo"
      >
        <Undo2 size={15} aria-hidden="true" />
      </button>
      <button
        type="button"
        className="button button--small button--icon"
        disabled={!undo?.canRedo}
        onClick={props.onRedo}
        aria-label={undo?.redoSummary ? `Redo ${undo.redoSummary}` : 'Redo'}
        title={undo?.redoSummary ? `Redo: ${undo.redoSummary} (Ctrl+Shift+Z)` : 'Nothing to redo'}
        data-testid="redo"
      >
        <Redo2 size={15} aria-hidden="true" />
      </button>
      <span className="toolbar-hint" data-testid="undo-hint">
        {undo?.undoSummary ? `Undo: ${undo.undoSummary}` : undo?.redoSummary ? `Redo: ${undo.redoSummary}` : ''}
      </span>
      <span className="spacer" />
      <button type="button" className="button button--small" onClick={props.onAdd}>
        <Plus size={14} aria-hidden="true" /> Add item
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={!props.hasRow}
        onClick={props.onDuplicate}
        aria-label="Duplicate"
        title="Duplicate the selected item"
      >
        <Copy size={14} aria-hidden="true" /> <span className="button__label">Duplicate</span>
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={!props.hasRow}
        onClick={props.onDelete}
        aria-label="Delete"
        title="Mark the selected rows' items deleted; they go on the next sync"
      >
        <Trash2 size={14} aria-hidden="true" /> <span className="button__label">Delete</span>
      </button>
      <span className="toolbar-divider" />
      <button
        type="button"
        className="button button--small"
        onClick={props.onFind}
        aria-label="Replace"
        title="Find and replace (Ctrl+H)"
      >
        <Replace size={14} aria-hidden="true" /> <span className="button__label">Replace</span>
      </button>
      <ColumnChooser grid={props.grid} fields={props.fields} onAddField={props.onAddField} />
      <GridExportButton grid={props.grid} engineName={props.engineName} />
      <button
        type="button"
        className={`button button--small${props.historyOpen ? ' button--on' : ''}`}
        aria-pressed={props.historyOpen}
        onClick={props.onHistory}
        aria-label="History"
        title="Changes of the selected item"
      >
        <History size={14} aria-hidden="true" /> <span className="button__label">History</span>
      </button>
    </div>
  );
}
