/**
 * How the app's line charts (recharts) look, from the theme's CSS variables, so every chart
 * reads the same in light and dark: axis text, the chart's margin and the tooltip.
 */
import type { CSSProperties } from 'react';

export const CHART_AXIS_TICK = { fill: 'var(--text-2)', fontSize: 11 };

export const CHART_MARGIN = { top: 8, right: 16, bottom: 0, left: 0 };

export const CHART_TOOLTIP_STYLE: { contentStyle: CSSProperties; labelStyle: CSSProperties } = {
  contentStyle: {
    background: 'var(--surface)',
    border: '1px solid var(--border)',
    borderRadius: 8,
    color: 'var(--text)',
    fontSize: 12,
  },
  labelStyle: { color: 'var(--text)', fontWeight: 600 },
};
