import { BarChart3 } from 'lucide-react';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { GoToAccounts } from './GoToAccounts';
import type { PageProps } from './page-props';

export function StatsPage({ navigate }: PageProps) {
  return (
    <>
      <PageHeader title="Stats" subtitle="How shoppers use search, day by day." />
      <EmptyState
        icon={BarChart3}
        title="No statistics to show"
        steps={['Connect an account on the Accounts page.', 'Pick a search engine and a date range.']}
        action={<GoToAccounts navigate={navigate} />}
      >
        <p>
          Daily searches, clicks and requests will be charted here, with the top searches, the most clicked products and
          the queries that found nothing. The last answer is kept, so this page opens offline.
        </p>
      </EmptyState>
    </>
  );
}
