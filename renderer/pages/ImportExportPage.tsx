/**
 * Import / Export: CSV files into a type (file, columns, dry run, apply, sync) and out of it.
 * Both work on the current account's engines and types; a file dropped on the Catalog page
 * arrives here with its engine and type chosen.
 */
import { ArrowDownUp, Download, Upload } from 'lucide-react';
import { useState } from 'react';
import { PageHeader } from '../components/PageHeader';
import { AccountLine } from './import-export/AccountLine';
import { ExportForm } from './import-export/ExportForm';
import { waitingImportHandoff, type ImportHandoff } from './import-export/import-handoff';
import { ImportWizard } from './import-export/ImportWizard';
import { EnginesPending, NoEngines, useEngines } from './page-engines';
import type { PageProps } from './page-props';
import './import-export/import-export.css';

type Tab = 'import' | 'export';

export function ImportExportPage({ navigate }: PageProps) {
  const engines = useEngines();
  const [handoff, setHandoff] = useState<ImportHandoff | null>(waitingImportHandoff);
  const [tab, setTab] = useState<Tab>('import');

  const snapshot = engines.data;
  const header = (
    <PageHeader
      title="Import / Export"
      subtitle="Bring catalogs in and out as CSV, with a dry run before anything changes."
    >
      {snapshot && snapshot.engines.length > 0 && (
        <div className="tabs" role="tablist" aria-label="Import or export">
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'import'}
            className="tabs__tab"
            onClick={() => setTab('import')}
          >
            <Upload size={14} aria-hidden="true" /> Import
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'export'}
            className="tabs__tab"
            onClick={() => setTab('export')}
          >
            <Download size={14} aria-hidden="true" /> Export
          </button>
        </div>
      )}
    </PageHeader>
  );

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
          icon={ArrowDownUp}
          steps={[
            'Connect an account and mirror a search engine first: imports are compared with what it holds.',
            'Then pick a CSV from your shop or spreadsheet, check the column mapping and the dry run, and apply.',
          ]}
          navigate={navigate}
        >
          <p>
            Imports show how each column maps to your products and exactly what would be added, changed or deleted, line
            by line, before you apply them. Exports write any engine, or its pending changes, back to CSV.
          </p>
        </NoEngines>
      </>
    );
  }
  return (
    <>
      {header}
      <AccountLine />
      {/* Another account is another catalog: both forms start again. */}
      <div hidden={tab !== 'import'}>
        <ImportWizard
          key={snapshot.accountId}
          engines={snapshot.engines}
          handoff={handoff}
          onHandoffTaken={() => setHandoff(null)}
          navigate={navigate}
        />
      </div>
      <div hidden={tab !== 'export'}>
        <ExportForm key={snapshot.accountId} engines={snapshot.engines} initial={handoff} />
      </div>
    </>
  );
}
