/**
 * Each metric's case mean over the runs, as lines on a 0–1 scale. Colours are theme variables
 * (as the Stats chart does), and no animation: a screenshot never catches a half-drawn line.
 */
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART_AXIS_TICK, CHART_MARGIN, CHART_TOOLTIP_STYLE } from '../../../components/chart-style';
import { formatMetric, METRICS } from './metric-format';
import type { RunPoint } from './run-points';

const COLOURS = ['var(--rel-series-1)', 'var(--rel-series-2)', 'var(--rel-series-3)', 'var(--rel-series-4)'];

export function RunsChart({ points, k }: { points: readonly RunPoint[]; k: number }) {
  return (
    <div className="rel-chart" data-testid="runs-chart">
      <LineChart
        responsive
        style={{ width: '100%', height: '100%' }}
        data={[...points]}
        margin={CHART_MARGIN}
        accessibilityLayer
      >
        <CartesianGrid stroke="var(--rel-chart-grid)" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={CHART_AXIS_TICK} stroke="var(--rel-chart-axis)" minTickGap={24} tickMargin={6} />
        <YAxis domain={[0, 1]} tick={CHART_AXIS_TICK} stroke="var(--rel-chart-axis)" width={40} tickCount={6} />
        <Tooltip
          labelFormatter={(label, payload) => {
            const point = payload[0]?.payload as RunPoint | undefined;
            return point ? `Run ${point.label} · ${point.date}` : typeof label === 'string' ? label : '';
          }}
          formatter={(value) => (typeof value === 'number' ? formatMetric(value) : value)}
          {...CHART_TOOLTIP_STYLE}
          cursor={{ stroke: 'var(--rel-chart-axis)' }}
        />
        <Legend wrapperStyle={{ fontSize: 12, color: 'var(--text-2)' }} />
        {METRICS.map((metric, index) => (
          <Line
            key={metric.key}
            type="linear"
            dataKey={metric.key}
            name={metric.label(k)}
            stroke={COLOURS[index]}
            strokeWidth={2}
            dot={{ r: 3, fill: COLOURS[index], strokeWidth: 0 }}
            activeDot={{ r: 4, stroke: 'var(--surface)', strokeWidth: 2 }}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </div>
  );
}
