import { Table2 } from 'lucide-react';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { GoToAccounts } from './GoToAccounts';
import type { PageProps } from './page-props';

export function CatalogPage({ navigate }: PageProps) {
  return (
    <>
      <PageHeader title="Catalog" subtitle="Your products in a spreadsheet grid, editable offline." />
      <EmptyState
        icon={Table2}
        title="No catalog on this computer yet"
        steps={[
          'Connect an account on the Accounts page (or use the built-in Sandbox, which needs no Doofinder account).',
          'Pick a search engine and mirror its products to this computer.',
          'Edit like in a spreadsheet, review what changed, then press Sync.',
        ]}
        action={<GoToAccounts navigate={navigate} />}
      >
        <p>
          Here you will see every product of a search engine, with sorting, filters and quick search. Edits are saved on
          this computer first and marked as pending until you sync them, so nothing reaches your shop by accident.
        </p>
      </EmptyState>
    </>
  );
}
