/**
 * The Search tab: the query box, every parameter, the results with facets, the raw request and
 * response, and tracking events. Parameters that break a limit of the document are explained
 * next to their field and nothing is sent; an error Doofinder or the worker pins on a field is
 * shown there too; anything else is a banner above the results.
 */
import { SearchX } from 'lucide-react';
import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import type { EngineView, SearchParamsView, SearchResultView } from '../../../../preload/contract';
import { ApiError, describeError } from '../../../api/client';
import type { PageId } from '../../../app/pages';
import { EventsPanel } from '../events/EventsPanel';
import { ResultEvents } from '../events/ResultEvents';
import { useTracking } from '../events/use-tracking';
import { FacetsPanel } from '../facets/FacetsPanel';
import { fieldOfError, messagesAt } from '../params/field-errors';
import { ParamsPanel } from '../params/ParamsPanel';
import { emptyForm, formToParams, type FieldProblem, type SearchForm } from '../params/search-form';
import { useSearchOptions } from '../params/use-search-options';
import { OptionsDetails } from '../raw/OptionsDetails';
import { RawPanel } from '../raw/RawPanel';
import { ColumnChooser } from '../results/ColumnChooser';
import { priceFormatOf } from '../results/price-format';
import { availableColumns } from '../results/result-columns';
import { ResultList } from '../results/ResultList';
import { readSearchMemory, rememberSearch } from '../search-memory';
import { AnswerSummary } from './AnswerSummary';
import { ErrorBanner } from './ErrorBanner';
import { QueryBar } from './QueryBar';
import { SearchHint } from './SearchHint';
import { useSearchRun } from './use-search-run';

export interface SearchTabProps {
  engine: EngineView;
  engines: readonly EngineView[];
  navigate: (page: PageId) => void;
  /** The tab is the one shown (its keys are live). */
  active: boolean;
  /** The parameters as they would be sent now (null while there is no query or a limit is broken). */
  onParams?: (params: SearchParamsView | null) => void;
}

function useColumns(engine: string): [string[], (columns: string[]) => void] {
  const [columns, setColumns] = useState(() => readSearchMemory().columns[engine] ?? []);
  const update = (next: string[]) => {
    setColumns(next);
    rememberSearch({ columns: { ...readSearchMemory().columns, [engine]: next } });
  };
  return [columns, update];
}

