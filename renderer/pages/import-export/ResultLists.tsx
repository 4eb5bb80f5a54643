/** A dry run's detail, a page at a time: new items, changed items field by field, problems by line, deletions. */
import { ArrowRight } from 'lucide-react';
import { useState } from 'react';
import type { CsvChangedRow, CsvDryRun, CsvProblemRow, CsvStagedRow } from '../../../preload/contract';
import { call } from '../../api/client';
import { formatCount } from '../../app/format';
import { showValue } from './dry-run-summary';
import { PAGE_SIZE, usePaged, type Paged } from './use-paged';

type ListTab = 'new' | 'changes' | 'problems' | 'deletions';

function MoreButton<T>({ paged, what }: { paged: Paged<T>; what: string }) {
  if (paged.error)
    return (
      <p className="form__error">
        The {what} could not be read: {paged.error}
      </p>
    );
  if (paged.done) return null;
  return (
    <button type="button" className="button button--small" disabled={paged.loading} onClick={paged.more}>
      {paged.loading ? 'Reading…' : `Show ${PAGE_SIZE} more`}
    </button>
  );
}

/** The items the import would add, each field it would hold on a line of its own. */
function NewItemsList({ importId }: { importId: number }) {
  const paged = usePaged<CsvStagedRow, number>(
    async (after) =>
      (await call('csv:rows', { importId, outcome: 'new', afterLine: after ?? 0, limit: PAGE_SIZE })).rows,
    (row) => row.line,
  );
  if (paged.rows.length === 0 && paged.done) return <p className="ie-empty">No new items: the file adds nothing.</p>;
  return (
    <>
      <table className="data-table diff-table" data-testid="import-new">
        <thead>
          <tr>
            <th className="data-table__line">Line</th>
            <th>Item</th>
            <th>Field</th>
            <th>Value</th>
          </tr>
        </thead>
        <tbody>
          {paged.rows.flatMap((row) =>
            Object.entries(row.doc ?? {})
              .filter(([field]) => field !== 'id')
              .map(([field, value], index) => (
                <tr key={`${row.line}/${field}`} className={index === 0 ? 'starts-item' : undefined}>
                  <td className="data-table__line">{index === 0 ? row.line : ''}</td>
                  <td className="mono">{index === 0 ? row.id : ''}</td>
                  <td className="mono">{field}</td>
                  <td className="diff-table__after">{showValue(value)}</td>
                </tr>
              )),
          )}
        </tbody>
      </table>
      <MoreButton paged={paged} what="new items" />
    </>
  );
}

