import {
  ChevronLeft,
  ChevronRight,
  CircleCheck,
  CircleX,
  Clock,
  Download,
  RotateCcw,
  TriangleAlert,
  X,
} from 'lucide-react';
import { useState } from 'react';
import type { SyncItemOutcome, SyncRunSummary } from '../../../preload/contract';
import { describeError } from '../../api/client';
import { useRequest } from '../../api/hooks';
import { formatCount } from '../../app/format';
import {
  OUTCOME_LABELS,
  RESULTS_PAGE,
  outcomeFilters,
  pageRange,
  resultsHeadline,
  runEnding,
  turnPage,
} from '../../grid/sync-results';
import { exportFailedRows, retryFailedRows } from './failed-rows';
import type { SyncState } from './use-sync';

const ICONS: Record<SyncItemOutcome, typeof CircleCheck> = {
  synced: CircleCheck,
  failed: CircleX,
  conflict: TriangleAlert,
  'not-sent': Clock,
};

const CHANGES = { edit: 'edit', create: 'new item', delete: 'deletion' } as const;

/** After a sync: its result per item from the worker, problems first, a page at a time; retry and export. */
export function SyncResultsList({ sync }: { sync: SyncState }) {
  if (sync.resultsRun === null) return null;
  // A fresh list (first page, no filter) for each run shown.
  return <RunResults key={`${sync.resultsRun}/${sync.resultsVersion}`} sync={sync} run={sync.resultsRun} />;
}

function RunResults({ sync, run }: { sync: SyncState; run: number | 'last' }) {
  const [outcome, setOutcome] = useState<SyncItemOutcome | null>(null);
  const [offset, setOffset] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const page = useRequest('sync:results', {
    ...(run === 'last' ? {} : { run }),
    ...(outcome ? { outcome } : {}),
    offset,
    limit: RESULTS_PAGE,
  });
  const { reload } = page;

  const summary = page.data?.run;
  if (page.error !== null && !page.data) {
    return (
      <section className="sync-results" aria-label="Sync results" data-testid="sync-results">
        <p className="form__error">The results of the last sync could not be read: {describeError(page.error)}</p>
        <button type="button" className="button button--small" onClick={reload}>
          Try again
        </button>
      </section>
    );
  }
  if (!summary) return null;
  const rows = page.data?.rows ?? [];
  const total = page.data?.total ?? 0;
  const ending = runEnding(summary);

  async function act(what: () => Promise<unknown>) {
    setProblem(null);
    try {
      await what();
    } catch (error) {
      setProblem(describeError(error));
    }
  }

  return (
    <section className="sync-results" aria-label="Sync results" data-testid="sync-results">
      <header className="sync-results__header">
        <h3>{resultsHeadline(summary.counts)}</h3>
        <button
          type="button"
          className="button button--icon button--small"
          aria-label="Hide the results"
          onClick={sync.clearResults}
        >
          <X size={14} aria-hidden="true" />
        </button>
      </header>
      {ending && <p className={summary.state === 'failed' ? 'form__error' : 'muted'}>{ending}</p>}
      <FailedActions
        summary={summary}
        onRetry={(engine, type) =>
          void act(async () => {
            await retryFailedRows(engine, type);
            await sync.start({ engine, type });
          })
        }
        onExport={(engine, engineName, type) => void act(() => exportFailedRows(engine, engineName, type))}
      />
      {problem && <p className="form__error">{problem}</p>}
      <div className="sync-results__filters" role="radiogroup" aria-label="Show results">
        {outcomeFilters(summary.counts).map((filter) => (
          <button
            key={filter.outcome ?? 'all'}
            type="button"
            role="radio"
            aria-checked={filter.outcome === outcome}
            className="sync-results__filter"
            onClick={() => {
              setOutcome(filter.outcome);
              setOffset(0);
            }}
          >
            {filter.label} <span className="muted">{formatCount(filter.count)}</span>
          </button>
        ))}
      </div>
      <ul className="sync-results__list" aria-busy={page.loading}>
        {rows.map((result) => {
          const Icon = ICONS[result.outcome];
          return (
            <li
              key={`${result.engine}/${result.type}/${result.id}`}
              className={`sync-result sync-result--${result.outcome}`}
              data-testid="sync-result"
            >
              <Icon size={13} aria-hidden="true" />
              <code>{result.id}</code>
              <span className="sync-result__label">
                {OUTCOME_LABELS[result.outcome]} · {CHANGES[result.change]}
              </span>
              {result.message && (
                <span className="sync-result__reason" title={result.message}>
                  {result.message}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {total > RESULTS_PAGE && (
        <div className="sync-results__pager">
          <span className="muted" data-testid="sync-results-range">
            {pageRange(offset, rows.length, total)}
          </span>
          <button
            type="button"
            className="button button--icon button--small"
            aria-label="Previous results"
            disabled={offset === 0}
            onClick={() => setOffset(turnPage(offset, -1, total))}
          >
            <ChevronLeft size={14} aria-hidden="true" />
          </button>
          <button
            type="button"
            className="button button--icon button--small"
            aria-label="Next results"
            disabled={offset + RESULTS_PAGE >= total}
            onClick={() => setOffset(turnPage(offset, 1, total))}
          >
            <ChevronRight size={14} aria-hidden="true" />
          </button>
        </div>
      )}
    </section>
  );
}

/** "Retry failed" and "Export failed (CSV)" for each type with items Doofinder refused in this run. */
function FailedActions({
  summary,
  onRetry,
  onExport,
}: {
  summary: SyncRunSummary;
  onRetry: (engine: string, type: string) => void;
  onExport: (engine: string, engineName: string, type: string) => void;
}) {
  return summary.failedTypes.map((group) => (
    <div key={`${group.engine}/${group.type}`} className="sync-results__actions">
      <span className="muted">
        {group.engineName} · {group.type} · {formatCount(group.failed)} failed
      </span>
      <button type="button" className="button button--small" onClick={() => onRetry(group.engine, group.type)}>
        <RotateCcw size={13} aria-hidden="true" /> Retry failed
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={() => onExport(group.engine, group.engineName, group.type)}
      >
        <Download size={13} aria-hidden="true" /> Export failed (CSV)
      </button>
    </div>
  ));
}
