/** One result, compact: image, title, price, id and score, for columns side by side. */
import { ImageOff } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import type { SearchResultView } from '../../../../preload/contract';

export function ResultLine({
  result,
  formatPrice,
  children,
  testId,
}: {
  result: SearchResultView;
  formatPrice: (value: number) => string;
  /** Marks or controls at the line's end. */
  children?: ReactNode;
  testId?: string;
}) {
  // Shop images are often out of reach (offline, a test shop's made-up host): show the placeholder instead.
  const [broken, setBroken] = useState(false);
  const onSale = result.salePrice !== null && result.price !== null && result.salePrice < result.price;
  return (
    <div className="rel-result" data-testid={testId} data-id={result.id}>
      <span className="rel-result__rank">#{result.rank}</span>
      {result.image && !broken ? (
        <img className="rel-result__image" src={result.image} alt="" loading="lazy" onError={() => setBroken(true)} />
      ) : (
        <span className="rel-result__image rel-result__image--none" aria-hidden="true">
          <ImageOff size={14} />
        </span>
      )}
      <span className="rel-result__body">
        <span className="rel-result__title">{result.title ?? <em className="muted">no title</em>}</span>
        <span className="rel-result__meta">
          <span title="id">{result.id}</span>
          {result.price !== null && (
            <span>
              {onSale && result.salePrice !== null ? (
                <>
                  <s className="muted">{formatPrice(result.price)}</s> {formatPrice(result.salePrice)}
                </>
              ) : (
                formatPrice(result.price)
              )}
            </span>
          )}
          {result.score !== null && <span title="dfscore">score {result.score.toFixed(2)}</span>}
        </span>
      </span>
      {children}
    </div>
  );
}
