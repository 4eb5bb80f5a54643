/** The document's hint for "Feed is empty" / "No changes", with the one-click retry it suggests. */
import { Lightbulb, LoaderCircle, RotateCcw } from 'lucide-react';
import type { FeedHint } from '../../../preload/contract';
import { hintHeading, RETRY_WITH_FORCE } from './hint-text';

export function HintBox({
  hint,
  onRetry,
  retrying,
  disabledReason,
}: {
  hint: FeedHint;
  onRetry: () => void;
  retrying: boolean;
  /** Why the retry cannot run now (another run in progress), if it cannot. */
  disabledReason: string | null;
}) {
  return (
    <div className="notice notice--warning feed-hint" data-testid="feed-hint" data-kind={hint.kind}>
      <Lightbulb size={16} aria-hidden="true" />
      <div className="feed-hint__body">
        <strong>{hintHeading(hint)}</strong>
        <p>{hint.text}</p>
        <button
          type="button"
          className="button"
          onClick={onRetry}
          disabled={retrying || disabledReason !== null}
          title={disabledReason ?? undefined}
          data-testid="feed-retry-force"
        >
          {retrying ? (
            <LoaderCircle size={14} className="spin" aria-hidden="true" />
          ) : (
            <RotateCcw size={14} aria-hidden="true" />
          )}
          {RETRY_WITH_FORCE}
        </button>
      </div>
    </div>
  );
}
