/**
 * Stats: how shoppers use search on an engine, for a date range: the daily aggregates as a
 * chart and a table, the four top lists, and the month's API usage. The worker caches the
 * last answer, so the page opens at once, offline too, and says how old it is.
 */
import { BarChart3 } from 'lucide-react';
import { PageHeader } from '../components/PageHeader';
import { EnginesPending, NoEngines, useEngines } from './page-engines';
import type { PageProps } from './page-props';
import { StatsBoard } from './stats/StatsBoard';
import '../styles/stats.css';

export function StatsPage({ navigate }: PageProps) {
  const engines = useEngines();
  const snapshot = engines.data;
  const header = <PageHeader title="Stats" subtitle="How shoppers use search, day by day." />;

  if (!snapshot) {
    return (
      <>
        {header}
        <EnginesPending error={engines.error} />
      </>
    );
  }
  if (snapshot.accountId === null || snapshot.engines.length === 0) {
    return (
      <>
        {header}
        <NoEngines
          accountId={snapshot.accountId}
          icon={BarChart3}
          steps={['Connect an account on the Accounts page.', 'Pick a search engine and a date range.']}
          navigate={navigate}
        >
          <p>
            Daily searches, clicks and requests will be charted here, with the top searches, the most clicked products
            and the queries that found nothing. The last answer is kept, so this page opens offline.
          </p>
        </NoEngines>
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
