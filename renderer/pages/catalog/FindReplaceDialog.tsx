import { Replace } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { FieldInfo } from '../../../preload/contract';
import { call, describeError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { reportEdit } from '../../grid/grid-commands';
import type { GridController } from '../../grid/grid-controller';

/** The preview waits for typing to pause before asking the worker to count. */
const PREVIEW_DELAY_MS = 250;

interface Options {
  find: string;
  replace: string;
  field: string | null;
  matchCase: boolean;
  wholeCell: boolean;
}

function usePreview(grid: GridController, options: Options, open: boolean) {
  const [preview, setPreview] = useState<{ key: string; matches: number | null; error: string | null }>({
    key: '',
    matches: null,
    error: null,
  });
  const key = JSON.stringify([options, grid.view]);
  useEffect(() => {
    if (!open || options.find === '') return;
    let current = true;
    const timer = window.setTimeout(() => {
      call('catalog:replace', { view: grid.view, ...options, preview: true }).then(
        (answer) => current && setPreview({ key, matches: answer.matches, error: null }),
        (error: unknown) => current && setPreview({ key, matches: null, error: describeError(error) }),
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [grid, key, open, options]);
  return preview.key === key ? preview : { key, matches: null, error: null };
}

/** Find and replace over the rows of the current view (its filters and search), or one column of it. */
export function FindReplaceDialog({
  open,
  onClose,
  grid,
  fields,
  total,
}: {
  open: boolean;
  onClose: () => void;
  grid: GridController;
  fields: FieldInfo[];
  total: number | null;
}) {
  const [options, setOptions] = useState<Options>({
    find: '',
    replace: '',
    field: null,
    matchCase: false,
    wholeCell: false,
  });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const preview = usePreview(grid, options, open);
  const set = (change: Partial<Options>) => setOptions((current) => ({ ...current, ...change }));

  async function replaceAll() {
    setBusy(true);
    setProblem(null);
    try {
      const report = await call('catalog:replace', { view: grid.view, ...options, preview: false });
      reportEdit(grid, report, `Replaced ${report.matches.toLocaleString()} matches`);
      onClose();
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setBusy(false);
    }
  }

  const editable = fields.filter((field) => field.name !== 'id');
  return (
    <Dialog open={open} title="Find and replace" onClose={onClose}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void replaceAll();
        }}
      >
        <label className="field">
          <span className="field__label">Find</span>
          <input className="input" value={options.find} autoFocus onChange={(e) => set({ find: e.target.value })} />
        </label>
        <label className="field">
          <span className="field__label">Replace with</span>
          <input className="input" value={options.replace} onChange={(e) => set({ replace: e.target.value })} />
        </label>
        <label className="field">
          <span className="field__label">In</span>
          <select
            className="input"
            value={options.field ?? ''}
            onChange={(e) => set({ field: e.target.value === '' ? null : e.target.value })}
          >
            <option value="">Every column</option>
            {editable.map((field) => (
              <option key={field.name} value={field.name}>
                {field.name}
              </option>
            ))}
          </select>
        </label>
        <div className="checks">
          <label>
            <input type="checkbox" checked={options.matchCase} onChange={(e) => set({ matchCase: e.target.checked })} />{' '}
            Match case
          </label>
          <label>
            <input type="checkbox" checked={options.wholeCell} onChange={(e) => set({ wholeCell: e.target.checked })} />{' '}
            Whole cell only
          </label>
        </div>
        <p className="muted" data-testid="replace-preview" aria-live="polite">
          {options.find === ''
            ? `Looks through the ${total === null ? '' : `${total.toLocaleString()} `}items of the current view (its filters and search).`
            : preview.error
              ? preview.error
              : preview.matches === null
                ? 'Counting…'
                : `${preview.matches.toLocaleString()} ${preview.matches === 1 ? 'match' : 'matches'} in the current view.`}
        </p>
        {problem && <p className="form__error">{problem}</p>}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || options.find === '' || preview.matches === 0}
          >
            <Replace size={15} aria-hidden="true" /> Replace all
          </button>
        </div>
      </form>
    </Dialog>
  );
}
