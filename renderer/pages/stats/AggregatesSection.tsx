/**
 * Daily activity: the totals per series (which double as the chart's legend: each one toggles
 * its line, with the keyboard too), the line chart, and the days as a table under it.
 */
import { CalendarX2 } from 'lucide-react';
import { useState } from 'react';
import type { StatsDay, StatsPart, StatsRange } from '../../../preload/contract';
import { formatCount } from '../../app/format';
import { AggregatesChart } from './AggregatesChart';
import { formatStatsDay } from './data-age';
import { daysIn } from './date-range';
import { ExportTableButton } from './ExportTableButton';
import { PartAge, PartNotice } from './PartStatus';
import { DEFAULT_SERIES, isEmptyPeriod, SERIES, toggleSeries, totalsOf, type SeriesKey } from './series';

export function AggregatesSection({
  part,
  engine,
  engineName,
  range,
  now,
}: {
  part: StatsPart<StatsDay>;
  engine: string;
  engineName: string;
  range: StatsRange;
  now: number;
}) {
  const [shown, setShown] = useState<ReadonlySet<SeriesKey>>(DEFAULT_SERIES);
  const days = part.rows;
  const totals = totalsOf(days);
  const empty = (part.state === 'ready' || days.length > 0) && isEmptyPeriod(days);
  return (
    <section className="stats-card" aria-labelledby="stats-daily-title" data-testid="stats-aggregates">
      <header className="stats-card__header">
        <h2 id="stats-daily-title">Daily activity</h2>
        <PartAge part={part} now={now} />
        <span className="stats-spacer" />
        <ExportTableButton
          engine={engine}
          engineName={engineName}
          range={range}
          table="aggregates"
          disabled={days.length === 0}
        />
      </header>
      <PartNotice part={part} what="the daily numbers" />
      {days.length > 0 && (
        <div className="stats-legend" role="group" aria-label="Series shown in the chart">
          {SERIES.map((series) => (
            <button
              key={series.key}
              type="button"
              className="stats-legend__item"
              aria-pressed={shown.has(series.key)}
              title={`${series.help} Click to ${shown.has(series.key) ? 'hide' : 'show'} it in the chart.`}
              onClick={() => setShown((before) => toggleSeries(before, series.key))}
              data-testid={`stats-series-${series.key}`}
            >
              <span className="stats-legend__swatch" style={{ background: series.color }} aria-hidden="true" />
              <span className="stats-legend__label">{series.label}</span>
              <span className="stats-legend__total">{formatCount(totals[series.key])}</span>
            </button>
          ))}
        </div>
      )}
      {empty ? (
        <div className="stats-empty" data-testid="stats-empty-period">
          <CalendarX2 size={22} aria-hidden="true" />
          <p>
            No searches, clicks or requests in these {formatCount(daysIn(range))} days. Pick a longer range, or check
            that the search layer is installed on the shop.
          </p>
        </div>
      ) : (
        days.length > 0 && (
          <>
            <AggregatesChart days={days} shown={shown} />
            <DaysTable days={days} />
          </>
        )
      )}
    </section>
  );
}

function DaysTable({ days }: { days: readonly StatsDay[] }) {
  return (
    <div className="stats-table-wrap stats-table-wrap--days">
      <table className="stats-table" data-testid="stats-days">
        <caption className="visually-hidden">Daily numbers, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {SERIES.map((series) => (
              <th key={series.key} scope="col" className="stats-table__number" title={series.help}>
                {series.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {/* Newest first: the day a user asks about is usually yesterday or today. */}
          {[...days].reverse().map((day) => (
            <tr key={day.date}>
              <th scope="row">{formatStatsDay(day.date)}</th>
              {SERIES.map((series) => (
                <td key={series.key} className="stats-table__number">
                  {formatCount(day[series.key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
