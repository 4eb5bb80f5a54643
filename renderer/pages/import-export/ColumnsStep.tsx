/** Step 2: how the file is read (preview), where each column goes (mapping, presets) and the mode. */
import { FlaskConical } from 'lucide-react';
import type {
  CsvDelimiter,
  CsvEncoding,
  CsvImportMode,
  CsvMapping,
  CsvPreset,
  CsvPreview,
  FieldInfo,
} from '../../../preload/contract';
import { MODE_TEXT } from './dry-run-summary';
import { applyPreset, mappedCount, mappingProblems } from './mapping-edit';
import { MappingTable } from './MappingTable';
import { PresetBar } from './PresetBar';
import { PreviewTable, ReadingOptions } from './PreviewTable';
import type { Target } from './TargetSelect';

const MODES: CsvImportMode[] = ['merge', 'replace', 'add', 'update'];

export function ColumnsStep({
  target,
  preview,
  mapping,
  fields,
  mode,
  onEncoding,
  onDelimiter,
  onMapping,
  onMode,
  onDryRun,
}: {
  target: Target;
  preview: CsvPreview;
  mapping: CsvMapping;
  fields: readonly FieldInfo[];
  mode: CsvImportMode;
  onEncoding: (encoding: CsvEncoding) => void;
  onDelimiter: (delimiter: CsvDelimiter) => void;
  onMapping: (mapping: CsvMapping) => void;
  onMode: (mode: CsvImportMode) => void;
  onDryRun: () => void;
}) {
  const problems = mappingProblems(mapping);
  const count = mappedCount(mapping);
  return (
    <>
      <section className="ie-section" aria-labelledby="ie-preview-title">
        <div className="ie-section__head">
          <h2 id="ie-preview-title" className="ie-section__title">
            The file as it is read
          </h2>
          <ReadingOptions preview={preview} onEncoding={onEncoding} onDelimiter={onDelimiter} />
        </div>
        <PreviewTable preview={preview} />
      </section>

      <section className="ie-section" aria-labelledby="ie-mapping-title">
        <div className="ie-section__head">
          <h2 id="ie-mapping-title" className="ie-section__title">
            Columns to fields
          </h2>
          <span className="muted" data-testid="mapping-count">
            {count.mapped} to existing fields · {count.added} new · {count.ignored} ignored
          </span>
        </div>
        <PresetBar
          key={`${target.engine}/${target.type}/${preview.columns.join('\t')}`}
          target={target}
          mapping={mapping}
          matched={preview.preset}
          onPick={(preset: CsvPreset | null) =>
            onMapping(preset ? applyPreset(preview.columns, preset) : preview.mapping)
          }
        />
        <MappingTable preview={preview} mapping={mapping} fields={fields} onChange={onMapping} />
        <label className="inline-field list-separator">
          <span>List values are separated by</span>
          <input
            className="input input--small input--mono"
            placeholder="%% or |"
            aria-label="List separator"
            maxLength={10}
            value={mapping.listSeparator ?? ''}
            onChange={(event) => onMapping({ ...mapping, listSeparator: event.target.value || null })}
          />
          <span className="muted">empty: “ %% ” or “|”, as Doofinder feeds write lists</span>
        </label>
      </section>

      <section className="ie-section ie-section--sticky" aria-labelledby="ie-mode-title">
        <h2 id="ie-mode-title" className="ie-section__title">
          What the import may do
        </h2>
        <div className="mode-choice" role="radiogroup" aria-label="Import mode">
          {MODES.map((candidate) => (
            <label key={candidate} className={`mode-choice__option${candidate === mode ? ' is-on' : ''}`}>
              <input
                type="radio"
                name="import-mode"
                value={candidate}
                checked={candidate === mode}
                onChange={() => onMode(candidate)}
              />
              <span className="mode-choice__label">{MODE_TEXT[candidate].label}</span>
              <span className="mode-choice__help">{MODE_TEXT[candidate].help}</span>
            </label>
          ))}
        </div>
        {problems.length > 0 && (
          <ul className="ie-problems" data-testid="mapping-problems">
            {problems.map((problem) => (
              <li key={problem} className="text-danger">
                {problem}
              </li>
            ))}
          </ul>
        )}
        <div className="ie-actions">
          <span className="muted">Nothing in the catalog changes until you apply the dry run.</span>
          <button
            type="button"
            className="button button--primary"
            disabled={problems.length > 0}
            onClick={onDryRun}
            data-testid="import-dry-run"
          >
            <FlaskConical size={15} aria-hidden="true" /> Dry run
          </button>
        </div>
      </section>
    </>
  );
}