export function SearchTab({ engine, navigate, active, onParams: reportParams }: SearchTabProps) {
  const [form, setForm] = useState<SearchForm>(emptyForm);
  const { options, error: optionsError } = useSearchOptions(engine.hashid);
  const run = useSearchRun(engine.hashid);
  const [columns, setColumns] = useColumns(engine.hashid);
  const [amount, setAmount] = useState(1);
  const tracking = useTracking(engine.hashid, run.sent?.query ?? form.query);
  const immediate = useRef(false);
  const resultsArea = useRef<HTMLDivElement>(null);

  const { params, problems } = useMemo(() => formToParams(form), [form]);
  const paramsKey = JSON.stringify(params);
  const blocked = problems.length > 0;

  const onParams = useEffectEvent(() => {
    const now = immediate.current;
    immediate.current = false;
    if (params.query.trim() === '') run.scheduler.schedule(null);
    else if (blocked) run.scheduler.hold();
    else run.scheduler.schedule(params, now);
    reportParams?.(params.query.trim() === '' || blocked ? null : params);
  });
  useEffect(() => onParams(), [paramsKey, blocked]);

  function change(next: SearchForm, now = false) {
    immediate.current = now;
    setForm(next);
  }
  function searchNow() {
    if (params.query.trim() !== '' && !blocked) run.scheduler.schedule(params, true);
  }
  function focusResults() {
    resultsArea.current?.querySelector<HTMLElement>('[data-testid="search-result"][tabindex="0"]')?.focus();
  }

  const error = run.error;
  const pinned = error instanceof ApiError ? fieldOfError(error.details, form) : null;
  const allProblems: FieldProblem[] =
    pinned && error instanceof ApiError ? [...problems, { at: pinned, message: error.message }] : problems;
  const answer = run.answer;
  const priceFormat = useMemo(() => priceFormatOf(options, engine.currency), [options, engine.currency]);
  const known = useMemo(() => (options?.fields ?? []).map((field) => field.name), [options]);
  const columnChoices = useMemo(() => availableColumns(answer?.results ?? [], known), [answer, known]);
  const typing = form.query.trim() !== '';
  // Results for other parameters than those set now (a search going, refused or held) are shown faded.
  const stale = answer !== null && (run.loading || error !== null || JSON.stringify(run.sent) !== paramsKey);

  return (
    <div className="search-tester" data-testid="search-tester">
      <QueryBar
        query={form.query}
        onQuery={(query) => change({ ...form, query, page: '1' })}
        onSearchNow={searchNow}
        onLeaveDown={focusResults}
        loading={run.loading}
        messages={messagesAt(allProblems, { field: 'query' })}
        active={active}
      />
      <div className="search-tester__layout">
        <aside className="search-tester__params">
          <ParamsPanel
            form={form}
            onChange={(next) => change(next)}
            options={options}
            types={engine.types.map((type) => type.name)}
            problems={allProblems}
            facets={answer?.facets ?? []}
            answeredBy={answer?.queryName ?? null}
          />
        </aside>
        <div className="search-tester__results" ref={resultsArea}>
          {error !== null && !pinned && (
            <ErrorBanner error={error} onRetry={() => run.scheduler.retry()} navigate={navigate} />
          )}
          {optionsError !== null && (
            <p className="notice notice--warning" data-testid="search-options-error">
              The engine’s options could not be read ({describeError(optionsError)}); prices use its currency,{' '}
              {engine.currency}, and facet names have no labels.
            </p>
          )}
          {!typing && !answer && <SearchHint engine={engine} />}
          {typing && !answer && run.loading && <ResultsSkeleton />}
          {answer && (
            <>
              <div className="search-results__bar">
                <AnswerSummary answer={answer} stale={stale} />
                <ColumnChooser available={columnChoices} chosen={columns} onChange={setColumns} />
              </div>
              {answer.results.length === 0 ? (
                <div className="search-nothing" data-testid="search-nothing">
                  <SearchX size={20} aria-hidden="true" />
                  <p>
                    Nothing found for{' '}
                    <strong>“{answer.request.params.find(([name]) => name === 'query')?.[1] ?? ''}”</strong> with these
                    parameters. Try <code>match_or</code> or <code>fuzzy</code> as the query_name, or remove a filter.
                  </p>
                </div>
              ) : (
                <ResultList
                  stale={stale}
                  results={answer.results}
                  priceFormat={priceFormat}
                  columns={columns}
                  actions={(result: SearchResultView) => (
                    <ResultEvents result={result} tracking={tracking} amount={amount} />
                  )}
                  onKeyDown={(event, index) => {
                    const result = answer.results[index];
                    if ((event.key === 'c' || event.key === 'C') && result) {
                      event.preventDefault();
                      void tracking.send('click', { result });
                    }
                  }}
                />
              )}
              {run.sent && <RawPanel engine={engine.hashid} answer={answer} params={run.sent} />}
            </>
          )}
          {options && <OptionsDetails options={options} priceFormat={priceFormat} />}
        </div>
        <aside className="search-tester__side">
          {answer && <FacetsPanel facets={answer.facets} form={form} onChange={(next) => change(next, true)} />}
          <EventsPanel tracking={tracking} amount={amount} onAmount={setAmount} />
        </aside>
      </div>
    </div>
  );
}

function ResultsSkeleton() {
  return (
    <ol className="search-results search-results--skeleton" aria-label="Searching" data-testid="search-skeleton">
      {[0, 1, 2, 3, 4].map((row) => (
        <li key={row} className="search-result">
          <div className="search-result__main">
            <span className="search-skeleton search-skeleton--thumb" />
            <span className="search-skeleton search-skeleton--line" />
          </div>
        </li>
      ))}
    </ol>
  );
}
