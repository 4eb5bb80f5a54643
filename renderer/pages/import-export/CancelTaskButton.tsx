/**
 * Cancel, next to a dry run's or an export's progress bar: asks the worker to stop the
 * running CSV task (`csv:cancel`). The task's own call then fails with `cancelled`, which
 * the page shows as a note rather than as a problem.
 */
import { Square } from 'lucide-react';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';

export const wasCancelled = (error: unknown): boolean => error instanceof ApiError && error.code === 'cancelled';

export function CancelTaskButton({ what }: { what: string }) {
  const [asked, setAsked] = useState(false);
  return (
    <button
      type="button"
      className="button button--small"
      disabled={asked}
      aria-label={`Cancel ${what}`}
      data-testid="csv-cancel"
      onClick={() => {
        setAsked(true);
        // If it finished meanwhile there is nothing to stop: the page shows its result as usual.
        void call('csv:cancel').catch(() => setAsked(false));
      }}
    >
      <Square size={12} aria-hidden="true" /> {asked ? 'Cancelling…' : 'Cancel'}
    </button>
  );
}
