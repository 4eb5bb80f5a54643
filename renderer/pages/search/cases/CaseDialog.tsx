/** A case's name, engine, k and relevance threshold: for a new case and for changing one. */
import { useState, type FormEvent } from 'react';
import type { EngineView, RelevanceCaseView } from '../../../../preload/contract';
import { call, describeError } from '../../../api/client';
import { Dialog } from '../../../components/Dialog';

export interface CaseSettings {
  id?: number;
  name: string;
  engine: string;
  k: number;
  threshold: number;
}

export function CaseDialog({
  initial,
  engines,
  onClose,
  onSaved,
}: {
  initial: CaseSettings;
  engines: readonly EngineView[];
  onClose: () => void;
  onSaved: (view: RelevanceCaseView) => void;
}) {
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isNew = initial.id === undefined;

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSaved(await call('relevance:saveCase', { ...draft, name: draft.name.trim() }));
    } catch (reason) {
      setError(describeError(reason));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open title={isNew ? 'New relevance case' : `Case settings: ${initial.name}`} onClose={onClose}>
      <form className="form" onSubmit={(event) => void save(event)} data-testid="case-dialog">
        <label className="field">
          <span className="field__label">Name</span>
          <input
            className="input"
            value={draft.name}
            maxLength={120}
            required
            autoFocus
            placeholder="e.g. Top 20 searches"
            onChange={(event) => setDraft({ ...draft, name: event.target.value })}
            data-testid="case-name"
          />
        </label>
        <label className="field">
          <span className="field__label">Search engine</span>
          <select
            className="input"
            value={draft.engine}
            onChange={(event) => setDraft({ ...draft, engine: event.target.value })}
            data-testid="case-engine"
          >
            {engines.map((engine) => (
              <option key={engine.hashid} value={engine.hashid}>
                {engine.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">k: how many top results count</span>
          <input
            className="input"
            type="number"
            min={1}
            max={100}
            value={draft.k}
            onChange={(event) => setDraft({ ...draft, k: Math.round(Number(event.target.value) || 1) })}
            data-testid="case-k"
          />
          <span className="field__help">The metrics look at the first k results; 10 is a first page.</span>
        </label>
        <label className="field">
          <span className="field__label">Relevant from grade</span>
          <select
            className="input"
            value={draft.threshold}
            onChange={(event) => setDraft({ ...draft, threshold: Number(event.target.value) })}
            data-testid="case-threshold"
          >
            <option value={1}>1 (fair) and above</option>
            <option value={2}>2 (good) and above</option>
            <option value={3}>3 (perfect) only</option>
          </select>
          <span className="field__help">
            P@k and RR count a result as relevant from this grade; nDCG and ERR use the grade itself.
          </span>
        </label>
        {error && (
          <p className="form__error" role="alert">
            The case was not saved: {error}
          </p>
        )}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || draft.name.trim() === ''}
            data-testid="case-save"
          >
            {isNew ? 'Create case' : 'Save'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
