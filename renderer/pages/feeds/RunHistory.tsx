/** Every run of the engine, newest first, a page at a time, filtered by result; a row opens its details. */
import { ChevronLeft, ChevronRight, History, LoaderCircle, TriangleAlert } from 'lucide-react';
import { useState, type KeyboardEvent } from 'react';
import type { FeedRunView } from '../../../preload/contract';
import { describeError } from '../../api/client';
import { formatCount } from '../../app/format';
import { RESULT_FILTERS } from './run-state';
import { emptyHistoryText, healthFlagCount, originLabel, truncate } from './run-summary';
import { formatElapsed, formatWhen, runElapsedMs } from './run-timing';
import { StateBadge } from './StateBadge';
import { HISTORY_PAGE_SIZE, useRunHistory, type ResultFilter } from './use-run-history';

const MESSAGE_CHARS = 90;

function HistoryRow({ run, now, onOpen }: { run: FeedRunView; now: number; onOpen: (run: FeedRunView) => void }) {
  const elapsed = runElapsedMs(run, now);
  const flags = healthFlagCount(run);
  function onKeyDown(event: KeyboardEvent<HTMLTableRowElement>) {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(run);
    }
  }
  return (
    <tr
      className="feed-history__row"
      tabIndex={0}
      onClick={() => onOpen(run)}
      onKeyDown={onKeyDown}
      aria-label={`Run ${run.id}: ${run.state}, details`}
      data-testid="feed-history-row"
      data-state={run.state}
    >
      <td>{formatWhen(run.startedAt)}</td>
      <td>{formatWhen(run.endedAt, run.startedAt)}</td>
      <td className="num">{elapsed === null ? '–' : formatElapsed(elapsed)}</td>
      <td>
        <StateBadge state={run.state} />
      </td>
      <td className="feed-history__message" title={run.message}>
        {truncate(run.message, MESSAGE_CHARS)}
      </td>
      <td>{run.force ? 'Yes' : '–'}</td>
      <td>{originLabel(run)}</td>
      <td className="num">
        {flags > 0 ? (
          <span className="pill pill--bad" title={run.health?.flags.map((flag) => flag.message).join('\n')}>
            <TriangleAlert size={12} className="inline-icon" aria-hidden="true" />
            {flags}
          </span>
        ) : (
          '–'
        )}
      </td>
    </tr>
  );
}

export function RunHistory({
  engine,
  now,
  onOpen,
}: {
  engine: string;
  now: number;
  onOpen: (run: FeedRunView) => void;
}) {
  const [filter, setFilter] = useState<ResultFilter>('all');
  const [page, setPage] = useState(0);
  const history = useRunHistory(engine, filter, page);
  const data = history.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / HISTORY_PAGE_SIZE)) : 1;

  return (
    <section className="feeds-card" aria-labelledby="feed-history-title">
      <header className="feeds-card__header">
        <h2 id="feed-history-title">
          <History size={15} aria-hidden="true" /> History
          {data && <span className="muted feeds-card__count">{formatCount(data.total)}</span>}
        </h2>
        <div className="tabs" role="tablist" aria-label="Runs by result">
          {RESULT_FILTERS.map((option) => (
            <button
              key={option.value}
              type="button"
              role="tab"
              aria-selected={filter === option.value}
              className="tabs__tab"
              onClick={() => {
                setFilter(option.value);
                setPage(0);
              }}
            >
              {option.label}
            </button>
          ))}
        </div>
      </header>
      {history.error !== null && history.error !== undefined && (
        <p className="form__error" role="alert">
          The history could not be read: {describeError(history.error)}
        </p>
      )}
      {!data && !history.error && (
        <p className="muted">
          <LoaderCircle size={14} className="spin inline-icon" aria-hidden="true" /> Reading the history…
        </p>
      )}
      {data && data.runs.length === 0 && <p className="feeds-empty">{emptyHistoryText(filter)}</p>}
      {data && data.runs.length > 0 && (
        <div className="feed-history__scroll">
          <table className="types feed-history" data-testid="feed-history" aria-busy={history.loading}>
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Ended</th>
                <th scope="col" className="num">
                  Duration
                </th>
                <th scope="col">Result</th>
                <th scope="col">Message</th>
                <th scope="col">Force</th>
                <th scope="col">Origin</th>
                <th scope="col" className="num">
                  Health
                </th>
              </tr>
            </thead>
            <tbody>
              {data.runs.map((run) => (
                <HistoryRow key={run.id} run={run} now={now} onOpen={onOpen} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && data.total > HISTORY_PAGE_SIZE && (
        <nav className="feed-pager" aria-label="History pages">
          <button
            type="button"
            className="button button--icon"
            aria-label="Newer runs"
            disabled={page === 0}
            onClick={() => setPage(page - 1)}
          >
            <ChevronLeft size={16} aria-hidden="true" />
          </button>
          <span className="muted">
            Page {Math.min(page + 1, pages)} of {pages}
          </span>
          <button
            type="button"
            className="button button--icon"
            aria-label="Older runs"
            disabled={page + 1 >= pages}
            onClick={() => setPage(page + 1)}
          >
            <ChevronRight size={16} aria-hidden="true" />
          </button>
        </nav>
      )}
    </section>
  );
}
