/** The case's runs: the metrics over time, the list with what changed before each, and run vs run. */
import type { RelevanceRunView } from '../../../../preload/contract';
import { formatCount } from '../../../app/format';
import { formatMetric, METRICS, metricDelta } from './metric-format';
import { RunCompare } from './RunCompare';
import { changesSummary, formatRunDate, runName, runPoints } from './run-points';
import { RunsChart } from './RunsChart';

const STATE_WORDS: Record<RelevanceRunView['state'], string> = {
  running: 'running',
  completed: 'completed',
  cancelled: 'cancelled',
  failed: 'failed',
};

export function RunsPanel({ runs, k }: { runs: readonly RelevanceRunView[]; k: number }) {
  if (runs.length === 0) {
    return (
      <p className="muted rel-hint" data-testid="runs-empty">
        No runs yet. “Run all” searches every query once (paced by the account’s request budget) and keeps the results,
        so later runs can be compared with it.
      </p>
    );
  }
  const points = runPoints(runs);
  const newestFirst = [...runs].reverse();
  return (
    <div className="rel-runs">
      {points.length >= 2 ? (
        <RunsChart points={points} k={k} />
      ) : (
        <p className="muted rel-hint">The chart of each metric over time appears after a second completed run.</p>
      )}
      <table className="rel-table" data-testid="runs-list">
        <thead>
          <tr>
            <th>Run</th>
            <th>State</th>
            {METRICS.map((metric) => (
              <th key={metric.key} className="num">
                {metric.label(k)}
              </th>
            ))}
            <th>Changed since the previous run</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((run) => {
            const index = runs.indexOf(run);
            const previous = runs
              .slice(0, index)
              .reverse()
              .find((candidate) => candidate.metrics !== null);
            return (
              <tr key={run.id} data-testid="run-row">
                <td title={run.startedAt}>{runName(runs, run)}</td>
                <td>
                  {STATE_WORDS[run.state]}
                  {run.state !== 'completed' && (
                    <span className="muted">
                      {' '}
                      ({formatCount(run.done)}/{formatCount(run.total)})
                    </span>
                  )}
                  {run.error && <span className="text-danger"> · {run.error}</span>}
                </td>
                {METRICS.map((metric) => {
                  const delta = metricDelta(previous?.metrics?.[metric.key], run.metrics?.[metric.key]);
                  return (
                    <td key={metric.key} className="num">
                      {formatMetric(run.metrics?.[metric.key])}{' '}
                      {delta.tone !== 'none' && delta.tone !== 'same' && (
                        <span className={`rel-delta rel-delta--${delta.tone}`}>{delta.text}</span>
                      )}
                    </td>
                  );
                })}
                <td>
                  <span data-testid="run-changes">{changesSummary(run.changesSince, index === 0)}</span>
                  {run.changesSince.length > 0 && (
                    <ul className="rel-changes">
                      {run.changesSince.slice(0, 5).map((change) => (
                        <li key={`${change.kind}-${change.at}-${change.summary}`}>
                          <span className="muted">{formatRunDate(change.at)}</span> {change.summary}
                        </li>
                      ))}
                      {run.changesSince.length > 5 && <li className="muted">and {run.changesSince.length - 5} more</li>}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3 className="rel-subhead">Compare two runs</h3>
      <RunCompare runs={runs} k={k} />
    </div>
  );
}
