/**
 * Compare: one query, two parameter sets (or two engines) side by side. The columns line up by
 * rank and mark how each of B's results moved against A; Jaccard@k and RBO say in one number
 * each how alike the two rankings are.
 */
import { Copy, GitCompareArrows, LoaderCircle } from 'lucide-react';
import { useState } from 'react';
import type { EngineView, SearchAnswerView } from '../../../../preload/contract';
import { describeError } from '../../../api/client';
import { formatCount } from '../../../app/format';
import { CompareColumns } from './CompareColumns';
import { defaultParams } from './default-params';
import { useSearchOptions } from '../params/use-search-options';
import { formatPrice, priceFormatOf } from '../results/price-format';
import { ParamsLite } from './ParamsLite';
import { countChanges } from './rank-marks';
import { rboSentence } from './rbo-weight';
import { useCompare, type CompareSide } from './use-compare';
import '../../../styles/relevance.css';

export interface CompareTabProps {
  engine: string;
  engines: EngineView[];
}

/** Prices as the engine's search layer writes them (its options' currency, else its own code). */
function usePriceFormat(engine: string, engines: readonly EngineView[]) {
  const { options } = useSearchOptions(engine);
  const code = engines.find((candidate) => candidate.hashid === engine)?.currency ?? null;
  const format = priceFormatOf(options, code);
  return { options, formatPrice: (value: number) => formatPrice(value, format) };
}

function AnswerLine({ answer }: { answer: SearchAnswerView }) {
  return (
    <p className="muted rel-answer" data-testid="compare-answer">
      {formatCount(answer.total)} results · {formatCount(answer.tookMs)} ms · answered by{' '}
      <code>{answer.queryName ?? 'unknown'}</code>
    </p>
  );
}

export function CompareTab({ engine, engines }: CompareTabProps) {
  const [query, setQuery] = useState('');
  const [a, setA] = useState<CompareSide>({ engine, params: defaultParams() });
  const [b, setB] = useState<CompareSide>({ engine, params: defaultParams() });
  const [k, setK] = useState(10);
  const [p, setP] = useState(0.9);
  const compare = useCompare({ query, a, b, k, p });
  const sideA = usePriceFormat(a.engine, engines);
  const sideB = usePriceFormat(b.engine, engines);
  const view = compare.view;
  const counts = view ? countChanges(view.changes) : null;
  const pValid = p > 0 && p < 1;

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
            aria-invalid={compare.fieldError?.field === 'query' || undefined}
            data-testid="compare-query"
          />
          {compare.fieldError?.field === 'query' && (
            <span className="field__help text-danger" role="alert">
              {compare.fieldError.message}
            </span>
          )}
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
        <section className="card rel-side" aria-label="Side A">
          <header className="rel-side__header">
            <h2>A</h2>
          </header>
          <ParamsLite
            idPrefix="compare-a"
            params={a.params}
            onChange={(params) => setA({ ...a, params })}
            engines={engines}
            engine={a.engine}
            onEngine={(next) => setA({ ...a, engine: next })}
            options={sideA.options}
            fieldError={compare.fieldError}
          />
          {view && <AnswerLine answer={view.a} />}
        </section>
        <section className="card rel-side" aria-label="Side B">
          <header className="rel-side__header">
            <h2>B</h2>
            <button
              type="button"
              className="button rel-small"
              onClick={() => setB({ engine: a.engine, params: a.params })}
              data-testid="compare-copy"
            >
              <Copy size={14} aria-hidden="true" /> Copy A to B
            </button>
          </header>
          <ParamsLite
            idPrefix="compare-b"
            params={b.params}
            onChange={(params) => setB({ ...b, params })}
            engines={engines}
            engine={b.engine}
            onEngine={(next) => setB({ ...b, engine: next })}
            options={sideB.options}
            fieldError={compare.fieldError}
          />
          {view && <AnswerLine answer={view.b} />}
        </section>
      </div>

      {compare.error !== null && !compare.fieldError && (
        <p className="form__error" role="alert" data-testid="compare-error">
          The comparison could not run: {describeError(compare.error)}
        </p>
      )}

      {view ? (
        <>
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
        </>
      ) : (
        query.trim() === '' && (
          <div className="rel-empty" data-testid="compare-empty">
            <GitCompareArrows size={28} aria-hidden="true" />
            <p>
              Type a query, then change one thing on side B — the query type, a sort, the engine. Each of B’s results is
              marked ▲ up, ▼ down or new against A, and A’s results B lost are marked gone.
            </p>
          </div>
        )
      )}
    </div>
  );
}
