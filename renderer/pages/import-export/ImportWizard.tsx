/**
 * The import, step by step: file -> columns -> dry run -> applied (and synced). The worker
 * does the reading and comparing (csv:* channels); this keeps the user's choices and shows
 * where they are. A dry run the user leaves without applying is discarded.
 */
import { FileText, X } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  CsvDelimiter,
  CsvDryRun,
  CsvEncoding,
  CsvImportMode,
  CsvMapping,
  CsvPreview,
  CsvProgress,
  EditReport,
  EngineView,
} from '../../../preload/contract';
import { call, describeError } from '../../api/client';
import { chooseExportTarget, importSourceOf, pickImportFile, type ImportSource } from '../../api/files';
import { useEvent, useRequest } from '../../api/hooks';
import { formatCount } from '../../app/format';
import { openType } from '../catalog/catalog-route';
import { useSync } from '../catalog/use-sync';
import type { PageProps } from '../page-props';
import { AppliedStep } from './AppliedStep';
import { wasCancelled } from './CancelTaskButton';
import { ColumnsStep } from './ColumnsStep';
import { DryRunProgress, DryRunResult } from './DryRunStep';
import { resultsFileName } from './export-options';
import { FileStep } from './FileStep';
import { clearImportHandoff, type ImportHandoff } from './import-handoff';
import { ResumeUploadBanner } from './ResumeUploadBanner';
import { initialTarget, type Target } from './TargetSelect';
import { rememberUpload } from './upload-resume';

type Step = 'file' | 'columns' | 'dryRun' | 'applied';

const STEPS: Array<{ id: Step; label: string }> = [
  { id: 'file', label: 'File' },
  { id: 'columns', label: 'Columns' },
  { id: 'dryRun', label: 'Dry run' },
  { id: 'applied', label: 'Apply and sync' },
];

/** Rows read for the preview and the mapping's sample values. */
const PREVIEW_ROWS = 20;

function Stepper({
  step,
  reachable,
  onStep,
}: {
  step: Step;
  reachable: (step: Step) => boolean;
  onStep: (step: Step) => void;
}) {
  const at = STEPS.findIndex((candidate) => candidate.id === step);
  return (
    <ol className="stepper" aria-label="Import steps">
      {STEPS.map((candidate, index) => (
        <li key={candidate.id} className={index < at ? 'is-done' : index === at ? 'is-current' : undefined}>
          <button
            type="button"
            disabled={index === at || !reachable(candidate.id)}
            aria-current={index === at ? 'step' : undefined}
            onClick={() => onStep(candidate.id)}
          >
            <span className="stepper__number">{index + 1}</span> {candidate.label}
          </button>
        </li>
      ))}
    </ol>
  );
}

