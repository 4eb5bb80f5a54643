/** The case's queries: what each asks, how much of its top k is graded, its nDCG, and its own Run. */
import { Pencil, Play, Trash2 } from 'lucide-react';
import type { RelevanceQueryView } from '../../../../preload/contract';
import { describeParams } from '../compare/default-params';
import { coverageText, formatMetric } from './metric-format';

export function QueryList({
  queries,
  k,
  selected,
  running,
  onSelect,
  onRun,
  onEdit,
  onDelete,
}: {
  queries: readonly RelevanceQueryView[];
  k: number;
  selected: number;
  running: boolean;
  onSelect: (index: number) => void;
  onRun: (query: RelevanceQueryView) => void;
  onEdit: (query: RelevanceQueryView) => void;
  onDelete: (query: RelevanceQueryView) => void;
}) {
  return (
    <ol className="rel-queries" data-testid="case-queries">
      {queries.map((query, index) => (
        <li
          key={query.id}
          className={`rel-query${index === selected ? ' rel-query--selected' : ''}`}
          data-testid="case-query"
          data-selected={index === selected}
        >
          <button
            type="button"
            className="rel-query__main"
            onClick={() => onSelect(index)}
            aria-current={index === selected}
          >
            <span className="rel-query__text">{query.query}</span>
            <span className="muted rel-query__params">{describeParams(query.params)}</span>
            <span className="rel-query__facts">
              <span className={query.ungradedInTopK > 0 ? 'text-warning' : 'muted'} data-testid="query-coverage">
                {query.lastRunAt ? coverageText(query, k) : 'not run yet'}
              </span>
              <span data-testid="query-ndcg">
                <span className="muted">nDCG</span> {formatMetric(query.metrics?.ndcg)}
              </span>
            </span>
            {query.error && <span className="text-danger rel-query__error">{query.error}</span>}
          </button>
          <span className="rel-query__actions">
            <button
              type="button"
              className="button button--icon"
              aria-label={`Run “${query.query}”`}
              title="Run this query"
              disabled={running}
              onClick={() => onRun(query)}
              data-testid="query-run"
            >
              <Play size={14} aria-hidden="true" />
            </button>
            <button
              type="button"
              className="button button--icon"
              aria-label={`Edit “${query.query}”`}
              onClick={() => onEdit(query)}
            >
              <Pencil size={14} aria-hidden="true" />
            </button>
            <button
              type="button"
              className="button button--icon"
              aria-label={`Delete “${query.query}”`}
              onClick={() => onDelete(query)}
              data-testid="query-delete"
            >
              <Trash2 size={14} aria-hidden="true" />
            </button>
          </span>
        </li>
      ))}
    </ol>
  );
}
