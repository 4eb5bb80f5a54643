import { Search } from 'lucide-react';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { GoToAccounts } from './GoToAccounts';
import type { PageProps } from './page-props';

export function SearchPage({ navigate }: PageProps) {
  return (
    <>
      <PageHeader title="Search" subtitle="Type what shoppers type and see exactly what your engine answers." />
      <EmptyState
        icon={Search}
        title="No search engine to test yet"
        steps={['Connect an account on the Accounts page.', 'Pick a search engine, then type a query.']}
        action={<GoToAccounts navigate={navigate} />}
      >
        <p>
          Results will appear as you type, with their rank, score and facets. You will be able to compare two settings
          side by side and grade results, so you can tell whether a change made search better or worse.
        </p>
      </EmptyState>
    </>
  );
}
