/** Named mappings per engine and type: pick one, save the current one, delete one. */
import { Bookmark, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { CsvMapping, CsvPreset } from '../../../preload/contract';
import { call, describeError } from '../../api/client';
import { useRequest } from '../../api/hooks';
import type { Target } from './TargetSelect';

export function PresetBar({
  target,
  mapping,
  matched,
  onPick,
}: {
  target: Target;
  mapping: CsvMapping;
  /** The preset the worker picked because it was made for this header. */
  matched: string | null;
  onPick: (preset: CsvPreset | null) => void;
}) {
  const presets = useRequest('csv:presets', target);
  const [chosen, setChosen] = useState<string>(matched ?? '');
  const [name, setName] = useState(matched ?? '');
  const [message, setMessage] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null);
  // The matched preset is an option before the list has loaded, so the select never shows it blank.
  const loaded = presets.data?.presets ?? [];
  const list =
    matched && !loaded.some((preset) => preset.name === matched)
      ? [...loaded, { name: matched, mapping, savedAt: '' }]
      : loaded;

  async function save() {
    try {
      const saved = await call('csv:savePreset', { ...target, name: name.trim(), mapping });
      presets.reload();
      setChosen(saved.name);
      setMessage({
        tone: 'ok',
        text: `Saved as “${saved.name}”: a file with this header gets it by itself next time.`,
      });
    } catch (error) {
      setMessage({ tone: 'bad', text: `The preset could not be saved: ${describeError(error)}` });
    }
  }

  async function remove() {
    try {
      await call('csv:deletePreset', { ...target, name: chosen });
      setMessage({ tone: 'ok', text: `Preset “${chosen}” deleted.` });
      setChosen('');
      presets.reload();
    } catch (error) {
      setMessage({ tone: 'bad', text: `The preset could not be deleted: ${describeError(error)}` });
    }
  }

  return (
    <div className="preset-bar">
      <label className="inline-field">
        <Bookmark size={14} aria-hidden="true" />
        <span>Preset</span>
        <select
          className="input input--small"
          value={chosen}
          data-testid="import-preset"
          onChange={(event) => {
            setChosen(event.target.value);
            setMessage(null);
            onPick(list.find((preset) => preset.name === event.target.value) ?? null);
          }}
        >
          <option value="">None: matched by column names</option>
          {list.map((preset) => (
            <option key={preset.name} value={preset.name}>
              {preset.name}
            </option>
          ))}
        </select>
      </label>
      {chosen && (
        <button type="button" className="button button--ghost button--small" onClick={() => void remove()}>
          <Trash2 size={13} aria-hidden="true" /> Delete
        </button>
      )}
      {matched && chosen === matched && <span className="pill pill--accent">made for this header</span>}
      <span className="spacer" />
      <form
        className="inline-field"
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim()) void save();
        }}
      >
        <input
          className="input input--small"
          placeholder="Preset name, e.g. Supplier monthly"
          aria-label="Preset name"
          maxLength={80}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button button--small" disabled={!name.trim()}>
          Save mapping as preset
        </button>
      </form>
      {message && (
        <p className={`preset-bar__message ${message.tone === 'ok' ? 'text-success' : 'text-danger'}`} role="status">
          {message.text}
        </p>
      )}
    </div>
  );
}
