import { CircleCheck, CircleX, Clock, Download, RotateCcw, TriangleAlert, X } from 'lucide-react';
import { useState } from 'react';
import { describeError } from '../../api/client';
import { syncTotals, type ItemOutcome, type ItemResult } from '../../grid/sync-results';
import { exportFailedRows, retryFailedRows } from './failed-rows';
import type { SyncState } from './use-sync';

const OUTCOMES: Record<ItemOutcome, { label: string; Icon: typeof CircleCheck }> = {
  synced: { label: 'Synced', Icon: CircleCheck },
  failed: { label: 'Failed', Icon: CircleX },
  conflict: { label: 'Conflict', Icon: TriangleAlert },
  'not-sent': { label: 'Not sent', Icon: Clock },
};

/** The results list shows the problems first; a long list of successes is capped. */
const SHOWN = 300;

function failedTypes(results: ItemResult[]): { engine: string; engineName: string; type: string }[] {
  const seen = new Map<string, { engine: string; engineName: string; type: string }>();
  for (const result of results) {
    if (result.outcome === 'failed') seen.set(`${result.engine}/${result.type}`, result);
  }
  return [...seen.values()];
}

/** After a sync: one line per item it sent, failures with the server's reason, retry and export. */
export function SyncResultsList({ sync }: { sync: SyncState }) {
  const [problem, setProblem] = useState<string | null>(null);
  const results = sync.results;
  if (!results) return null;
  const counts = syncTotals(results, sync.ended);
  const order: ItemOutcome[] = ['failed', 'conflict', 'not-sent', 'synced'];
  const sorted = [...results].sort((a, b) => order.indexOf(a.outcome) - order.indexOf(b.outcome));

  async function retry(engine: string, type: string) {
    setProblem(null);
    try {
      await retryFailedRows(engine, type);
      await sync.start({ engine, type });
    } catch (error) {
      setProblem(describeError(error));
    }
  }

  async function exportCsv(engine: string, engineName: string, type: string) {
    setProblem(null);
    try {
      await exportFailedRows(engine, engineName, type);
    } catch (error) {
      setProblem(describeError(error));
    }
  }

  return (
    <section className="sync-results" aria-label="Sync results" data-testid="sync-results">
      <header className="sync-results__header">
        <h3>
          Last sync: {counts.synced.toLocaleString()} synced
          {counts.failed > 0 && `, ${counts.failed.toLocaleString()} failed`}
          {counts.conflict > 0 && `, ${counts.conflict.toLocaleString()} in conflict`}
          {counts['not-sent'] > 0 && `, ${counts['not-sent'].toLocaleString()} not sent`}
        </h3>
        <button
          type="button"
          className="button button--icon button--small"
          aria-label="Hide the results"
          onClick={sync.clearResults}
        >
          <X size={14} aria-hidden="true" />
        </button>
      </header>
      {failedTypes(results).map((group) => (
        <div key={`${group.engine}/${group.type}`} className="sync-results__actions">
          <span className="muted">
            {group.engineName} · {group.type}
          </span>
          <button type="button" className="button button--small" onClick={() => void retry(group.engine, group.type)}>
            <RotateCcw size={13} aria-hidden="true" /> Retry failed
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => void exportCsv(group.engine, group.engineName, group.type)}
          >
            <Download size={13} aria-hidden="true" /> Export failed (CSV)
          </button>
        </div>
      ))}
      {problem && <p className="form__error">{problem}</p>}
      <ul className="sync-results__list">
        {sorted.slice(0, SHOWN).map((result) => {
          const { label, Icon } = OUTCOMES[result.outcome];
          return (
            <li
              key={`${result.engine}/${result.type}/${result.id}`}
              className={`sync-result sync-result--${result.outcome}`}
              data-testid="sync-result"
            >
              <Icon size={13} aria-hidden="true" />
              <code>{result.id}</code>
              <span className="sync-result__label">{label}</span>
              {result.reason && <span className="sync-result__reason">{result.reason}</span>}
            </li>
          );
        })}
      </ul>
      {(sorted.length > SHOWN || sync.unlisted > 0) && (
        <p className="muted">
          {(sorted.length - Math.min(SHOWN, sorted.length) + sync.unlisted).toLocaleString()} more items not listed.
        </p>
      )}
    </section>
  );
}
