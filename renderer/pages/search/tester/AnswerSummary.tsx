/** What Doofinder said about the search as a whole: how many, how fast, and which query type answered. */
import type { SearchAnswerView } from '../../../../preload/contract';
import { formatCount } from '../../../app/format';

export function AnswerSummary({ answer, stale }: { answer: SearchAnswerView; stale: boolean }) {
  const first = answer.results[0]?.rank ?? 0;
  const last = answer.results.at(-1)?.rank ?? 0;
  return (
    <p className={`search-summary${stale ? ' search-summary--stale' : ''}`} data-testid="search-summary">
      <strong data-testid="search-total">{formatCount(answer.total)}</strong> results
      {answer.totalFound !== null && answer.totalFound !== answer.total && (
        <> ({formatCount(answer.totalFound)} matched)</>
      )}
      {answer.results.length > 0 && (
        <span className="muted">
          {' '}
          · showing {formatCount(first)}–{formatCount(last)}
        </span>
      )}
      <span className="muted"> · {formatCount(answer.tookMs)} ms</span>
      <span className="muted"> · answered by </span>
      <code data-testid="search-answered-by">{answer.queryName ?? 'unknown'}</code>
      {answer.maxScore !== null && <span className="muted"> · best score {answer.maxScore.toFixed(3)}</span>}
    </p>
  );
}
