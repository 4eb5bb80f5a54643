/**
 * One top list: every row the worker fetched (all pages), a filter box, the row count, and
 * headers that sort. Only the first MAX_SHOWN matching rows are drawn: past that a table is
 * for scrolling, not reading, and the filter or the CSV export serve better.
 */
import { ArrowDown, ArrowUp, Search } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { StatsPart, StatsRange, StatsTopEntry, StatsTopKind } from '../../../preload/contract';
import { formatCount } from '../../app/format';
import { ExportTableButton } from './ExportTableButton';
import { PartAge, PartNotice } from './PartStatus';
import { DEFAULT_SORT, filterTop, nextSort, ranked, sortTop, type TopSort, type TopSortKey } from './top-rows';

const MAX_SHOWN = 500;

export function TopTable({
  kind,
  help,
  part,
  engine,
  engineName,
  range,
  now,
}: {
  kind: StatsTopKind;
  help: string;
  part: StatsPart<StatsTopEntry>;
  engine: string;
  engineName: string;
  range: StatsRange;
  now: number;
}) {
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<TopSort>(DEFAULT_SORT);
  const all = useMemo(() => ranked(part.rows), [part.rows]);
  const rows = useMemo(() => sortTop(filterTop(all, filter), sort), [all, filter, sort]);
  const withUrls = all.some((row) => row.url !== null);
  const shown = rows.slice(0, MAX_SHOWN);

  return (
    <div className="stats-top">
      <div className="stats-top__bar">
        <label className="stats-filter">
          <Search size={14} aria-hidden="true" />
          <input
            className="input stats-input"
            type="search"
            placeholder="Filter"
            aria-label="Filter the list"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            data-testid="stats-top-filter"
          />
        </label>
        {(all.length > 0 || part.state === 'ready') && (
          <>
            <span className="muted" data-testid="stats-top-count">
              {filter.trim()
                ? `${formatCount(rows.length)} of ${formatCount(all.length)} rows`
                : `${formatCount(all.length)} ${all.length === 1 ? 'row' : 'rows'}`}
            </span>
            <PartAge part={part} now={now} />
          </>
        )}
        <span className="stats-spacer" />
        <ExportTableButton
          engine={engine}
          engineName={engineName}
          range={range}
          table={kind}
          disabled={all.length === 0}
        />
      </div>
      <p className="stats-help muted">{help}</p>
      <PartNotice part={part} what="this list" />
      {all.length === 0 && part.state === 'ready' && (
        <p className="stats-empty stats-empty--inline">Nothing in this list for these days.</p>
      )}
      {all.length > 0 && (
        <div className="stats-table-wrap">
          <table className="stats-table" data-testid={`stats-top-${kind}`}>
            <thead>
              <tr>
                <SortHeader label="#" column="rank" sort={sort} onSort={setSort} number narrow />
                <SortHeader label="Term" column="term" sort={sort} onSort={setSort} />
                <SortHeader label="Count" column="count" sort={sort} onSort={setSort} number narrow />
                {withUrls && <th scope="col">URL</th>}
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.rank}>
                  <td className="stats-table__number muted">{row.rank}</td>
                  <td className="stats-table__term">{row.term}</td>
                  <td className="stats-table__number">{formatCount(row.count)}</td>
                  {withUrls && (
                    <td className="stats-table__url" title={row.url ?? undefined}>
                      {row.url ?? ''}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > MAX_SHOWN && (
            <p className="stats-help muted">
              Showing the first {formatCount(MAX_SHOWN)} of {formatCount(rows.length)}: filter the list, or export it
              for every row.
            </p>
          )}
        </div>
      )}
    </div>
  );
}

function SortHeader({
  label,
  column,
  sort,
  onSort,
  number = false,
  narrow = false,
}: {
  label: string;
  column: TopSortKey;
  sort: TopSort;
  onSort: (sort: TopSort) => void;
  number?: boolean;
  /** Sized to its numbers, so the term gets the width. */
  narrow?: boolean;
}) {
  const active = sort.key === column;
  const Arrow = sort.descending ? ArrowDown : ArrowUp;
  return (
    <th
      scope="col"
      className={
        [number && 'stats-table__number', narrow && 'stats-table__narrow'].filter(Boolean).join(' ') || undefined
      }
      aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
    >
      <button type="button" className="stats-sort" onClick={() => onSort(nextSort(sort, column))}>
        {label}
        {active && <Arrow size={12} aria-hidden="true" />}
      </button>
    </th>
  );
}
