/**
 * Each metric's case mean over the runs, as lines on a 0–1 scale. Colours are theme variables
 * (as the Stats chart does), and no animation: a screenshot never catches a half-drawn line.
 */
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMetric, METRICS } from './metric-format';
import type { RunPoint } from './run-points';

const AXIS_TICK = { fill: 'var(--text-2)', fontSize: 11 };
const COLOURS = ['var(--rel-series-1)', 'var(--rel-series-2)', 'var(--rel-series-3)', 'var(--rel-series-4)'];

export function RunsChart({ points, k }: { points: readonly RunPoint[]; k: number }) {
  return (
    <div className="rel-chart" data-testid="runs-chart">
      <LineChart
        responsive
        style={{ width: '100%', height: '100%' }}
        data={[...points]}
        margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
        accessibilityLayer
      >
        <CartesianGrid stroke="var(--rel-chart-grid)" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={AXIS_TICK} stroke="var(--rel-chart-axis)" minTickGap={24} tickMargin={6} />
        <YAxis domain={[0, 1]} tick={AXIS_TICK} stroke="var(--rel-chart-axis)" width={40} tickCount={6} />
        <Tooltip
          labelFormatter={(label, payload) => {
            const point = payload[0]?.payload as RunPoint | undefined;
            return point ? `Run ${point.label} · ${point.date}` : typeof label === 'string' ? label : '';
          }}
          formatter={(value) => (typeof value === 'number' ? formatMetric(value) : value)}
          contentStyle={{
            background: 'var(--surface)',
            border: '1px solid var(--border)',
            borderRadius: 8,
            color: 'var(--text)',
            fontSize: 12,
          }}
          labelStyle={{ color: 'var(--text)', fontWeight: 600 }}
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
