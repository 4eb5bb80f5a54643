/**
 * Export: a type's items (all, or only those with pending changes) as CSV, TSV or a Doofinder
 * feed file, with the columns in the grid's order. The worker streams it to a file; browser
 * mode then downloads it, the desktop app wrote it where the user chose.
 */
import { CircleCheck, Download, LoaderCircle } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { CsvDelimiter, EngineView } from '../../../preload/contract';
import { call, describeError } from '../../api/client';
import { chooseExportTarget, type ExportTarget } from '../../api/files';
import { useEvent, useRequest } from '../../api/hooks';
import { formatCount } from '../../app/format';
import { parseLayout } from '../../grid/layout';
import {
  DEFAULT_CHOICES,
  exportFileName,
  exportRequest,
  fieldsInGridOrder,
  type ExportChoices,
  type ExportFormat,
} from './export-options';
import { CancelTaskButton, wasCancelled } from './CancelTaskButton';
import { DELIMITERS } from './PreviewTable';
import { initialTarget, TargetSelect, type Target } from './TargetSelect';

const FORMATS: Array<{ value: ExportFormat; label: string; help: string }> = [
  { value: 'csv', label: 'CSV', help: 'For spreadsheets and shop imports.' },
  { value: 'tsv', label: 'TSV', help: 'Tab-separated: pastes cleanly into a sheet.' },
  { value: 'feed', label: 'Doofinder feed', help: 'Header row, | between fields, “ %% ” in lists, > in categories.' },
];

type Outcome = { target: ExportTarget; rows: number } | null;

