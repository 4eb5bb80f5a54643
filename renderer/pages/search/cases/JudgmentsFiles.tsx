/**
 * Judgments in and out as CSV (`query,id,grade`), so they can come from a spreadsheet or
 * another relevance tool: the same file flow as the rest of the app (OS dialogs in the desktop
 * app, upload and download in browser mode). Import problems are listed with their line.
 */
import { Download, LoaderCircle, Upload } from 'lucide-react';
import { useState } from 'react';
import type { CsvProblem, RelevanceCaseView } from '../../../../preload/contract';
import { call, describeError } from '../../../api/client';
import { chooseExportTarget, pickImportFile } from '../../../api/files';
import { formatCount } from '../../../app/format';

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\w]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'case'
  );
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

export function judgmentsFileName(caseName: string): string {
  return `${slug(caseName)}-judgments.csv`;
}

interface Outcome {
  tone: 'ok' | 'partial' | 'failed';
  text: string;
  problems: CsvProblem[];
}

const TONE_CLASS: Record<Outcome['tone'], string> = { ok: 'muted', partial: 'text-warning', failed: 'text-danger' };

function ProblemList({ problems }: { problems: readonly CsvProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="rel-problems" data-testid="judgments-problems">
      {problems.slice(0, 50).map((problem, index) => (
        <li key={`${problem.line}-${index}`} className={problem.severity === 'error' ? 'text-danger' : 'text-warning'}>
          Line {problem.line}
          {problem.columnName ? ` (${problem.columnName})` : ''}: {problem.reason}
        </li>
      ))}
      {problems.length > 50 && <li className="muted">and {formatCount(problems.length - 50)} more</li>}
    </ul>
  );
}

export function JudgmentsFiles({
  view,
  onImported,
}: {
  view: RelevanceCaseView;
  onImported: (view: RelevanceCaseView) => void;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function exportCsv() {
    setOutcome(null);
    try {
      const where = await chooseExportTarget(judgmentsFileName(view.name));
      if (!where) return;
      setBusy('Writing…');
      const written = await call('relevance:export', { caseId: view.id, file: where.file });
      where.deliver();
      setOutcome({ tone: 'ok', text: `${count(written.rows, 'judgment')} written to ${where.name}`, problems: [] });
    } catch (error) {
      setOutcome({ tone: 'failed', text: `The export stopped: ${describeError(error)}`, problems: [] });
    } finally {
      setBusy(null);
    }
  }

  async function importCsv() {
    setOutcome(null);
    try {
      const source = await pickImportFile((file) => setBusy(`Uploading ${file.name}…`));
      if (!source) return;
      setBusy(`Reading ${source.name}…`);
      const answer = await call('relevance:import', { caseId: view.id, file: source.file });
      onImported(answer.case);
      const errors = answer.problems.filter((problem) => problem.severity === 'error').length;
      const added = answer.queriesAdded > 0 ? `, ${count(answer.queriesAdded, 'new query', 'new queries')} added` : '';
      const skipped = errors > 0 ? `; ${count(errors, 'line')} skipped` : '';
      setOutcome({
        tone: errors === 0 ? 'ok' : 'partial',
        text: `${count(answer.judgments, 'judgment')} read from ${source.name}${added}${skipped}`,
        problems: answer.problems,
      });
    } catch (error) {
      setOutcome({ tone: 'failed', text: `The import stopped: ${describeError(error)}`, problems: [] });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="rel-files">
      <button
        type="button"
        className="button rel-small"
        disabled={busy !== null}
        onClick={() => void importCsv()}
        title="A CSV with a header row and the columns query, id, grade (0–3)"
        data-testid="judgments-import"
      >
        <Upload size={14} aria-hidden="true" /> Import judgments
      </button>
      <button
        type="button"
        className="button rel-small"
        disabled={busy !== null}
        onClick={() => void exportCsv()}
        data-testid="judgments-export"
      >
        <Download size={14} aria-hidden="true" /> Export judgments
      </button>
      {busy && (
        <span className="muted">
          <LoaderCircle size={14} className="spin inline-icon" aria-hidden="true" /> {busy}
        </span>
      )}
      {outcome && (
        <div className="rel-files__outcome" role="status" data-testid="judgments-outcome">
          <span className={TONE_CLASS[outcome.tone]}>{outcome.text}</span>
          <ProblemList problems={outcome.problems} />
        </div>
      )}
    </div>
  );
}
