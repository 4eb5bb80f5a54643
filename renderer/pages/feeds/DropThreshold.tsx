/**
 * How large a drop in a type's items the health check flags (`feeds:settings`, app-wide,
 * 10% unless changed). Saved when the field is left or Enter is pressed, not per keystroke.
 */
import { useState } from 'react';
import { call, describeError } from '../../api/client';
import { useRequest } from '../../api/hooks';

export function DropThreshold() {
  const settings = useRequest('feeds:settings', {});
  const [draft, setDraft] = useState<string | null>(null);
  const [note, setNote] = useState<{ text: string; failed: boolean } | null>(null);
  const saved = settings.data?.dropPercent;
  if (saved === undefined) return null;

  function save() {
    if (draft === null) return;
    const value = Number(draft);
    if (!Number.isFinite(value) || value < 1 || value > 100) {
      setNote({ text: 'Give a percentage from 1 to 100.', failed: true });
      return;
    }
    if (value === saved) {
      setDraft(null);
      return;
    }
    call('feeds:settings', { dropPercent: value }).then(
      (next) => {
        settings.set(next);
        setDraft(null);
        setNote({ text: 'Saved: the next run is checked with it.', failed: false });
      },
      (error: unknown) => setNote({ text: `Not saved: ${describeError(error)}`, failed: true }),
    );
  }

  return (
    <div className="feeds-threshold">
      <label>
        Flag a type that loses more than{' '}
        <input
          className="input feeds-threshold__input"
          type="number"
          min={1}
          max={100}
          value={draft ?? String(saved)}
          onChange={(event) => {
            setDraft(event.target.value);
            setNote(null);
          }}
          onBlur={save}
          onKeyDown={(event) => {
            if (event.key === 'Enter') save();
          }}
          aria-describedby="feeds-threshold-note"
        />
        % of its items since the previous run
      </label>
      <span id="feeds-threshold-note" className={note?.failed ? 'text-danger' : 'muted'} role="status">
        {note?.text ?? 'An empty type and a field most items lost are always flagged.'}
      </span>
    </div>
  );
}
