/**
 * Relevance cases: named sets of queries with graded results, run when the user asks, so a
 * change to the catalog or the engine shows per query as better or worse. The list of cases,
 * or one case open.
 */
import { LoaderCircle } from 'lucide-react';
import { useState } from 'react';
import type { EngineView, RelevanceCaseSummary, SearchParamsView } from '../../../../preload/contract';
import { call, describeError } from '../../../api/client';
import { useEvent, useRequest } from '../../../api/hooks';
import { CaseDialog, type CaseSettings } from './CaseDialog';
import { CaseList } from './CaseList';
import { CaseView } from './CaseView';
import { ConfirmDelete } from './ConfirmDelete';
import '../../../styles/relevance.css';

export interface CasesTabProps {
  engine: string;
  engines: EngineView[];
  /** The Search tab's parameters, offered when adding a query. */
  currentParams?: SearchParamsView | null;
}

export function CasesTab({ engine, engines, currentParams }: CasesTabProps) {
  const cases = useRequest('relevance:cases');
  const [open, setOpen] = useState<number | null>(null);
  const [dialog, setDialog] = useState<CaseSettings | null>(null);
  const [deleting, setDeleting] = useState<RelevanceCaseSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A run ending anywhere changes a case's means and run count in the list.
  useEvent('relevance:progress', (run) => {
    if (run.state !== 'running' && open === null) cases.reload();
  });

  async function rename(summary: RelevanceCaseSummary) {
    setError(null);
    try {
      const view = await call('relevance:case', { id: summary.id });
      setDialog({ id: view.id, name: view.name, engine: view.engine, k: view.k, threshold: view.threshold });
    } catch (reason) {
      setError(`The case could not be read: ${describeError(reason)}`);
    }
  }

  async function remove(summary: RelevanceCaseSummary) {
    setDeleting(null);
    try {
      await call('relevance:deleteCase', { id: summary.id });
      cases.reload();
    } catch (reason) {
      setError(`“${summary.name}” was not deleted: ${describeError(reason)}`);
    }
  }

  if (open !== null) {
    return (
      <CaseView
        key={open}
        caseId={open}
        engines={engines}
        currentParams={currentParams}
        onBack={() => {
          setOpen(null);
          cases.reload();
        }}
        onDeleted={() => {
          setOpen(null);
          cases.reload();
        }}
      />
    );
  }

  return (
    <div className="rel-page" data-testid="cases-tab">
      {cases.data ? (
        <CaseList
          cases={cases.data.cases}
          engines={engines}
          onOpen={setOpen}
          onNew={() => setDialog({ name: '', engine, k: 10, threshold: 1 })}
          onRename={(summary) => void rename(summary)}
          onDelete={setDeleting}
        />
      ) : cases.error ? (
        <p className="form__error" role="alert">
          The relevance cases could not be read: {describeError(cases.error)}
        </p>
      ) : (
        <p className="muted">
          <LoaderCircle size={14} className="spin inline-icon" aria-hidden="true" /> Reading the cases…
        </p>
      )}
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      {dialog && (
        <CaseDialog
          initial={dialog}
          engines={engines}
          onClose={() => setDialog(null)}
          onSaved={(view) => {
            setDialog(null);
            cases.reload();
            // A new case opens at once: adding its queries is the next thing to do.
            if (dialog.id === undefined) setOpen(view.id);
          }}
        />
      )}
      {deleting && (
        <ConfirmDelete
          title="Delete this case?"
          text={`“${deleting.name}”, its ${deleting.queries} queries, their judgments and ${deleting.runs} runs will be deleted.`}
          onConfirm={() => void remove(deleting)}
          onClose={() => setDeleting(null)}
        />
      )}
    </div>
  );
}
