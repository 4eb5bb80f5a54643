/** Process now and Force, disabled with the reason while a run of the engine is in progress. */
import { LoaderCircle, Play, RotateCcw } from 'lucide-react';
import type { Ref } from 'react';
import { FORCE_EXPLANATION } from './run-state';
import type { ProcessControl } from './use-process';

export function ProcessActions({
  process,
  disabledReason,
  processRef,
}: {
  process: ProcessControl;
  disabledReason: string | null;
  processRef: Ref<HTMLButtonElement>;
}) {
  const disabled = disabledReason !== null || process.starting !== null;
  return (
    <div className="feeds-actions">
      <button
        ref={processRef}
        type="button"
        className="button button--primary"
        onClick={() => process.start(false)}
        disabled={disabled}
        title={disabledReason ?? 'Ask Doofinder to read the feed again (P focuses this button)'}
        data-testid="feed-process"
      >
        {process.starting === 'normal' ? (
          <LoaderCircle size={14} className="spin" aria-hidden="true" />
        ) : (
          <Play size={14} aria-hidden="true" />
        )}
        Process now
      </button>
      <button
        type="button"
        className="button"
        onClick={() => process.start(true)}
        disabled={disabled}
        title={disabledReason ?? FORCE_EXPLANATION}
        aria-describedby="feeds-force-help"
        data-testid="feed-force"
      >
        {process.starting === 'force' ? (
          <LoaderCircle size={14} className="spin" aria-hidden="true" />
        ) : (
          <RotateCcw size={14} aria-hidden="true" />
        )}
        Force
      </button>
    </div>
  );
}
