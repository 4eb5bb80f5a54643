import { Plus } from 'lucide-react';
import { useState } from 'react';
import { call, describeError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { reportEdit } from '../../grid/grid-commands';
import type { GridController } from '../../grid/grid-controller';

/** The id rule of the contract (`catalog:create`). */
const ID_PATTERN = /^[\w-]{1,200}$/;

/** A suggestion that is unlikely to be taken: the copied id, or the type, with a short time stamp. */
function suggestId(type: string, copyOf: string | null): string {
  const stamp = Date.now().toString(36).slice(-5);
  return `${(copyOf ?? type).replace(/[^\w-]/g, '-').slice(0, 180)}-${copyOf ? 'copy-' : ''}${stamp}`;
}

/** Add an item (with a unique id), or duplicate one (`copyOf`): it is new until synced. */
export function NewItemDialog({
  grid,
  copyOf,
  onClose,
}: {
  grid: GridController;
  copyOf: string | null;
  onClose: (createdId: string | null) => void;
}) {
  const [id, setId] = useState(() => suggestId(grid.type, copyOf));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const invalid = !ID_PATTERN.test(id);

  async function create() {
    setBusy(true);
    setProblem(null);
    try {
      const report = await call('catalog:create', { engine: grid.engine, type: grid.type, id, copyOf });
      reportEdit(grid, report, copyOf ? `Duplicated ${copyOf} as ${id}` : `Added ${id}`);
      onClose(id);
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open title={copyOf ? `Duplicate ${copyOf}` : 'Add an item'} onClose={() => onClose(null)}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!invalid) void create();
        }}
      >
        <label className="field">
          <span className="field__label">Id of the new item</span>
          <input
            className="input input--mono"
            value={id}
            autoFocus
            aria-invalid={invalid || undefined}
            onChange={(event) => setId(event.target.value)}
          />
          <span className="field__help">
            Letters, digits, _ and - only; it must not be used by another item of this type.
            {copyOf ? ' Every other field is copied.' : ''}
          </span>
        </label>
        {problem && <p className="form__error">{problem}</p>}
        <div className="form__actions">
          <button type="button" className="button" onClick={() => onClose(null)}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy || invalid}>
            <Plus size={15} aria-hidden="true" /> {copyOf ? 'Duplicate' : 'Add item'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