function ChangesList({ importId }: { importId: number }) {
  const paged = usePaged<CsvChangedRow, number>(
    async (after) => (await call('csv:changes', { importId, afterLine: after ?? 0, limit: PAGE_SIZE })).rows,
    (row) => row.line,
  );
  if (paged.rows.length === 0 && paged.done)
    return <p className="ie-empty">No item changes: the file adds or deletes only.</p>;
  return (
    <>
      <table className="data-table diff-table" data-testid="import-changes">
        <thead>
          <tr>
            <th className="data-table__line">Line</th>
            <th>Item</th>
            <th>Field</th>
            <th>Before</th>
            <th aria-label="becomes" />
            <th>After</th>
          </tr>
        </thead>
        <tbody>
          {paged.rows.flatMap((row) =>
            row.fields.map((field, index) => (
              <tr key={`${row.line}/${field.field}`} className={index === 0 ? 'starts-item' : undefined}>
                <td className="data-table__line">{index === 0 ? row.line : ''}</td>
                <td className="mono">{index === 0 ? row.id : ''}</td>
                <td className="mono">{field.field}</td>
                <td className="diff-table__before">{showValue(field.before)}</td>
                <td className="diff-table__arrow">
                  <ArrowRight size={12} aria-hidden="true" />
                </td>
                <td className="diff-table__after">{showValue(field.after)}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      <MoreButton paged={paged} what="changes" />
    </>
  );
}

function ProblemsList({ importId }: { importId: number }) {
  const paged = usePaged<CsvProblemRow, number>(
    async (after) => (await call('csv:problems', { importId, afterLine: after ?? 0, limit: PAGE_SIZE })).rows,
    (row) => row.line,
  );
  if (paged.rows.length === 0 && paged.done) return <p className="ie-empty">No problems: every row reads cleanly.</p>;
  return (
    <>
      <table className="data-table" data-testid="import-problems">
        <thead>
          <tr>
            <th className="data-table__line">Line</th>
            <th>Column</th>
            <th>Item</th>
            <th>Outcome</th>
            <th>Reason</th>
          </tr>
        </thead>
        <tbody>
          {paged.rows.flatMap((row) =>
            row.problems.map((problem, index) => (
              <tr key={`${row.line}/${index}`}>
                <td className="data-table__line">{problem.line}</td>
                <td>
                  {problem.column === null
                    ? '—'
                    : `${problem.column}${problem.columnName ? ` · ${problem.columnName}` : ''}`}
                </td>
                <td className="mono">{row.id ?? '—'}</td>
                <td>
                  <span className={`pill ${problem.severity === 'error' ? 'pill--bad' : 'pill--warn'}`}>
                    {problem.severity === 'error'
                      ? 'invalid: left out'
                      : row.outcome === 'invalid'
                        ? 'warning'
                        : `${row.outcome}, with a warning`}
                  </span>
                </td>
                <td>{problem.reason}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      <MoreButton paged={paged} what="problems" />
    </>
  );
}

function DeletionsList({ importId }: { importId: number }) {
  const paged = usePaged<string, string>(
    async (after) => (await call('csv:deletions', { importId, afterId: after ?? '', limit: PAGE_SIZE })).ids,
    (id) => id,
  );
  return (
    <>
      <p className="muted result-lists__intro">
        Items of the type that the file does not have: replace mode deletes them (until you sync, undo brings them
        back).
      </p>
      <ul className="id-list" data-testid="import-deletions">
        {paged.rows.map((id) => (
          <li key={id} className="mono">
            {id}
          </li>
        ))}
      </ul>
      <MoreButton paged={paged} what="deletions" />
    </>
  );
}

/** Changes first (what a re-import is about), else the problems, else the new items. */
function firstTab(added: number, changed: number, problems: number): ListTab {
  if (changed > 0) return 'changes';
  if (problems > 0) return 'problems';
  return added > 0 ? 'new' : 'changes';
}

export function ResultLists({ dryRun }: { dryRun: CsvDryRun }) {
  const { counts } = dryRun;
  const problems = counts.invalid + counts.warnings;
  const tabs: Array<{ id: ListTab; label: string; count: number }> = [
    { id: 'new', label: 'New', count: counts.new },
    { id: 'changes', label: 'Changes', count: counts.changed },
    { id: 'problems', label: 'Problems', count: problems },
  ];
  if (counts.deleted > 0) tabs.push({ id: 'deletions', label: 'Deletions', count: counts.deleted });
  const [tab, setTab] = useState<ListTab>(firstTab(counts.new, counts.changed, problems));
  return (
    <div className="result-lists">
      <div className="tabs tabs--inline" role="tablist" aria-label="Dry run detail">
        {tabs.map((candidate) => (
          <button
            key={candidate.id}
            type="button"
            role="tab"
            aria-selected={tab === candidate.id}
            className="tabs__tab"
            onClick={() => setTab(candidate.id)}
          >
            {candidate.label} <span className="tabs__count">{formatCount(candidate.count)}</span>
          </button>
        ))}
      </div>
      <div className="table-wrap table-wrap--tall" role="tabpanel">
        {tab === 'new' && <NewItemsList key={dryRun.importId} importId={dryRun.importId} />}
        {tab === 'changes' && <ChangesList key={dryRun.importId} importId={dryRun.importId} />}
        {tab === 'problems' && <ProblemsList key={dryRun.importId} importId={dryRun.importId} />}
        {tab === 'deletions' && <DeletionsList key={dryRun.importId} importId={dryRun.importId} />}
      </div>
    </div>
  );
}
