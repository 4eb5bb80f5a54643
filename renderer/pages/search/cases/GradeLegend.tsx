/** What each grade means and which keys grade, kept in sight while grading. */
import { GRADE_LEGEND } from './grading-keys';

export function GradeLegend({ threshold }: { threshold: number }) {
  return (
    <div className="rel-legend" data-testid="grade-legend">
      {GRADE_LEGEND.map((entry) => (
        <span key={entry.grade} className={`rel-legend__item rel-grade--${entry.grade}`}>
          <kbd>{entry.grade}</kbd> {entry.label}
          {entry.grade >= threshold && <span className="visually-hidden"> (relevant)</span>}
        </span>
      ))}
      <span className="muted rel-legend__keys">
        <kbd>↑</kbd>
        <kbd>↓</kbd> result · <kbd>⌫</kbd> ungrade · <kbd>Enter</kbd>/<kbd>→</kbd> next query · <kbd>←</kbd> previous ·
        relevant from {threshold}
      </span>
    </div>
  );
}
