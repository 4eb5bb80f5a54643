import { Rss } from 'lucide-react';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { GoToAccounts } from './GoToAccounts';
import type { PageProps } from './page-props';

export function FeedsPage({ navigate }: PageProps) {
  return (
    <>
      <PageHeader title="Feeds" subtitle="Start feed processing and see how every run went." />
      <EmptyState
        icon={Rss}
        title="No feed runs to show"
        steps={[
          'Connect an account on the Accounts page.',
          'Choose a search engine and press Process now, or wait for the next scheduled run.',
        ]}
        action={<GoToAccounts navigate={navigate} />}
      >
        <p>
          Each run of your product feed will be listed here with its result, duration and log lines, and you will be
          warned when a run silently loses products.
        </p>
      </EmptyState>
    </>
  );
}
