/**
 * Search results as rows: rank, image, title, price in the engine's currency, score, and the
 * fields the user picked. Arrow keys (and Home/End) or a click move the selection; the selected
 * row shows its actions; Enter shows or hides every field of the selected result.
 *
 * Shared with Compare and Relevance cases: `<ResultList results priceFormat columns />`, with
 * optional `actions(result)` (buttons at the end of a row), `marker(result)` (something before
 * the rank: a grade, a rank change), `selected`/`onSelect` to drive the selection from outside
 * (grading with the keyboard), and `onKeyDown` to add keys of your own.
 */
import { ChevronDown, ChevronRight } from 'lucide-react';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { SearchResultView } from '../../../../preload/contract';
import { cellText, nextRow } from './result-columns';
import { formatPrice, type PriceFormat } from './price-format';
import { ResultImage } from './ResultImage';

export interface ResultListProps {
  results: readonly SearchResultView[];
  priceFormat: PriceFormat | null;
  columns?: readonly string[];
  actions?: (result: SearchResultView) => ReactNode;
  marker?: (result: SearchResultView) => ReactNode;
  selected?: number;
  onSelect?: (index: number) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLOListElement>, index: number) => void;
  label?: string;
  testId?: string;
  /** The results answer an older query than the one now typed: shown faded. */
  stale?: boolean;
}

function Price({ result, format }: { result: SearchResultView; format: PriceFormat | null }) {
  if (result.price === null && result.salePrice === null) {
    return (
      <span className="muted" title="The result has no price field (the basic and onlyid transformers leave it out).">
        no price
      </span>
    );
  }
  const onSale = result.salePrice !== null && result.price !== null && result.salePrice < result.price;
  return (
    <span className="search-price" data-testid="search-result-price">
      {onSale ? (
        <>
          <strong>{formatPrice(result.salePrice, format)}</strong>{' '}
          <s className="muted">{formatPrice(result.price, format)}</s>
        </>
      ) : (
        <strong>{formatPrice(result.price ?? result.salePrice, format)}</strong>
      )}
    </span>
  );
}

export function ResultList({
  results,
  priceFormat,
  columns = [],
  actions,
  marker,
  selected: selectedFromOutside,
  onSelect,
  onKeyDown,
  label = 'Results',
  testId = 'search-results',
  stale = false,
}: ResultListProps) {
  const [ownSelected, setOwnSelected] = useState(0);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const rows = useRef<Array<HTMLLIElement | null>>([]);
  const selected = Math.min(selectedFromOutside ?? ownSelected, Math.max(0, results.length - 1));

  function select(index: number) {
    setOwnSelected(index);
    onSelect?.(index);
    rows.current[index]?.focus();
  }
  function toggle(dfid: string) {
    setExpanded((before) => {
      const next = new Set(before);
      if (next.has(dfid)) next.delete(dfid);
      else next.add(dfid);
      return next;
    });
  }
  function keyDown(event: KeyboardEvent<HTMLOListElement>) {
    // Keys typed into a row's own controls (an amount box) are theirs.
    if ((event.target as HTMLElement).closest('input, select, textarea, button')) return;
    const next = nextRow(event.key, selected, results.length);
    if (next !== null) {
      event.preventDefault();
      select(next);
      return;
    }
    const current = results[selected];
    if (event.key === 'Enter' && current) {
      event.preventDefault();
      toggle(current.dfid);
      return;
    }
    onKeyDown?.(event, selected);
  }

  return (
    <ol
      className={`search-results${stale ? ' search-results--stale' : ''}`}
      aria-busy={stale}
      aria-label={label}
      onKeyDown={keyDown}
      data-testid={testId}
    >
      {results.map((result, index) => {
        const open = expanded.has(result.dfid);
        return (
          <li
            key={`${result.dfid}|${index}`}
            ref={(element) => {
              rows.current[index] = element;
            }}
            className={`search-result${index === selected ? ' search-result--selected' : ''}`}
            tabIndex={index === selected ? 0 : -1}
            aria-current={index === selected ? 'true' : undefined}
            onClick={(event) => {
              // A click on the row (not on one of its buttons or links) selects it, showing its actions.
              if (!(event.target as HTMLElement).closest('button, a, input, select')) select(index);
            }}
            onFocus={() => {
              if (index !== selected) {
                setOwnSelected(index);
                onSelect?.(index);
              }
            }}
            data-testid="search-result"
            data-id={result.id}
          >
            <div className="search-result__main">
              {marker?.(result)}
              <span className="search-result__rank" title="Rank over the whole result list">
                {result.rank}
              </span>
              <ResultImage src={result.image} alt="" />
              <div className="search-result__text">
                <span className="search-result__title">
                  {result.link ? (
                    <a href={result.link} target="_blank" rel="noreferrer noopener" tabIndex={-1}>
                      {result.title ?? result.id}
                    </a>
                  ) : (
                    (result.title ?? result.id)
                  )}
                </span>
                <span className="search-result__meta muted">
                  <code>{result.id}</code> · {result.type}
                  {result.score !== null && <> · score {result.score.toFixed(3)}</>}
                </span>
                {columns.length > 0 && (
                  <dl className="search-result__fields">
                    {columns.map((column) => (
                      <div key={column}>
                        <dt>{column}</dt>
                        <dd>{cellText(result.fields[column])}</dd>
                      </div>
                    ))}
                  </dl>
                )}
              </div>
              <Price result={result} format={priceFormat} />
              <button
                type="button"
                className="button button--icon"
                aria-expanded={open}
                aria-label={open ? 'Hide every field' : 'Show every field'}
                tabIndex={-1}
                onClick={() => toggle(result.dfid)}
              >
                {open ? <ChevronDown size={14} aria-hidden="true" /> : <ChevronRight size={14} aria-hidden="true" />}
              </button>
            </div>
            {actions && <div className="search-result__actions">{actions(result)}</div>}
            {open && <pre className="search-result__raw">{JSON.stringify(result.fields, null, 2)}</pre>}
          </li>
        );
      })}
    </ol>
  );
}
