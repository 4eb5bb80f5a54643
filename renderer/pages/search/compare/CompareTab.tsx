/**
 * Compare: one query, two parameter sets (or two engines) side by side. The columns line up by
 * rank and mark how each of B's results moved against A; Jaccard@k and RBO say in one number
 * each how alike the two rankings are. Each side has every Search v5 parameter (the Search tab's
 * panel), so "with this filter" can be set against "without it"; a side breaking a limit holds
 * the comparison back and says so at the field.
 */
import { Copy, GitCompareArrows, LoaderCircle } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { EngineView } from '../../../../preload/contract';
import { describeError } from '../../../api/client';
import { emptyForm, formToParams, queryProblem, type FieldProblem } from '../params/search-form';
import { useSearchOptions } from '../params/use-search-options';
import { formatPrice, priceFormatOf } from '../results/price-format';
import { CompareColumns } from './CompareColumns';
import { CompareSidePanel, type SideState } from './CompareSidePanel';
import { countChanges } from './rank-marks';
import { rboSentence } from './rbo-weight';
import { placeCompareError, type SideId } from './side-errors';
import { useCompare } from './use-compare';
import '../../../styles/relevance.css';

export interface CompareTabProps {
  engine: string;
  engines: EngineView[];
}

/** The engine's options (for the panel) and prices as its search layer writes them (its currency, else its own code). */
function useSideOptions(engine: string, engines: readonly EngineView[]) {
  const { options } = useSearchOptions(engine);
  const code = engines.find((candidate) => candidate.hashid === engine)?.currency ?? null;
  const format = priceFormatOf(options, code);
  return { options, formatPrice: (value: number) => formatPrice(value, format) };
}

/** The side's parameters as sent, and the limits it breaks (the query's own are the shared box's). */
function sideParams(side: SideState, query: string) {
  const { params, problems } = formToParams({ ...side.form, query });
  return { params, problems: problems.filter((problem) => problem.at.field !== 'query') };
}

