/**
 * A run against an earlier one: per query, each metric before → after with ▲/▼, and the
 * results that moved, appeared or went — what a catalog or engine change did to each query.
 */
import { useEffect, useState } from 'react';
import type { RelevanceRunCompareView, RelevanceRunView } from '../../../../preload/contract';
import { call, describeError } from '../../../api/client';
import { biggestChangesFirst, rankMark } from '../compare/rank-marks';
import { formatMetric, METRICS, metricDelta } from './metric-format';
import { runName } from './run-points';

function MovedList({ moved }: { moved: RelevanceRunCompareView['queries'][number]['moved'] }) {
  const shown = biggestChangesFirst(moved);
  if (shown.length === 0) return <span className="muted">same results, same order</span>;
  return (
    <ul className="rel-moved">
      {shown.slice(0, 12).map((change) => {
        const mark = rankMark(change);
        return (
          <li key={change.id} title={mark.words}>
            <span className={`rel-mark rel-mark--${mark.tone}`}>{mark.symbol}</span>{' '}
            <span className="rel-moved__title">{change.title ?? change.id}</span>
            <span className="muted">
              {' '}
              {change.rankA ?? '–'} → {change.rankB ?? '–'}
            </span>
          </li>
        );
      })}
      {shown.length > 12 && <li className="muted">and {shown.length - 12} more</li>}
    </ul>
  );
}

export function RunCompare({ runs, k }: { runs: readonly RelevanceRunView[]; k: number }) {
  const finished = runs.filter((run) => run.state !== 'running');
  const latest = finished.at(-1);
  // A new run resets the choice: it becomes "after", its predecessor "before".
  const [pick, setPick] = useState<{ newest: number | undefined; before: number | null; after: number | null } | null>(
    null,
  );
  const chosen = pick?.newest === latest?.id ? pick : null;
  const after = chosen?.after ?? latest?.id ?? null;
  const before = chosen?.before ?? finished.at(-2)?.id ?? null;
  const setAfter = (id: number) => {
    const keep = before !== null && before < id ? before : (finished.filter((run) => run.id < id).at(-1)?.id ?? null);
    setPick({ newest: latest?.id, before: keep, after: id });
  };
  const setBefore = (id: number) => setPick({ newest: latest?.id, before: id, after });
  const [view, setView] = useState<RelevanceRunCompareView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (before === null || after === null || before === after) {
      setView(null);
      return;
    }
    let current = true;
    call('relevance:compareRuns', { before, after }).then(
      (answer) => {
        if (!current) return;
        setView(answer);
        setError(null);
      },
      (reason: unknown) => {
        if (current) setError(describeError(reason));
      },
    );
    return () => {
      current = false;
    };
  }, [before, after]);

  if (finished.length < 2) {
    return (
      <p className="muted rel-hint" data-testid="run-compare-empty">
        Run the case again after a change to the catalog or the engine: each query will show what moved and how its
        scores changed.
      </p>
    );
  }
  const earlier = finished.filter((run) => after === null || run.id < after);
  const option = (run: RelevanceRunView) => (
    <option key={run.id} value={run.id}>
      {runName(runs, run)}
    </option>
  );
  return (
    <div className="rel-run-compare" data-testid="run-compare">
      <div className="rel-toolbar">
        <label className="rel-field">
          <span className="muted">Compare run</span>
          <select
            className="input rel-input"
            value={after ?? ''}
            onChange={(event) => setAfter(Number(event.target.value))}
            data-testid="run-compare-after"
          >
            {finished.map(option)}
          </select>
        </label>
        <label className="rel-field">
          <span className="muted">with the earlier run</span>
          <select
            className="input rel-input"
            value={before ?? ''}
            onChange={(event) => setBefore(Number(event.target.value))}
            data-testid="run-compare-before"
          >
            {earlier.map(option)}
          </select>
        </label>
      </div>
      {error && (
        <p className="form__error" role="alert">
          The runs could not be compared: {error}
        </p>
      )}
      {view && (
        <table className="rel-table" data-testid="run-compare-table">
          <thead>
            <tr>
              <th>Query</th>
              {METRICS.map((metric) => (
                <th key={metric.key}>{metric.query(k)}</th>
              ))}
              <th>Results that moved</th>
            </tr>
          </thead>
          <tbody>
            {view.queries.map((query) => (
              <tr key={query.queryId} data-testid="run-compare-row">
                <td className="rel-run-compare__query">{query.query}</td>
                {METRICS.map((metric) => {
                  const delta = metricDelta(query.before?.[metric.key], query.after?.[metric.key]);
                  return (
                    <td key={metric.key} className="rel-delta-cell" data-metric={metric.key}>
                      {formatMetric(query.before?.[metric.key])} → {formatMetric(query.after?.[metric.key])}{' '}
                      <span className={`rel-delta rel-delta--${delta.tone}`} data-testid="run-compare-delta">
                        {delta.text}
                      </span>
                    </td>
                  );
                })}
                <td>
                  <MovedList moved={query.moved} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
