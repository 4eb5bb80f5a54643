/**
 * The daily aggregates as lines (recharts). Every colour is a theme variable, so axes, grid,
 * tooltip and lines stay readable in light and dark; no animation, because the numbers should
 * simply be there when the range changes (and a screenshot never catches a half-drawn line).
 */
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART_AXIS_TICK, CHART_MARGIN, CHART_TOOLTIP_STYLE } from '../../components/chart-style';
import type { StatsDay } from '../../../preload/contract';
import { formatCount } from '../../app/format';
import { formatStatsDay } from './data-age';
import { SERIES, type SeriesKey } from './series';

const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
const tickDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

function shortDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return tickDay.format(new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1));
}

export function AggregatesChart({ days, shown }: { days: readonly StatsDay[]; shown: ReadonlySet<SeriesKey> }) {
  // Dots help on a week or a month; on longer ranges they only crowd the line.
  const dots = days.length <= 31;
  return (
    <div className="stats-chart" data-testid="stats-chart">
      <LineChart
        responsive
        style={{ width: '100%', height: '100%' }}
        data={[...days]}
        margin={CHART_MARGIN}
        accessibilityLayer
      >
        <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="date"
          tickFormatter={shortDay}
          tick={CHART_AXIS_TICK}
          stroke="var(--chart-axis)"
          minTickGap={24}
          tickMargin={6}
        />
        <YAxis
          tickFormatter={(value: number) => compact.format(value)}
          tick={CHART_AXIS_TICK}
          stroke="var(--chart-axis)"
          width={48}
          allowDecimals={false}
        />
        <Tooltip
          labelFormatter={(label) => (typeof label === 'string' ? formatStatsDay(label) : label)}
          formatter={(value) => (typeof value === 'number' ? formatCount(value) : value)}
          {...CHART_TOOLTIP_STYLE}
          cursor={{ stroke: 'var(--chart-axis)' }}
        />
        {SERIES.map((series) => (
          <Line
            key={series.key}
            type="monotone"
            dataKey={series.key}
            name={series.label}
            stroke={series.color}
            strokeWidth={2}
            dot={dots ? { r: 2.5, fill: series.color, strokeWidth: 0 } : false}
            activeDot={{ r: 4, stroke: 'var(--surface)', strokeWidth: 2 }}
            hide={!shown.has(series.key)}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </div>
  );
}
