/** A result's tracking buttons: a click on it, and adding or removing an amount of it to the cart. */
import { MousePointerClick, ShoppingCart, Minus } from 'lucide-react';
import type { SearchResultView } from '../../../../preload/contract';
import type { Tracking } from './use-tracking';

export function ResultEvents({
  result,
  tracking,
  amount,
}: {
  result: SearchResultView;
  tracking: Tracking;
  amount: number;
}) {
  return (
    <>
      <button
        type="button"
        className="button button--ghost search-event-button"
        onClick={() => void tracking.send('click', { result })}
        data-testid="search-event-click"
        title="Register a click on this result (/5/stats/click with its dfid)"
      >
        <MousePointerClick size={13} aria-hidden="true" /> Click
      </button>
      <button
        type="button"
        className="button button--ghost search-event-button"
        onClick={() => void tracking.send('add-to-cart', { result, amount })}
        data-testid="search-event-add"
      >
        <ShoppingCart size={13} aria-hidden="true" /> Add {amount} to cart
      </button>
      <button
        type="button"
        className="button button--ghost search-event-button"
        onClick={() => void tracking.send('remove-from-cart', { result, amount })}
        data-testid="search-event-remove"
      >
        <Minus size={13} aria-hidden="true" /> Remove {amount}
      </button>
    </>
  );
}
