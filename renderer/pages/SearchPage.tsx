/**
 * Search: type what shoppers type and see exactly what an engine answers (the Search tab),
 * compare two settings side by side (Compare), and grade results of the queries that matter
 * (Relevance cases). The page is a shell: the engine picker and the three tabs.
 */
import { Search } from 'lucide-react';
import { PageHeader } from '../components/PageHeader';
import { EnginesPending, NoEngines, useEngines } from './page-engines';
import type { PageProps } from './page-props';
import { SearchShell } from './search/SearchShell';
import '../styles/search.css';

const SUBTITLE = 'Type what shoppers type and see exactly what your engine answers.';

export function SearchPage({ navigate }: PageProps) {
  const engines = useEngines();
  const snapshot = engines.data;
  const header = <PageHeader title="Search" subtitle={SUBTITLE} />;

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
          icon={Search}
          steps={['Connect an account on the Accounts page.', 'Pick a search engine, then type a query.']}
          navigate={navigate}
        >
          <p>
            Results will appear as you type, with their rank, score and facets. You will be able to compare two settings
            side by side and grade results, so you can tell whether a change made search better or worse.
          </p>
        </NoEngines>
      </>
    );
  }
  return (
    <>
      {header}
      {/* Another account is other engines: the tabs start again on their own memory. */}
      <SearchShell key={snapshot.accountId} engines={snapshot.engines} navigate={navigate} />
    </>
  );
}
