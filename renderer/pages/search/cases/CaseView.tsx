/**
 * One relevance case: its means, its queries, the results of the query in hand with their
 * grades, and its runs. Grading is done with the keyboard on the results (see grading-keys.ts);
 * each grade saves at once and the metrics follow, without running anything again.
 */
import { ArrowLeft, CircleStop, LoaderCircle, Play, Plus, Settings, Trash2 } from 'lucide-react';
import { useRef, useState, type KeyboardEvent } from 'react';
import type { EngineView, RelevanceQueryView, SearchParamsView } from '../../../../preload/contract';
import { call, describeError } from '../../../api/client';
import { formatCount } from '../../../app/format';
import { defaultParams } from '../compare/default-params';
import { useSearchOptions } from '../params/use-search-options';
import { formatPrice, priceFormatOf } from '../results/price-format';
import { CaseDialog } from './CaseDialog';
import { ConfirmDelete } from './ConfirmDelete';
import { GradeLegend } from './GradeLegend';
import { gradingStep, settleCursor, type GradingCursor } from './grading-keys';
import { GradingPanel } from './GradingPanel';
import { JudgmentsFiles } from './JudgmentsFiles';
import { MetricTiles } from './MetricTiles';
import { QueryDialog } from './QueryDialog';
import { QueryList } from './QueryList';
import { RunsPanel } from './RunsPanel';
import { useRelevanceCase } from './use-relevance-case';

type Editing =
  | { kind: 'settings' }
  | { kind: 'query'; query: RelevanceQueryView | null }
  | { kind: 'delete-query'; query: RelevanceQueryView }
  | null;

/** Keys typed into a field belong to the field. */
function typingIn(target: EventTarget): boolean {
  return target instanceof HTMLElement && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName);
}

