/**
 * Stats: how shoppers use search on an engine, for a date range: the daily aggregates as a
 * chart and a table, the four top lists, and the month's API usage. The worker caches the
 * last answer, so the page opens at once, offline too, and says how old it is.
 */
import { BarChart3, LoaderCircle } from 'lucide-react';
import type { EnginesSnapshot } from '../../preload/contract';
import { describeError } from '../api/client';
import { useEvent, useRequest } from '../api/hooks';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { GoToAccounts } from './GoToAccounts';
import type { PageProps } from './page-props';
import { StatsBoard } from './stats/StatsBoard';
import '../styles/stats.css';

export function StatsPage({ navigate }: PageProps) {
  const engines = useRequest('engines:list', { refresh: false });
  useEvent('engines:changed', (snapshot: EnginesSnapshot) => engines.set(snapshot));
  useEvent('accounts:changed', () => engines.reload());
  const snapshot = engines.data;
  const header = <PageHeader title="Stats" subtitle="How shoppers use search, day by day." />;

  if (!snapshot) {
    return (
      <>
        {header}
        {engines.error ? (
          <p className="form__error" role="alert">
            The engines could not be read: {describeError(engines.error)}
          </p>
        ) : (
          <p className="muted">
            <LoaderCircle size={14} className="spin inline-icon" aria-hidden="true" /> Reading the engines…
          </p>
        )}
      </>
    );
  }
  if (snapshot.accountId === null || snapshot.engines.length === 0) {
    return (
      <>
        {header}
        <EmptyState
          icon={BarChart3}
          title={snapshot.accountId === null ? 'No account connected yet' : 'This account has no search engines yet'}
          steps={['Connect an account on the Accounts page.', 'Pick a search engine and a date range.']}
          action={<GoToAccounts navigate={navigate} />}
        >
          <p>
            Daily searches, clicks and requests will be charted here, with the top searches, the most clicked products
            and the queries that found nothing. The last answer is kept, so this page opens offline.
          </p>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      {header}
      {/* Another account is other engines: the board starts again on its own memory. */}
      <StatsBoard key={snapshot.accountId} engines={snapshot.engines} />
    </>
  );
}
