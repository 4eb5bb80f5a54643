/** Both rankings aligned by rank: A's result, then B's with how it moved; A's missing in B marked gone. */
import type { SearchCompareView } from '../../../../preload/contract';
import { alignByRank, type RankMark } from './rank-marks';
import { ResultLine } from './ResultLine';

function Mark({ mark, testId }: { mark: RankMark | null; testId: string }) {
  if (!mark) return <span className="rel-mark rel-mark--empty" aria-hidden="true" />;
  return (
    <span className={`rel-mark rel-mark--${mark.tone}`} title={mark.words} data-testid={testId} data-tone={mark.tone}>
      {mark.symbol}
      <span className="visually-hidden"> ({mark.words})</span>
    </span>
  );
}

export function CompareColumns({
  view,
  formatA,
  formatB,
}: {
  view: SearchCompareView;
  formatA: (value: number) => string;
  formatB: (value: number) => string;
}) {
  const rows = alignByRank(view);
  if (rows.length === 0) {
    return <p className="muted">Neither side found anything for this query.</p>;
  }
  return (
    <div className="rel-columns" role="table" aria-label="Results of A and B by rank" data-testid="compare-columns">
      <div className="rel-columns__head" role="row">
        <span role="columnheader">A</span>
        <span role="columnheader">B</span>
      </div>
      {rows.map((row) => (
        <div
          className={`rel-columns__row${row.position === view.k ? ' rel-columns__row--k' : ''}`}
          role="row"
          key={row.position}
          data-testid="compare-row"
        >
          <span role="cell">
            {row.a ? (
              <ResultLine result={row.a} formatPrice={formatA}>
                <Mark mark={row.markA} testId="compare-mark-a" />
              </ResultLine>
            ) : (
              <span className="muted rel-columns__none">—</span>
            )}
          </span>
          <span role="cell">
            {row.b ? (
              <ResultLine result={row.b} formatPrice={formatB}>
                <Mark mark={row.markB} testId="compare-mark-b" />
              </ResultLine>
            ) : (
              <span className="muted rel-columns__none">—</span>
            )}
          </span>
        </div>
      ))}
    </div>
  );
}
