/**
 * The results of one query as the case's latest run found them, each with its grade. The row
 * the keyboard is on is outlined; ungraded results in the top k are flagged, because the
 * metrics count them as irrelevant until someone looks.
 */
import { CircleAlert } from 'lucide-react';
import { useEffect, useRef } from 'react';
import type { RelevanceQueryView } from '../../../../preload/contract';
import { formatAgo } from '../../../app/format';
import { ResultLine } from '../compare/ResultLine';
import { GRADE_LEGEND } from './grading-keys';
import { coverageText } from './metric-format';
import { MetricsInline } from './MetricTiles';

export function GradingPanel({
  query,
  k,
  cursor,
  onCursor,
  onGrade,
  formatPrice,
}: {
  query: RelevanceQueryView;
  k: number;
  cursor: number;
  onCursor: (result: number) => void;
  onGrade: (itemId: string, grade: number | null) => void;
  formatPrice: (value: number) => string;
}) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.querySelector('[data-cursor="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [cursor, query.id]);

  return (
    <section className="rel-grading" aria-label={`Results of “${query.query}”`} data-testid="grading-panel">
      <header className="rel-grading__header">
        <h3>“{query.query}”</h3>
        <span className={query.ungradedInTopK > 0 ? 'text-warning' : 'text-success'} data-testid="grading-coverage">
          {coverageText(query, k)}
        </span>
        <MetricsInline metrics={query.metrics} k={k} testId="grading-metrics" />
        <span className="muted">ran {formatAgo(query.lastRunAt)}</span>
      </header>
      {query.error && (
        <p className="form__error" role="alert">
          This query failed on its last run: {query.error}
        </p>
      )}
      {query.lastRunAt === null ? (
        <p className="muted rel-hint">Run this query to see its results, then grade them with 0–3.</p>
      ) : query.results.length === 0 ? (
        <p className="muted rel-hint">Doofinder found nothing for this query on the last run.</p>
      ) : (
        <ol className="rel-grading__list" ref={list} data-testid="grading-results">
          {query.results.map((result, index) => {
            const inTopK = index < k;
            const ungraded = result.grade === null;
            return (
              <li
                key={`${result.type}/${result.id}`}
                className={[
                  'rel-grading__row',
                  index === cursor ? 'rel-grading__row--cursor' : '',
                  inTopK ? '' : 'rel-grading__row--beyond',
                  index === k - 1 && query.results.length > k ? 'rel-grading__row--k' : '',
                ].join(' ')}
                data-cursor={index === cursor}
                data-grade={result.grade ?? ''}
                data-testid="grading-row"
                onClick={() => onCursor(index)}
              >
                <ResultLine result={result} formatPrice={formatPrice}>
                  {ungraded && inTopK && (
                    <span className="rel-flag" title="Not graded: counts as irrelevant" data-testid="ungraded-flag">
                      <CircleAlert size={13} aria-hidden="true" /> ungraded
                    </span>
                  )}
                  <span className="rel-grades" role="group" aria-label={`Grade ${result.title ?? result.id}`}>
                    {GRADE_LEGEND.map((entry) => (
                      <button
                        key={entry.grade}
                        type="button"
                        tabIndex={-1}
                        className={`rel-grade rel-grade--${entry.grade}`}
                        aria-pressed={result.grade === entry.grade}
                        title={`${entry.grade}: ${entry.label}`}
                        onClick={(event) => {
                          event.stopPropagation();
                          onCursor(index);
                          onGrade(result.id, result.grade === entry.grade ? null : entry.grade);
                        }}
                      >
                        {entry.grade}
                      </button>
                    ))}
                  </span>
                </ResultLine>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