function sizeText(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes < 1024 * 1024) return ` · ${formatCount(Math.ceil(bytes / 1024))} KB`;
  return ` · ${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function ImportWizard({
  engines,
  handoff,
  onHandoffTaken,
  navigate,
}: {
  engines: readonly EngineView[];
  handoff: ImportHandoff | null;
  /** The dropped file is taken: the page lets go of it (another account's wizard starts empty). */
  onHandoffTaken: () => void;
  navigate: PageProps['navigate'];
}) {
  const [target, setTarget] = useState<Target | null>(() => initialTarget(engines, handoff));
  const [source, setSource] = useState<ImportSource | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState<{ encoding?: CsvEncoding; delimiter?: CsvDelimiter }>({});
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [mapping, setMapping] = useState<CsvMapping | null>(null);
  const [mode, setMode] = useState<CsvImportMode>('merge');
  const [step, setStep] = useState<Step>('file');
  const [readProgress, setReadProgress] = useState<CsvProgress | null>(null);
  const [dryRun, setDryRun] = useState<CsvDryRun | null>(null);
  const [applying, setApplying] = useState<'apply' | 'upload' | null>(null);
  const [applied, setApplied] = useState<{ report: EditReport; undone: boolean; uploaded: boolean } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const sync = useSync();
  const fields = useRequest('catalog:fields', target ?? { engine: '_', type: '_' });
  const staged = useRef<number | null>(null);

  /** Drops the staged rows of a dry run that was not applied (best effort: they are pruned anyway). */
  const discardStaged = useCallback(() => {
    const importId = staged.current;
    staged.current = null;
    if (importId !== null) void call('csv:discard', { importId }).catch(() => undefined);
  }, []);
  useEffect(() => discardStaged, [discardStaged]);

  const accept = useCallback(
    async (make: () => Promise<ImportSource | null>) => {
      setProblem(null);
      try {
        const next = await make();
        if (!next) return;
        discardStaged();
        setSource(next);
        setReading({});
        setPreview(null);
        setDryRun(null);
        setApplied(null);
      } catch (error) {
        setProblem(describeError(error));
      } finally {
        setBusy(null);
      }
    },
    [discardStaged],
  );

  // A file dropped on the Catalog page arrives once, with its engine and type.
  const handed = useRef(false);
  useEffect(() => {
    if (!handoff || handed.current) return;
    handed.current = true;
    clearImportHandoff(handoff);
    onHandoffTaken();
    setBusy(`Reading ${handoff.file.name}…`);
    void accept(() => importSourceOf(handoff.file));
  }, [handoff, accept, onHandoffTaken]);

  // Preview (and proposed mapping) whenever the file, the target or the reading choices change.
  const engine = target?.engine;
  const type = target?.type;
  useEffect(() => {
    if (!source || !engine || !type) return;
    let current = true;
    call('csv:preview', { file: source.file, engine, type, rows: PREVIEW_ROWS, ...reading }).then(
      (next) => {
        if (!current) return;
        setPreview(next);
        // Keep the user's mapping when only the reading changed and the header is the same.
        setMapping((before) =>
          before &&
          before.columns.map((c) => c.column).join('\t') === next.columns.join('\t') &&
          Object.keys(reading).length > 0
            ? before
            : next.mapping,
        );
        setStep((at) => (at === 'file' ? 'columns' : at));
      },
      (error: unknown) => {
        if (!current) return;
        setPreview(null);
        setStep('file');
        setProblem(`${source.name} could not be read: ${describeError(error)}`);
      },
    );
    return () => {
      current = false;
    };
  }, [source, engine, type, reading]);

  useEvent('csv:progress', (progress) => {
    if (progress.task === 'dryRun' && progress.file === source?.file && !progress.done) setReadProgress(progress);
  });

  async function runDryRun() {
    if (!source || !target || !preview || !mapping) return;
    discardStaged();
    setProblem(null);
    setNotice(null);
    setDryRun(null);
    setApplied(null);
    setReadProgress(null);
    setStep('dryRun');
    try {
      const result = await call('csv:dryRun', {
        file: source.file,
        engine: target.engine,
        type: target.type,
        mode,
        mapping,
        encoding: preview.dialect.encoding,
        delimiter: preview.dialect.delimiter,
      });
      staged.current = result.importId;
      setDryRun(result);
    } catch (error) {
      setStep('columns');
      if (wasCancelled(error)) setNotice('Dry run cancelled: nothing was staged and no item changed.');
      else setProblem(`The dry run stopped: ${describeError(error)}`);
    }
  }

  /** Apply, and with `upload` send the type's changes to Doofinder at once (resumable after a restart). */
  async function apply(upload: boolean) {
    if (!dryRun || !target) return;
    setApplying(upload ? 'upload' : 'apply');
    setProblem(null);
    setNotice(null);
    try {
      const report = await call('csv:apply', { importId: dryRun.importId });
      staged.current = null;
      setApplied({ report, undone: false, uploaded: upload });
      setStep('applied');
      if (upload) {
        rememberUpload(target);
        await sync.start(target);
      }
    } catch (error) {
      setProblem(`The import was not applied: ${describeError(error)}`);
    } finally {
      setApplying(null);
    }
  }

  async function undo() {
    if (!applied) return;
    setProblem(null);
    try {
      const state = await call('catalog:undoState');
      // By id: another action can have the same words (importing the same file twice, say).
      if (!state.canUndo || state.undoActionId === null || state.undoActionId !== applied.report.actionId) {
        setProblem(
          `The last action is now “${state.undoSummary ?? 'nothing'}”, not this import: undo it from the Catalog page’s history instead.`,
        );
        return;
      }
      await call('catalog:undo');
      setApplied({ ...applied, undone: true });
    } catch (error) {
      setProblem(`The import could not be undone: ${describeError(error)}`);
    }
  }

  async function saveResults(stage: 'dryRun' | 'sync') {
    if (!dryRun || !source) return;
    setProblem(null);
    try {
      const where = await chooseExportTarget(resultsFileName(source.name, stage));
      if (!where) return;
      const written = await call('csv:results', { importId: dryRun.importId, file: where.file, stage });
      where.deliver();
      setNotice(
        `Results file saved to ${where.where}: ${formatCount(written.rows)} rows (line, id, outcome, message).`,
      );
    } catch (error) {
      setProblem(`The results file could not be written: ${describeError(error)}`);
    }
  }

  function reachable(next: Step): boolean {
    if (step === 'dryRun' && !dryRun) return false; // running
    if (step === 'applied') return next === 'file';
    if (next === 'columns') return preview !== null;
    if (next === 'dryRun') return dryRun !== null;
    return next === 'file';
  }

  function goTo(next: Step) {
    setNotice(null);
    if (next === 'file' && step === 'applied') startOver();
    else setStep(next);
  }

  function startOver() {
    discardStaged();
    setNotice(null);
    setProblem(null);
    setSource(null);
    setPreview(null);
    setMapping(null);
    setDryRun(null);
    setApplied(null);
    setStep('file');
  }

  return (
    <div className="import-wizard" data-step={step}>
      <div className="wizard-bar">
        <Stepper step={step} reachable={reachable} onStep={goTo} />
        {source && (
          <span className="wizard-bar__file" data-testid="import-file">
            <FileText size={14} aria-hidden="true" /> <b>{source.name}</b>
            <span className="muted">
              {sizeText(source.size)} → {engines.find((e) => e.hashid === target?.engine)?.name} › {target?.type}
            </span>
            {step !== 'dryRun' || dryRun ? (
              <button
                type="button"
                className="button button--icon button--small"
                aria-label="Choose another file"
                title="Choose another file"
                onClick={startOver}
              >
                <X size={14} aria-hidden="true" />
              </button>
            ) : null}
          </span>
        )}
      </div>

      {step !== 'applied' && (
        <ResumeUploadBanner
          sync={sync}
          onReview={(scope) => {
            navigate('catalog');
            openType(scope.engine, scope.type);
          }}
        />
      )}
      {problem && (
        <p className="notice notice--danger ie-problem" role="alert" data-testid="import-problem">
          {problem}
        </p>
      )}
      {notice && (
        <p className="ie-note ie-note--ok" role="status">
          {notice}
        </p>
      )}

      {step === 'file' && (
        <FileStep
          engines={engines}
          target={target}
          onTarget={(next) => {
            setTarget(next);
            setPreview(null);
          }}
          busy={busy ?? (source && !preview ? `Reading ${source.name}…` : null)}
          onPick={() =>
            void accept(() => pickImportFile((file) => setBusy(`Uploading ${file.name}${sizeText(file.size)}…`)))
          }
          onDrop={(file, names) => {
            if (!file) {
              setProblem(`${names.join(', ') || 'That'} cannot be imported: drop a .csv, .tsv or .txt file.`);
              return;
            }
            setBusy(`Reading ${file.name}…`);
            void accept(() => importSourceOf(file));
          }}
        />
      )}
      {step === 'columns' && target && preview && mapping && (
        <ColumnsStep
          target={target}
          preview={preview}
          mapping={mapping}
          fields={fields.data?.fields ?? []}
          mode={mode}
          onEncoding={(encoding) => setReading((before) => ({ ...before, encoding }))}
          onDelimiter={(delimiter) => setReading((before) => ({ ...before, delimiter }))}
          onMapping={setMapping}
          onMode={setMode}
          onDryRun={() => void runDryRun()}
        />
      )}
      {step === 'dryRun' && !dryRun && <DryRunProgress progress={readProgress} fileName={source?.name ?? 'the file'} />}
      {step === 'dryRun' && dryRun && (
        <DryRunResult
          dryRun={dryRun}
          mode={mode}
          fileName={source?.name ?? 'the file'}
          applying={applying}
          onBack={() => goTo('columns')}
          onSaveResults={() => void saveResults('dryRun')}
          onApply={() => void apply(false)}
          onApplyAndUpload={() => void apply(true)}
        />
      )}
      {step === 'applied' && applied && target && (
        <AppliedStep
          target={target}
          report={applied.report}
          undone={applied.undone}
          uploaded={applied.uploaded}
          sync={sync}
          onUndo={() => void undo()}
          onAgain={() => void runDryRun()}
          onSaveResults={() => void saveResults('sync')}
          onOpenGrid={() => {
            if (!target) return;
            navigate('catalog');
            openType(target.engine, target.type);
          }}
        />
      )}
    </div>
  );
}