export function ExportForm({
  engines,
  initial,
}: {
  engines: readonly EngineView[];
  initial: { engine?: string | null; type?: string | null } | null;
}) {
  const [target, setTarget] = useState<Target | null>(() => initialTarget(engines, initial));
  const [choices, setChoices] = useState(DEFAULT_CHOICES);
  const [unticked, setUnticked] = useState<Set<string> | null>(null);
  const [running, setRunning] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [stopped, setStopped] = useState(false);
  const typeRef = target ?? { engine: '_', type: '_' };
  const fields = useRequest('catalog:fields', typeRef);
  const layout = useRequest('catalog:layout', typeRef);
  const engine = engines.find((candidate) => candidate.hashid === target?.engine);
  const type = engine?.types.find((candidate) => candidate.name === target?.type);

  const columns = useMemo(
    () => fieldsInGridOrder(fields.data?.fields ?? [], parseLayout(layout.data?.layout)),
    [fields.data, layout.data],
  );
  const off = unticked ?? new Set(columns.filter((column) => !column.shown).map((column) => column.name));
  const chosen = columns.filter((column) => !off.has(column.name)).map((column) => column.name);
  const set = (change: Partial<typeof choices>) => setChoices((before) => ({ ...before, ...change }));

  useEvent('csv:progress', (progress) => {
    if (progress.task === 'export' && !progress.done && running !== null) setRunning(progress.rows);
  });

  async function run() {
    if (!target || !engine) return;
    setProblem(null);
    setOutcome(null);
    setStopped(false);
    const full: ExportChoices = { ...choices, ...target, columns: chosen.length === columns.length ? [] : chosen };
    try {
      const where = await chooseExportTarget(exportFileName(engine.name, full));
      if (!where) return;
      setRunning(0);
      const written = await call('csv:export', exportRequest(full, where.file));
      where.deliver();
      setOutcome({ target: where, rows: written.rows });
    } catch (error) {
      if (wasCancelled(error)) setStopped(true);
      else setProblem(`The export stopped: ${describeError(error)}`);
    } finally {
      setRunning(null);
    }
  }

  const total = choices.scope === 'all' ? (type?.localCount ?? null) : (type?.pendingCount ?? null);
  return (
    <div className="export-form">
      <section className="ie-section" aria-labelledby="ie-export-what">
        <h2 id="ie-export-what" className="ie-section__title">
          What to export
        </h2>
        <TargetSelect
          engines={engines}
          value={target}
          idPrefix="export"
          disabled={running !== null}
          onChange={(next) => {
            setTarget(next);
            setUnticked(null);
          }}
        />
        <div className="choice-row" role="radiogroup" aria-label="Which items">
          <label className="inline-field">
            <input
              type="radio"
              name="export-scope"
              checked={choices.scope === 'all'}
              onChange={() => set({ scope: 'all' })}
            />
            All items <span className="muted">({formatCount(type?.localCount)})</span>
          </label>
          <label className="inline-field">
            <input
              type="radio"
              name="export-scope"
              checked={choices.scope === 'pending'}
              onChange={() => set({ scope: 'pending' })}
            />
            Only items with pending changes <span className="muted">({formatCount(type?.pendingCount)})</span>
          </label>
        </div>
        <fieldset className="column-picker">
          <legend>
            Columns, in the grid’s order{' '}
            <span className="muted">
              · {chosen.length} of {columns.length}
            </span>
          </legend>
          <div className="column-picker__list">
            {columns.map((column) => (
              <label key={column.name} className="column-picker__item">
                <input
                  type="checkbox"
                  checked={!off.has(column.name)}
                  disabled={column.name === 'id'}
                  onChange={(event) => {
                    const next = new Set(off);
                    if (event.target.checked) next.delete(column.name);
                    else next.add(column.name);
                    setUnticked(next);
                  }}
                />
                <span className="mono">{column.name}</span>
              </label>
            ))}
          </div>
          <div className="column-picker__actions">
            <button type="button" className="button button--ghost button--small" onClick={() => setUnticked(new Set())}>
              All
            </button>
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => setUnticked(new Set(columns.filter((c) => c.name !== 'id').map((c) => c.name)))}
            >
              Only id
            </button>
          </div>
        </fieldset>
      </section>

      <section className="ie-section" aria-labelledby="ie-export-how">
        <h2 id="ie-export-how" className="ie-section__title">
          File format
        </h2>
        <div className="mode-choice mode-choice--three" role="radiogroup" aria-label="Format">
          {FORMATS.map((format) => (
            <label
              key={format.value}
              className={`mode-choice__option${choices.format === format.value ? ' is-on' : ''}`}
            >
              <input
                type="radio"
                name="export-format"
                checked={choices.format === format.value}
                onChange={() => set({ format: format.value })}
              />
              <span className="mode-choice__label">{format.label}</span>
              <span className="mode-choice__help">{format.help}</span>
            </label>
          ))}
        </div>
        {choices.format !== 'feed' && (
          <div className="choice-row">
            {choices.format === 'csv' && (
              <label className="inline-field">
                <span>Delimiter</span>
                <select
                  className="input input--small"
                  value={choices.delimiter}
                  onChange={(event) => set({ delimiter: event.target.value as CsvDelimiter })}
                >
                  {DELIMITERS.filter((option) => option.value !== '\t').map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label className="inline-field">
              <span>Lists joined with</span>
              <input
                className="input input--small input--mono list-joiner"
                value={choices.listJoiner}
                maxLength={10}
                aria-label="List joiner"
                onChange={(event) => set({ listJoiner: event.target.value || DEFAULT_CHOICES.listJoiner })}
              />
            </label>
            <label className="inline-field">
              <input type="checkbox" checked={choices.bom} onChange={(event) => set({ bom: event.target.checked })} />
              UTF-8 with a BOM, so Excel reads accents right
            </label>
          </div>
        )}
        {problem && (
          <p className="notice notice--danger" role="alert">
            {problem}
          </p>
        )}
        {running !== null && (
          <div className="progress progress--cancellable" data-testid="export-progress">
            <div
              className="progress__bar"
              role="progressbar"
              aria-label="Export progress"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={total ? Math.round((running / total) * 100) : 0}
            >
              <span style={{ width: `${total ? Math.min(100, (running / total) * 100) : 0}%` }} />
            </div>
            <CancelTaskButton what="the export" />
            <span className="progress__text">
              {formatCount(running)} of {formatCount(total)} items written…
            </span>
          </div>
        )}
        {stopped && (
          <p className="ie-note" role="status" data-testid="export-cancelled">
            Export cancelled: the partial file was removed.
          </p>
        )}
        {outcome && (
          <p className="ie-note ie-note--ok" role="status" data-testid="export-done">
            <CircleCheck size={14} aria-hidden="true" /> {formatCount(outcome.rows)} items written to{' '}
            {outcome.target.name} ({outcome.target.where}).{' '}
            {outcome.target.where === 'your downloads' && (
              <button type="button" className="link-button" onClick={() => outcome.target.deliver()}>
                Download again
              </button>
            )}
          </p>
        )}
        <div className="ie-actions">
          <span className="muted">
            {chosen.length} columns · {choices.scope === 'all' ? 'all items' : 'pending items'} of {type?.name ?? '–'}
          </span>
          <span className="spacer" />
          <button
            type="button"
            className="button button--primary"
            disabled={running !== null || !type || chosen.length === 0}
            onClick={() => void run()}
            data-testid="export-run"
          >
            {running !== null ? (
              <LoaderCircle size={15} className="spin" aria-hidden="true" />
            ) : (
              <Download size={15} aria-hidden="true" />
            )}{' '}
            Export
          </button>
        </div>
      </section>
    </div>
  );
}
