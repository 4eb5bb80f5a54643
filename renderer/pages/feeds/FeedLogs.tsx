/**
 * The engine's processing logs (`/logs`): date, level, the line a message names, the message.
 * Level toggles with counts, a debounced text search, Refresh (R) to read them again; a failed
 * refresh says why and keeps the lines already read.
 */
import { FileText, LoaderCircle, RefreshCw, Search } from 'lucide-react';
import { useEffect, useState, type Ref } from 'react';
import { formatAgo, formatCount } from '../../app/format';
import { levelsToRequest, levelToggles, levelTone, toggleLevel } from './log-filter';
import { LOGS_PAGE_SIZE, useFeedLogs } from './use-feed-logs';

const SEARCH_DELAY_MS = 300;

/** The text a search asks for, once typing pauses. */
function useSettled(value: string, delayMs: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

export function FeedLogs({
  engine,
  now,
  refreshRef,
}: {
  engine: string;
  now: number;
  /** Where the page's R shortcut finds the Refresh button. */
  refreshRef: Ref<HTMLButtonElement>;
}) {
  const [off, setOff] = useState<ReadonlySet<string>>(new Set());
  const [text, setText] = useState('');
  const [limit, setLimit] = useState(LOGS_PAGE_SIZE);
  const search = useSettled(text, SEARCH_DELAY_MS);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const levels = levelsToRequest(counts, off);
  const logs = useFeedLogs(engine, { levels, text: search, limit });
  const page = logs.page;
  // The toggles count every stored line (not the filtered ones), so they stay put while filtering.
  if (page && page.levels !== counts) setCounts(page.levels);
  const toggles = levelToggles(counts, off);
  const filtered = levels !== undefined || search.trim() !== '';

  return (
    <section className="feeds-card" aria-labelledby="feed-logs-title">
      <header className="feeds-card__header">
        <h2 id="feed-logs-title">
          <FileText size={15} aria-hidden="true" /> Logs
        </h2>
        <div className="feed-logs__tools">
          <span className="muted" data-testid="feed-logs-age">
            {page?.fetchedAt ? `read ${formatAgo(page.fetchedAt, now)}` : 'not read yet'}
          </span>
          <button
            ref={refreshRef}
            type="button"
            className="button"
            onClick={logs.refresh}
            disabled={logs.refreshing}
            title="Read the logs from Doofinder again (R)"
            data-testid="feed-logs-refresh"
          >
            {logs.refreshing ? (
              <LoaderCircle size={14} className="spin" aria-hidden="true" />
            ) : (
              <RefreshCw size={14} aria-hidden="true" />
            )}
            Refresh <kbd>R</kbd>
          </button>
        </div>
      </header>
      <div className="feed-logs__filters">
        <div className="feed-logs__levels" role="group" aria-label="Levels">
          {toggles.map((toggle) => (
            <button
              key={toggle.level}
              type="button"
              className={`level-toggle level-toggle--${levelTone(toggle.level)}`}
              aria-pressed={toggle.on}
              onClick={() => setOff(toggleLevel(off, toggle.level))}
            >
              {toggle.level} <span className="tabs__count">{formatCount(toggle.count)}</span>
            </button>
          ))}
        </div>
        <label className="feed-logs__search">
          <Search size={14} aria-hidden="true" />
          <span className="visually-hidden">Search the messages</span>
          <input
            className="input input--small"
            type="search"
            placeholder="Search the messages"
            value={text}
            maxLength={200}
            onChange={(event) => {
              setText(event.target.value);
              setLimit(LOGS_PAGE_SIZE);
            }}
          />
        </label>
      </div>
      {(logs.error ?? page?.error) && (
        <p className="form__error" role="alert" data-testid="feed-logs-error">
          {logs.error ?? `The last refresh failed: ${page?.error ?? ''}`}
          {page && page.lines.length > 0 && ' The lines below are the ones read before.'}
        </p>
      )}
      <LogsBody
        loading={(logs.loading && !page) || (logs.refreshing && !page?.fetchedAt)}
        everyLevelOff={levels === null}
        filtered={filtered}
        page={page}
        onMore={() => setLimit(limit + LOGS_PAGE_SIZE)}
      />
    </section>
  );
}

function LogsBody({
  loading,
  everyLevelOff,
  filtered,
  page,
  onMore,
}: {
  loading: boolean;
  everyLevelOff: boolean;
  filtered: boolean;
  page: ReturnType<typeof useFeedLogs>['page'];
  onMore: () => void;
}) {
  if (loading) {
    return (
      <p className="muted">
        <LoaderCircle size={14} className="spin inline-icon" aria-hidden="true" /> Reading the logs from Doofinder…
      </p>
    );
  }
  if (everyLevelOff) return <p className="feeds-empty">Every level is switched off: turn one on to see its lines.</p>;
  if (!page || page.lines.length === 0) {
    return (
      <p className="feeds-empty">
        {filtered
          ? 'No line matches: clear the search or turn more levels on.'
          : page?.fetchedAt
            ? 'Doofinder keeps no log lines for this engine: they appear after its feed is processed.'
            : 'No logs read yet: press Refresh to read them from Doofinder.'}
      </p>
    );
  }
  return (
    <>
      <div className="feed-logs__scroll">
        <table className="types feed-logs" data-testid="feed-logs">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Level</th>
              <th scope="col" className="num">
                Line
              </th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {page.lines.map((line, index) => (
              <tr key={`${line.date}-${index}`}>
                <td className="feed-logs__date">{line.date.replace('T', ' ')}</td>
                <td>
                  <span className={`pill pill--${levelTone(line.level)}`}>{line.level}</span>
                </td>
                <td className="num" data-testid="feed-log-line">
                  {line.line ?? ''}
                </td>
                <td className="feed-logs__message">{line.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted feed-logs__footer">
        {page.lines.length < page.total ? (
          <>
            Showing {formatCount(page.lines.length)} of {formatCount(page.total)} lines.{' '}
            <button type="button" className="button button--ghost" onClick={onMore}>
              Show more
            </button>
          </>
        ) : (
          `${formatCount(page.total)} ${page.total === 1 ? 'line' : 'lines'}`
        )}
      </p>
    </>
  );
}
