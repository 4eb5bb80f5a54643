/** Step 3: the dry run running (rows read so far), then what Apply would do, in counts and in detail. */
import { ArrowLeft, CheckCheck, CloudUpload, FileDown, Gauge, LoaderCircle, TriangleAlert } from 'lucide-react';
import type { CsvDryRun, CsvImportMode, CsvProgress } from '../../../preload/contract';
import { formatCount } from '../../app/format';
import { CancelTaskButton } from './CancelTaskButton';
import { applySummary, leftOut, MODE_TEXT, percentRead } from './dry-run-summary';
import { ResultLists } from './ResultLists';
import { uploadCostText } from './upload-cost';

export function DryRunProgress({ progress, fileName }: { progress: CsvProgress | null; fileName: string }) {
  const percent = percentRead(progress);
  const rows = progress?.rows ?? 0;
  return (
    <section className="ie-section" aria-live="polite" data-testid="import-progress">
      <h2 className="ie-section__title">
        <LoaderCircle size={16} className="spin" aria-hidden="true" /> Dry run of {fileName}
      </h2>
      <div className="progress progress--cancellable">
        {percent === null ? (
          <div className="progress__bar progress__bar--busy" role="progressbar" aria-label="Dry run progress">
            <span />
          </div>
        ) : (
          <div
            className="progress__bar"
            role="progressbar"
            aria-label="Dry run progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
          >
            <span style={{ width: `${percent}%` }} />
          </div>
        )}
        <CancelTaskButton what="the dry run" />
        <span className="progress__text">
          {rows
            ? `${percent === null ? '' : `${percent}% · `}${formatCount(rows)} rows read and compared with the catalog…`
            : 'Reading the file…'}
        </span>
      </div>
    </section>
  );
}

const TILES: Array<{
  key: 'new' | 'changed' | 'unchanged' | 'invalid' | 'deleted' | 'skipped';
  label: string;
  tone: string;
}> = [
  { key: 'new', label: 'New', tone: 'ok' },
  { key: 'changed', label: 'Changed', tone: 'accent' },
  { key: 'unchanged', label: 'Unchanged', tone: 'neutral' },
  { key: 'invalid', label: 'Invalid', tone: 'bad' },
  { key: 'deleted', label: 'Deleted', tone: 'bad' },
  { key: 'skipped', label: 'Skipped', tone: 'neutral' },
];

export function DryRunResult({
  dryRun,
  mode,
  fileName,
  applying,
  onBack,
  onSaveResults,
  onApply,
  onApplyAndUpload,
}: {
  dryRun: CsvDryRun;
  mode: CsvImportMode;
  fileName: string;
  /** Which action is under way: apply alone, or apply then upload. */
  applying: 'apply' | 'upload' | null;
  onBack: () => void;
  onSaveResults: () => void;
  onApply: () => void;
  onApplyAndUpload: () => void;
}) {
  const { counts } = dryRun;
  const nothing = counts.new + counts.changed + counts.deleted === 0;
  return (
    <section className="ie-section" aria-labelledby="ie-dry-title" data-testid="import-dry-run-result">
      <div className="ie-section__head">
        <h2 id="ie-dry-title" className="ie-section__title">
          Dry run: {formatCount(dryRun.rows)} rows of {fileName}
        </h2>
        <span className="muted">{MODE_TEXT[mode].label} · nothing has changed yet</span>
      </div>
      <div className="count-tiles">
        {TILES.filter((tile) =>
          tile.key === 'deleted' ? mode === 'replace' : tile.key === 'skipped' ? counts.skipped > 0 : true,
        ).map((tile) => (
          <div
            key={tile.key}
            className={`count-tile count-tile--${tile.tone}${counts[tile.key] === 0 ? ' is-zero' : ''}`}
            data-testid={`count-${tile.key}`}
          >
            <span className="count-tile__value">{formatCount(counts[tile.key])}</span>
            <span className="count-tile__label">{tile.label}</span>
          </div>
        ))}
      </div>
      {counts.deleted > 0 && (
        <p className="ie-note ie-note--warning" role="status">
          <TriangleAlert size={14} aria-hidden="true" /> Replace deletes every item the file does not have:{' '}
          {formatCount(counts.deleted)} of{' '}
          {formatCount(counts.deleted + counts.changed + counts.unchanged + counts.skipped)} items. Check the Deletions
          list before you apply.
        </p>
      )}
      <p className="ie-summary" data-testid="apply-summary">
        {applySummary(counts)}
      </p>
      {!nothing && (
        <p className="ie-note ie-cost" data-testid="upload-cost">
          <Gauge size={14} aria-hidden="true" /> {uploadCostText(counts)}
        </p>
      )}
      {leftOut(counts, mode).length > 0 && (
        <ul className="ie-notes">
          {leftOut(counts, mode).map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <ResultLists dryRun={dryRun} />
      <div className="ie-actions">
        <button type="button" className="button" onClick={onBack} disabled={applying !== null}>
          <ArrowLeft size={15} aria-hidden="true" /> Back to columns
        </button>
        <button type="button" className="button" onClick={onSaveResults} data-testid="save-results">
          <FileDown size={15} aria-hidden="true" /> Save results file
        </button>
        <span className="spacer" />
        <button
          type="button"
          className="button"
          disabled={nothing || applying !== null}
          onClick={onApply}
          title="Apply to the catalog; sync later"
          data-testid="import-apply"
        >
          {applying === 'apply' ? (
            <LoaderCircle size={15} className="spin" aria-hidden="true" />
          ) : (
            <CheckCheck size={15} aria-hidden="true" />
          )}{' '}
          Apply
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={nothing || applying !== null}
          onClick={onApplyAndUpload}
          title="Apply to the catalog and send the changes to Doofinder at once"
          data-testid="import-apply-upload"
        >
          {applying === 'upload' ? (
            <LoaderCircle size={15} className="spin" aria-hidden="true" />
          ) : (
            <CloudUpload size={15} aria-hidden="true" />
          )}{' '}
          Apply and upload
        </button>
      </div>
    </section>
  );
}