export function CompareTab({ engine, engines }: CompareTabProps) {
  const [query, setQuery] = useState('');
  const [a, setA] = useState<SideState>(() => ({ engine, form: emptyForm() }));
  const [b, setB] = useState<SideState>(() => ({ engine, form: emptyForm() }));
  const [k, setK] = useState(10);
  const [p, setP] = useState(0.9);
  const sentA = useMemo(() => sideParams(a, query), [a, query]);
  const sentB = useMemo(() => sideParams(b, query), [b, query]);
  const tooLong = queryProblem(query);
  const pValid = p > 0 && p < 1;
  const blocked = tooLong !== null || !pValid || sentA.problems.length > 0 || sentB.problems.length > 0;
  const compare = useCompare(
    { query, a: { engine: a.engine, params: sentA.params }, b: { engine: b.engine, params: sentB.params }, k, p },
    blocked,
  );
  const placed = useMemo(() => placeCompareError(compare.error, { a: a.form, b: b.form }), [compare.error, a, b]);
  const sideA = useSideOptions(a.engine, engines);
  const sideB = useSideOptions(b.engine, engines);
  const view = compare.view;
  const counts = view ? countChanges(view.changes) : null;
  const queryMessages = [...(tooLong ? [tooLong.message] : []), ...(placed?.query ?? [])];
  const problemsOf = (side: SideId): FieldProblem[] => [
    ...(side === 'a' ? sentA : sentB).problems,
    ...(placed?.[side] ?? []),
  ];

  return (
    <div className="rel-page" data-testid="compare-tab">
      <div className="rel-toolbar">
        <label className="rel-field rel-field--grow">
          <span className="muted">Query</span>
          <input
            className="input"
            type="search"
            value={query}
            placeholder="What shoppers type, e.g. red dress"
            onChange={(event) => setQuery(event.target.value)}
            aria-invalid={queryMessages.length > 0 || undefined}
            data-testid="compare-query"
          />
          {queryMessages.map((message) => (
            <span key={message} className="field__help text-danger" role="alert" data-testid="compare-query-error">
              {message}
            </span>
          ))}
        </label>
        <label className="rel-field rel-field--narrow">
          <span className="muted">k</span>
          <input
            className="input rel-input"
            type="number"
            min={1}
            max={100}
            value={k}
            onChange={(event) => setK(Math.min(100, Math.max(1, Math.round(Number(event.target.value) || 1))))}
            data-testid="compare-k"
          />
        </label>
        <label className="rel-field rel-field--narrow">
          <span className="muted">RBO p</span>
          <input
            className="input rel-input"
            type="number"
            min={0.01}
            max={0.99}
            step={0.01}
            value={p}
            aria-invalid={!pValid || undefined}
            onChange={(event) => setP(Number(event.target.value))}
            data-testid="compare-p"
          />
        </label>
        {compare.loading && <LoaderCircle size={16} className="spin" aria-label="Comparing…" />}
      </div>
      <p className="muted rel-help" data-testid="compare-p-sentence">
        {pValid
          ? `${rboSentence(p, k)}: lower p looks only at the top, higher p further down. Marks, Jaccard and RBO cover the top ${k} (above the dashed line).`
          : 'RBO’s p must be between 0 and 1 (not included).'}
      </p>

      <div className="rel-sides">
        <CompareSidePanel
          id="a"
          side={a}
          onChange={setA}
          engines={engines}
          options={sideA.options}
          problems={problemsOf('a')}
          held={sentA.problems.length > 0}
          answer={view?.a ?? null}
        />
        <CompareSidePanel
          id="b"
          side={b}
          onChange={setB}
          engines={engines}
          options={sideB.options}
          problems={problemsOf('b')}
          held={sentB.problems.length > 0}
          answer={view?.b ?? null}
          action={
            <button type="button" className="button rel-small" onClick={() => setB(a)} data-testid="compare-copy">
              <Copy size={14} aria-hidden="true" /> Copy A to B
            </button>
          }
        />
      </div>

      {compare.error !== null && !placed && (
        <p className="form__error" role="alert" data-testid="compare-error">
          The comparison could not run: {describeError(compare.error)}
        </p>
      )}

      {view ? (
        <div
          className={`rel-results${compare.stale ? ' rel-results--stale' : ''}`}
          aria-busy={compare.loading}
          data-testid="compare-results"
          data-stale={compare.stale || undefined}
        >
          <div className="rel-similarity" data-testid="compare-similarity">
            <div className="rel-stat">
              <span className="rel-stat__value" data-testid="compare-jaccard">
                {view.jaccard.toFixed(3)}
              </span>
              <span className="rel-stat__label">Jaccard@{view.k}</span>
              <span className="muted rel-stat__help">share of the two top {view.k}s that both sides found</span>
            </div>
            <div className="rel-stat">
              <span className="rel-stat__value" data-testid="compare-rbo">
                {view.rbo.toFixed(3)}
              </span>
              <span className="rel-stat__label">RBO (p = {view.p})</span>
              <span className="muted rel-stat__help">
                how alike the orders are, the top weighing most (1 = identical)
              </span>
            </div>
            {counts && (
              <p className="rel-counts" data-testid="compare-counts">
                <span className="rel-mark rel-mark--up">▲ {counts.up} up</span>
                <span className="rel-mark rel-mark--down">▼ {counts.down} down</span>
                <span className="rel-mark rel-mark--new">{counts.new} new</span>
                <span className="rel-mark rel-mark--gone">{counts.gone} gone</span>
                <span className="muted">{counts.same} unchanged</span>
              </p>
            )}
          </div>
          <CompareColumns view={view} formatA={sideA.formatPrice} formatB={sideB.formatPrice} />
        </div>
      ) : (
        query.trim() === '' && (
          <div className="rel-empty" data-testid="compare-empty">
            <GitCompareArrows size={28} aria-hidden="true" />
            <p>
              Type a query, then change one thing on side B — a filter, the query type, a sort, the engine. Each of B’s
              results is marked ▲ up, ▼ down or new against A, and A’s results B lost are marked gone.
            </p>
          </div>
        )
      )}
    </div>
  );
}