export function CaseView({
  caseId,
  engines,
  currentParams,
  onBack,
  onDeleted,
}: {
  caseId: number;
  engines: readonly EngineView[];
  currentParams?: SearchParamsView | null;
  onBack: () => void;
  onDeleted: () => void;
}) {
  const state = useRelevanceCase(caseId);
  const [cursorAt, setCursor] = useState<GradingCursor>({ query: 0, result: 0 });
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const workbench = useRef<HTMLDivElement>(null);
  const view = state.view;
  const { options } = useSearchOptions(view?.engine ?? engines[0]?.hashid ?? '');

  if (!view) {
    return state.loadError ? (
      <p className="form__error" role="alert">
        The case could not be read: {describeError(state.loadError)}{' '}
        <button type="button" className="button rel-small" onClick={onBack}>
          Back to the cases
        </button>
      </p>
    ) : (
      <p className="muted">
        <LoaderCircle size={14} className="spin inline-icon" aria-hidden="true" /> Reading the case…
      </p>
    );
  }

  const engine = engines.find((candidate) => candidate.hashid === view.engine);
  const priceFormat = priceFormatOf(options, engine?.currency ?? null);
  const counts = view.queries.map((query) => query.results.length);
  const cursor = settleCursor(cursorAt, counts);
  const current = view.queries[cursor.query];
  const running = state.running;
  const ran = view.queries.filter((query) => query.metrics !== null).length;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey || typingIn(event.target)) return;
    const step = gradingStep(event.key, cursor, counts);
    if (!step) return;
    event.preventDefault();
    setCursor(step.cursor);
    if (step.grade) {
      const query = view?.queries[step.grade.query];
      const result = query?.results[step.grade.result];
      if (query && result) state.grade(query.id, result.id, step.grade.grade);
    }
  }

  function selectQuery(index: number) {
    setCursor({ query: index, result: 0 });
    workbench.current?.focus();
  }

  async function deleteQuery(query: RelevanceQueryView) {
    setEditing(null);
    try {
      state.replace(await call('relevance:deleteQuery', { caseId: view?.id ?? caseId, id: query.id }));
    } catch (error) {
      setActionError(`“${query.query}” was not deleted: ${describeError(error)}`);
    }
  }

  async function deleteCase() {
    setDeleting(false);
    try {
      await call('relevance:deleteCase', { id: caseId });
      onDeleted();
    } catch (error) {
      setActionError(`The case was not deleted: ${describeError(error)}`);
    }
  }

  return (
    <div className="rel-page" data-testid="case-view">
      <header className="rel-case__header">
        <button type="button" className="button rel-small" onClick={onBack} data-testid="case-back">
          <ArrowLeft size={14} aria-hidden="true" /> All cases
        </button>
        <h2 data-testid="case-title">{view.name}</h2>
        <span className="muted">
          {engine?.name ?? view.engine} · k = {view.k} · relevant from grade {view.threshold} · {formatCount(view.runs)}{' '}
          {view.runs === 1 ? 'run' : 'runs'}
        </span>
        <span className="rel-spacer" />
        <button
          type="button"
          className="button rel-small"
          onClick={() => setEditing({ kind: 'settings' })}
          data-testid="case-settings"
        >
          <Settings size={14} aria-hidden="true" /> Settings
        </button>
        <button type="button" className="button rel-small" onClick={() => setDeleting(true)}>
          <Trash2 size={14} aria-hidden="true" /> Delete case
        </button>
      </header>

      <MetricTiles metrics={view.metrics} k={view.k} testId="case-metrics" />
      <p className="muted rel-help">
        Means over the {formatCount(ran)} of {formatCount(view.queries.length)} queries that have run. Ungraded results
        count as irrelevant until graded.
      </p>

      <div className="rel-toolbar">
        <button
          type="button"
          className="button"
          onClick={() => setEditing({ kind: 'query', query: null })}
          data-testid="query-add"
        >
          <Plus size={14} aria-hidden="true" /> Add query
        </button>
        {running ? (
          <>
            <button type="button" className="button" onClick={state.cancel} data-testid="case-cancel">
              <CircleStop size={14} aria-hidden="true" /> Cancel
            </button>
            <span className="rel-progress" data-testid="case-progress">
              <progress max={Math.max(1, running.total)} value={running.done} />
              <span className="muted">
                {formatCount(running.done)} of {formatCount(running.total)} queries · paced by the request budget
              </span>
            </span>
          </>
        ) : (
          <button
            type="button"
            className="button button--primary"
            disabled={view.queries.length === 0}
            onClick={() => state.run()}
            data-testid="case-run"
          >
            <Play size={14} aria-hidden="true" /> Run all
          </button>
        )}
        <span className="rel-spacer" />
        <JudgmentsFiles view={view} onImported={state.replace} />
      </div>
      {(state.error ?? actionError) && (
        <p className="form__error" role="alert" data-testid="case-error">
          {state.error ?? actionError}{' '}
          <button
            type="button"
            className="button rel-small"
            onClick={() => {
              state.clearError();
              setActionError(null);
            }}
          >
            Dismiss
          </button>
        </p>
      )}

      {view.queries.length === 0 ? (
        <div className="rel-empty" data-testid="case-empty">
          <p>
            Add the queries that matter to your shop — the top searches are a good start. Then run the case and grade
            results with 0–3 while you look at them: the metrics follow each grade.
          </p>
        </div>
      ) : (
        <div className="rel-workbench">
          <QueryList
            queries={view.queries}
            k={view.k}
            selected={cursor.query}
            running={running !== null}
            onSelect={selectQuery}
            onRun={(query) => state.run([query.id])}
            onEdit={(query) => setEditing({ kind: 'query', query })}
            onDelete={(query) => setEditing({ kind: 'delete-query', query })}
          />
          <div
            className="rel-grading-area"
            ref={workbench}
            tabIndex={0}
            onKeyDown={onKeyDown}
            aria-label="Grade results: arrow keys move, 0 to 3 grade"
            data-testid="grading-area"
          >
            <GradeLegend threshold={view.threshold} />
            {current && (
              <GradingPanel
                query={current}
                k={view.k}
                cursor={cursor.result}
                onCursor={(result) => {
                  setCursor({ query: cursor.query, result });
                  workbench.current?.focus();
                }}
                onGrade={(itemId, grade) => state.grade(current.id, itemId, grade)}
                formatPrice={(value) => formatPrice(value, priceFormat)}
              />
            )}
          </div>
        </div>
      )}

      <section className="card rel-card" aria-label="Runs">
        <header className="rel-card__header">
          <h2>Runs</h2>
        </header>
        <RunsPanel runs={state.runs} k={view.k} />
      </section>

      {editing?.kind === 'settings' && (
        <CaseDialog
          initial={{ id: view.id, name: view.name, engine: view.engine, k: view.k, threshold: view.threshold }}
          engines={engines}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            state.replace(saved);
            setEditing(null);
          }}
        />
      )}
      {editing?.kind === 'query' && (
        <QueryDialog
          caseView={view}
          queryId={editing.query?.id}
          initial={editing.query?.params ?? defaultParams()}
          currentParams={currentParams}
          engines={engines}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            state.replace(saved);
            setEditing(null);
          }}
        />
      )}
      {editing?.kind === 'delete-query' && (
        <ConfirmDelete
          title="Delete this query?"
          text={`“${editing.query.query}” and its ${formatCount(editing.query.judged)} judgments will be deleted from the case.`}
          onConfirm={() => void deleteQuery(editing.query)}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <ConfirmDelete
          title="Delete this case?"
          text={`“${view.name}”, its ${formatCount(view.queries.length)} queries, their judgments and ${formatCount(view.runs)} runs will be deleted.`}
          onConfirm={() => void deleteCase()}
          onClose={() => setDeleting(false)}
        />
      )}
    </div>
  );
}
