import { Columns3, Plus } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { FieldInfo } from '../../../preload/contract';
import { kindName } from '../../grid/columns';
import type { GridController } from '../../grid/grid-controller';

/** Field names as Doofinder takes them: a letter or _, then letters, digits or _. */
const FIELD_NAME = /^[A-Za-z_]\w{0,99}$/;

function hiddenColumns(grid: GridController): Set<string> {
  const state = grid.gridApi?.getColumnState() ?? [];
  return new Set(state.filter((column) => column.hide).map((column) => column.colId));
}

/** Which fields show as columns, from `catalog:fields`: with each field's kind and how many items have it. */
export function ColumnChooser({
  grid,
  fields,
  onAddField,
}: {
  grid: GridController;
  fields: FieldInfo[];
  onAddField: (name: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [newField, setNewField] = useState('');
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const [filter, setFilter] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const choosable = fields.filter((field) => field.name !== 'id');

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  function show(names: string[], visible: boolean) {
    grid.gridApi?.setColumnsVisible(names, visible);
    setHidden(hiddenColumns(grid));
  }

  const shown = choosable.filter((field) => field.name.toLowerCase().includes(filter.trim().toLowerCase()));
  return (
    <div className="popover-anchor" ref={root}>
      <button
        type="button"
        className="button button--small"
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => {
          setHidden(hiddenColumns(grid));
          setOpen(!open);
        }}
      >
        <Columns3 size={14} aria-hidden="true" /> Columns
      </button>
      {open && (
        <div className="popover column-chooser" role="dialog" aria-label="Columns">
          <input
            className="input input--small"
            placeholder="Find a field"
            aria-label="Find a field"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
          <div className="column-chooser__actions">
            <button
              type="button"
              className="link-button"
              onClick={() =>
                show(
                  choosable.map((f) => f.name),
                  true,
                )
              }
            >
              Show all
            </button>
            <button
              type="button"
              className="link-button"
              onClick={() =>
                show(
                  choosable.filter((f) => f.count === 0).map((f) => f.name),
                  false,
                )
              }
            >
              Hide empty
            </button>
          </div>
          <ul className="column-chooser__list">
            {shown.map((field) => (
              <li key={field.name}>
                <label>
                  <input
                    type="checkbox"
                    checked={!hidden.has(field.name)}
                    onChange={(event) => show([field.name], event.target.checked)}
                  />
                  <span className="column-chooser__name">{field.name}</span>
                  <span className="column-chooser__kind">{kindName(field.kind)}</span>
                  <span className="column-chooser__count" title="Items with a value">
                    {field.count.toLocaleString()}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <form
            className="column-chooser__add"
            onSubmit={(event) => {
              event.preventDefault();
              if (!FIELD_NAME.test(newField) || fields.some((field) => field.name === newField)) return;
              onAddField(newField);
              setNewField('');
              setOpen(false);
            }}
          >
            <input
              className="input input--small input--mono"
              placeholder="new_field"
              aria-label="Name of a new column"
              value={newField}
              onChange={(event) => setNewField(event.target.value.trim())}
            />
            <button
              type="submit"
              className="button button--small"
              disabled={!FIELD_NAME.test(newField) || fields.some((field) => field.name === newField)}
            >
              <Plus size={13} aria-hidden="true" /> Add column
            </button>
          </form>
        </div>
      )}
    </div>
  );
}
