/** A history row's details (#/feeds/{engine}/run/{id}); Escape or Close goes back to the page. */
import { LoaderCircle } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { EngineView, FeedRunView } from '../../../preload/contract';
import { call, describeError } from '../../api/client';
import { useEvent } from '../../api/hooks';
import { Dialog } from '../../components/Dialog';
import { RunDetails, type RetryControl } from './RunDetails';

/** How far back a run linked from elsewhere (the activity list) is looked for. */
const LOOKUP_LIMIT = 500;

export function RunDetailsDialog({
  runId,
  known,
  engine,
  retry,
  onClose,
}: {
  runId: number | null;
  /** Runs the page already has (the current one, the history page): no request needed for those. */
  known: readonly FeedRunView[];
  engine: EngineView;
  retry: RetryControl;
  onClose: () => void;
}) {
  const [fetched, setFetched] = useState<{ id: number; run: FeedRunView | null; error: string | null } | null>(null);
  const fromPage = runId === null ? undefined : known.find((run) => run.id === runId);
  useEffect(() => {
    if (runId === null || fromPage) return;
    let current = true;
    call('feeds:runs', { engine: engine.hashid, limit: LOOKUP_LIMIT }).then(
      (page) =>
        current && setFetched({ id: runId, run: page.runs.find((run) => run.id === runId) ?? null, error: null }),
      (error: unknown) => current && setFetched({ id: runId, run: null, error: describeError(error) }),
    );
    return () => {
      current = false;
    };
  }, [runId, fromPage, engine.hashid]);
  // The run may still be going: follow it while its details are open.
  const [live, setLive] = useState<FeedRunView | null>(null);
  useEvent('feeds:changed', (event) => {
    if (event.run.id === runId) setLive(event.run);
  });

  const lookup = fetched && fetched.id === runId ? fetched : null;
  const run = (live?.id === runId ? live : null) ?? fromPage ?? lookup?.run ?? null;
  return (
    <Dialog open={runId !== null} title={`Feed run ${runId ?? ''}`} onClose={onClose} wide>
      {run ? (
        <RunDetails run={run} engine={engine} retry={retry} />
      ) : lookup?.error ? (
        <p className="form__error">The run could not be read: {lookup.error}</p>
      ) : lookup ? (
        <p className="muted">This run is no longer in the engine’s history.</p>
      ) : (
        <p className="muted">
          <LoaderCircle size={14} className="spin inline-icon" aria-hidden="true" /> Reading the run…
        </p>
      )}
    </Dialog>
  );
}
