/**
 * The Stats page for an account with engines: toolbar, daily activity, top lists, and the
 * usage panel at the side. Engine and range are remembered for the next visit.
 */
import { CircleAlert, LoaderCircle } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import type { EngineView, StatsRange } from '../../../preload/contract';
import { describeError } from '../../api/client';
import { useNow } from '../../app/useNow';
import { AggregatesSection } from './AggregatesSection';
import { daysIn, defaultChoice, rangeOf, toYyyymmdd, type RangeChoice } from './date-range';
import { readStatsMemory, writeStatsMemory } from './stats-memory';
import { StatsToolbar } from './StatsToolbar';
import { TopLists } from './TopLists';
import { UsagePanel } from './UsagePanel';
import { useStatsView } from './use-stats-view';

const rangeDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

function describeRange(range: StatsRange): string {
  const at = (day: string) => new Date(+day.slice(0, 4), +day.slice(4, 6) - 1, +day.slice(6, 8));
  const days = daysIn(range);
  return `${rangeDay.formatRange(at(range.from), at(range.to))} · ${days} ${days === 1 ? 'day' : 'days'}`;
}

function useRangeOf(choice: RangeChoice, now: number): { today: Date; range: StatsRange } {
  // Keyed by the calendar day, so the range (and the request) only change when the day does.
  const dayKey = toYyyymmdd(new Date(now));
  return useMemo(() => {
    const today = new Date(+dayKey.slice(0, 4), +dayKey.slice(4, 6) - 1, +dayKey.slice(6, 8));
    return { today, range: rangeOf(choice, today) };
  }, [choice, dayKey]);
}

export function StatsBoard({ engines }: { engines: readonly EngineView[] }) {
  const [memory] = useState(readStatsMemory);
  const [chosen, setEngine] = useState(memory.engine);
  // An engine removed since (or never known here) falls back to the first one.
  const engine = engines.find((candidate) => candidate.hashid === chosen)?.hashid ?? engines[0]?.hashid ?? '';
  const now = useNow(30_000);
  const [choice, setChoice] = useState<RangeChoice>(() => memory.choice ?? defaultChoice(new Date()));
  const { today, range } = useRangeOf(choice, now);
  const stats = useStatsView(engine || null, range);
  const engineName = engines.find((candidate) => candidate.hashid === engine)?.name ?? engine;

  useEffect(() => writeStatsMemory({ engine, choice }), [engine, choice]);

  const view = stats.view;
  const refreshing =
    view !== null && [view.aggregates, ...Object.values(view.tops)].some((part) => part.state === 'loading');
  return (
    <div className="stats-page">
      <StatsToolbar
        engines={engines}
        engine={engine}
        onEngine={setEngine}
        choice={choice}
        onChoice={setChoice}
        today={today}
        onRefresh={stats.refresh}
        refreshing={refreshing}
      />
      <p className="stats-range-line muted" data-testid="stats-range">
        {describeRange(range)}
      </p>
      <div className="stats-layout">
        <div className="stats-main">
          {stats.error !== null && (
            <p className="notice notice--danger" role="alert">
              <CircleAlert size={15} aria-hidden="true" />
              <span>The stats could not be read: {describeError(stats.error)}</span>
            </p>
          )}
          {!view && stats.error === null && (
            <p className="muted">
              <LoaderCircle size={14} className="spin inline-icon" aria-hidden="true" /> Opening the stats…
            </p>
          )}
          {view && (
            <>
              <AggregatesSection
                part={view.aggregates}
                engine={view.engine}
                engineName={engineName}
                range={view.range}
                now={now}
              />
              <TopLists view={view} engineName={engineName} now={now} />
            </>
          )}
        </div>
        <UsagePanel now={now} />
      </div>
    </div>
  );
}
