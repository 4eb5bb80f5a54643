import { ArrowDownUp } from 'lucide-react';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { GoToAccounts } from './GoToAccounts';
import type { PageProps } from './page-props';

export function ImportExportPage({ navigate }: PageProps) {
  return (
    <>
      <PageHeader
        title="Import / Export"
        subtitle="Bring catalogs in and out as CSV, with a dry run before anything changes."
      />
      <EmptyState
        icon={ArrowDownUp}
        title="Nothing to import into yet"
        steps={[
          'Connect an account and mirror a search engine first: imports are compared with what it holds.',
          'Then pick a CSV from your shop or spreadsheet, check the column mapping and the dry run, and apply.',
        ]}
        action={<GoToAccounts navigate={navigate} />}
      >
        <p>
          Imports show how each column maps to your products and exactly what would be added, changed or deleted, line
          by line, before you apply them. Exports write any engine, filtered view or selection back to CSV.
        </p>
      </EmptyState>
    </>
  );
}
