/**
 * API usage this month: the account's management API requests (from Doofinder's aggregates),
 * how many of them this app sent (its rate limiter counts each one), and what a full sync of
 * each engine would cost now, so a user can weigh a sync against the plan before starting it.
 */
import { Gauge, LoaderCircle, RefreshCw } from 'lucide-react';
import { useState } from 'react';
import type { UsageView } from '../../../preload/contract';
import { call, describeError } from '../../api/client';
import { useEvent, useRequest } from '../../api/hooks';
import { formatCount } from '../../app/format';
import { describeAge } from './data-age';

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const monthName = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });

/** "1 request", "1,234 requests". */
function requestsText(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'request' : 'requests'}`;
}

function costTitle(cost: UsageView['syncCost'][number]): string {
  const push = `${formatCount(cost.pushRequests)} to push what is pending`;
  return cost.mirrorRequests === null
    ? `Mirror: unknown until the engine's item counts are read; ${push}`
    : `${formatCount(cost.mirrorRequests)} to mirror every type, ${push}`;
}

function monthLabel(month: string): string {
  const [year, index] = month.split('-').map(Number);
  return monthName.format(new Date(year ?? 1970, (index ?? 1) - 1, 1));
}

export function UsagePanel({ now }: { now: number }) {
  const usage = useRequest('stats:usage', { refresh: false });
  const [refreshing, setRefreshing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // Item counts fill in after the engines are listed, and pending changes move: the cost follows (read locally).
  useEvent('engines:changed', usage.reload);
  useEvent('sync:pendingChanged', usage.reload);

  function refresh() {
    setRefreshing(true);
    setProblem(null);
    call('stats:usage', { refresh: true })
      .then(usage.set, (error: unknown) => setProblem(describeError(error)))
      .finally(() => setRefreshing(false));
  }

  const data = usage.data;
  return (
    <aside className="stats-card stats-usage" aria-labelledby="stats-usage-title" data-testid="stats-usage">
      <header className="stats-card__header">
        <h2 id="stats-usage-title">
          <Gauge size={15} aria-hidden="true" /> API usage{data ? `, ${monthLabel(data.month)}` : ''}
        </h2>
        <button
          type="button"
          className="button button--icon stats-small"
          aria-label="Refresh the usage"
          title="Read this month’s numbers again"
          disabled={refreshing}
          onClick={refresh}
        >
          <RefreshCw size={14} className={refreshing ? 'spin' : undefined} aria-hidden="true" />
        </button>
      </header>
      <p className="stats-help muted">
        Every Management API request counts against your Doofinder plan, the ones this app sends included.
      </p>
      {!data && !usage.error && (
        <p className="muted">
          <LoaderCircle size={14} className="spin inline-icon" aria-hidden="true" /> Reading the usage…
        </p>
      )}
      {(usage.error ?? problem) !== null && (
        <p className="text-danger" role="alert">
          The usage could not be read: {problem ?? describeError(usage.error)}
        </p>
      )}
      {data && <UsageNumbers usage={data} now={now} />}
    </aside>
  );
}

function UsageNumbers({ usage, now }: { usage: UsageView; now: number }) {
  const share = usage.appShare === null ? null : Math.min(1, Math.max(0, usage.appShare));
  return (
    <>
      <dl className="stats-usage__numbers">
        <div>
          <dt>API requests this month</dt>
          <dd data-testid="stats-usage-month">{formatCount(usage.monthApiRequests)}</dd>
        </div>
        <div>
          <dt>Sent by this app</dt>
          <dd data-testid="stats-usage-app">
            {formatCount(usage.appRequests)}
            {share !== null && <span className="muted"> · {percent.format(share)}</span>}
          </dd>
        </div>
        {usage.monthAllRequests !== null && (
          <div>
            <dt>All requests (search included)</dt>
            <dd>{formatCount(usage.monthAllRequests)}</dd>
          </div>
        )}
      </dl>
      {share !== null && (
        <div
          className="stats-usage__bar"
          role="meter"
          aria-label="This app’s share of the month’s API requests"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(share * 100)}
        >
          <span style={{ width: `${share * 100}%` }} />
        </div>
      )}
      {usage.error && <p className="text-warning">Not updated: {usage.error}</p>}
      <p className="stats-age">
        {describeAge({ state: usage.error ? 'error' : 'ready', fetchedAt: usage.fetchedAt }, now)}
      </p>
      {usage.syncCost.length > 0 && (
        <>
          <h3 className="stats-usage__subtitle">A full sync now would send about</h3>
          <ul className="stats-usage__costs">
            {usage.syncCost.map((cost) => (
              <li key={cost.engine} title={costTitle(cost)}>
                <span className="stats-usage__engine">{cost.engineName}</span>
                {cost.mirrorRequests === null ? (
                  <span className="muted">not counted yet: its item counts are still being read</span>
                ) : (
                  <span>
                    {requestsText(cost.mirrorRequests + cost.pushRequests)}
                    <span className="muted">
                      {' '}
                      ({formatCount(cost.mirrorRequests)} mirror + {formatCount(cost.pushRequests)} push)
                    </span>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
