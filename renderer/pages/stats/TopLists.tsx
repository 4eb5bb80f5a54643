/**
 * The four top lists as tabs (arrow keys, Home and End move between them, as the ARIA tabs
 * pattern has it), each with its own state: a list can still be generating while another is
 * ready.
 */
import { LoaderCircle } from 'lucide-react';
import { useState } from 'react';
import { useTablistKeys } from '../../components/tablist-keys';
import type { StatsRange, StatsTopKind, StatsView } from '../../../preload/contract';
import { formatCount } from '../../app/format';
import { TOP_LISTS } from './top-rows';
import { TopTable } from './TopTable';

export function TopLists({ view, engineName, now }: { view: StatsView; engineName: string; now: number }) {
  const [active, setActive] = useState<StatsTopKind>('searches');
  const range: StatsRange = view.range;

  const { onKeyDown, tabRef } = useTablistKeys(
    TOP_LISTS.length,
    TOP_LISTS.findIndex((list) => list.kind === active),
    (index) => {
      const list = TOP_LISTS[index];
      if (list) setActive(list.kind);
    },
  );

  return (
    <section className="stats-card" aria-labelledby="stats-tops-title" data-testid="stats-tops">
      <header className="stats-card__header">
        <h2 id="stats-tops-title">What shoppers search for</h2>
      </header>
      <div className="stats-tabs" role="tablist" aria-label="Top lists" onKeyDown={onKeyDown}>
        {TOP_LISTS.map((list, index) => {
          const part = view.tops[list.kind];
          const selected = list.kind === active;
          return (
            <button
              key={list.kind}
              ref={tabRef(index)}
              type="button"
              role="tab"
              id={`stats-tab-${list.kind}`}
              aria-selected={selected}
              aria-controls={`stats-panel-${list.kind}`}
              tabIndex={selected ? 0 : -1}
              className="stats-tabs__tab"
              onClick={() => setActive(list.kind)}
              data-testid={`stats-tab-${list.kind}`}
              data-state={part.state}
            >
              {list.label}
              {part.state === 'generating' || (part.state === 'loading' && part.rows.length === 0) ? (
                <LoaderCircle size={12} className="spin" aria-label="being prepared" />
              ) : (
                <span className="stats-tabs__count">{formatCount(part.rows.length)}</span>
              )}
            </button>
          );
        })}
      </div>
      {TOP_LISTS.map((list) => (
        <div
          key={list.kind}
          role="tabpanel"
          id={`stats-panel-${list.kind}`}
          aria-labelledby={`stats-tab-${list.kind}`}
          hidden={list.kind !== active}
          data-testid={`stats-panel-${list.kind}`}
        >
          {list.kind === active && (
            <TopTable
              key={`${view.engine}|${range.from}|${range.to}|${list.kind}`}
              kind={list.kind}
              help={list.help}
              part={view.tops[list.kind]}
              engine={view.engine}
              engineName={engineName}
              range={range}
              now={now}
            />
          )}
        </div>
      ))}
    </section>
  );
}
