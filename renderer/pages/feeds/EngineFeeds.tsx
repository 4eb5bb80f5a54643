/**
 * The Feeds page for one engine: Process now / Force in the page's header, the current (or last) run
 * live, the sample feed switch on the Sandbox account, the history and the logs. Runs started
 * elsewhere are picked up by asking the worker to check on open and every 30 s while visible.
 */
import { Activity, LoaderCircle } from 'lucide-react';
import { useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { EngineView, FeedRunView } from '../../../preload/contract';
import { describeError } from '../../api/client';
import { useNow } from '../../app/useNow';
import { DropThreshold } from './DropThreshold';
import { EngineSelect } from './EngineSelect';
import { openFeeds } from './feeds-route';
import { FeedLogs } from './FeedLogs';
import { ProcessActions } from './ProcessActions';
import { RunDetails } from './RunDetails';
import { RunDetailsDialog } from './RunDetailsDialog';
import { RunHistory } from './RunHistory';
import { FORCE_EXPLANATION } from './run-state';
import { SampleFeedSelect } from './SampleFeedSelect';
import { useFeedCheck } from './use-feed-check';
import { useFeedsShortcuts } from './use-feeds-shortcuts';
import { useLatestRun } from './use-latest-run';
import { useProcess } from './use-process';

const RUNNING_REASON = 'A run of this engine is in progress: wait for it to finish.';

export function EngineFeeds({
  engine,
  engines,
  runId,
  headerActions,
}: {
  engine: EngineView;
  engines: readonly EngineView[];
  /** The run whose details are open, from the URL. */
  runId: number | null;
  /** Where the page header keeps its actions (the engine picker, Process now, Force). */
  headerActions: HTMLElement | null;
}) {
  const latest = useLatestRun(engine.hashid);
  const process = useProcess(engine.hashid, latest.adopt);
  const processRef = useRef<HTMLButtonElement>(null);
  const refreshRef = useRef<HTMLButtonElement>(null);
  const now = useNow(30_000);
  /** The history row clicked last, so its details open without another request. */
  const [opened, setOpened] = useState<FeedRunView | null>(null);
  useFeedCheck(engine.hashid);

  const run = latest.run;
  const disabledReason = run?.result === 'running' ? RUNNING_REASON : null;
  const retry = {
    onRetry: () => process.start(true),
    retrying: process.starting === 'force',
    disabledReason,
  };

  useFeedsShortcuts({ refreshRef, processRef });

  const known = [run, opened].filter((candidate): candidate is FeedRunView => Boolean(candidate));
  return (
    <>
      {headerActions &&
        createPortal(
          <>
            <EngineSelect
              engines={engines}
              value={engine.hashid}
              onChange={(hashid) => openFeeds(hashid, null, { replace: true })}
            />
            <ProcessActions process={process} disabledReason={disabledReason} processRef={processRef} />
          </>,
          headerActions,
        )}
      <p id="feeds-force-help" className="muted feeds-force-help">
        {FORCE_EXPLANATION}
      </p>
      <SampleFeedSelect engines={engines} shown={engine.hashid} />
      {process.error && (
        <p className="form__error" role="alert" data-testid="feed-process-error">
          {process.error}
        </p>
      )}
      <section className="feeds-card feeds-card--current" aria-labelledby="feed-current-title">
        <header className="feeds-card__header">
          <h2 id="feed-current-title">
            <Activity size={15} aria-hidden="true" /> {run?.result === 'running' ? 'Current run' : 'Last run'}
          </h2>
          {disabledReason && <span className="muted">{disabledReason}</span>}
        </header>
        {run ? (
          <RunDetails run={run} engine={engine} retry={retry} />
        ) : run === null ? (
          <p className="feeds-empty">
            No run of this engine yet. Press <strong>Process now</strong> to ask Doofinder to read its feed; runs
            started in the Doofinder admin show up here too.
          </p>
        ) : latest.error ? (
          <p className="form__error" role="alert">
            The runs could not be read: {describeError(latest.error)}
          </p>
        ) : (
          <p className="muted">
            <LoaderCircle size={14} className="spin inline-icon" aria-hidden="true" /> Reading the runs…
          </p>
        )}
        <DropThreshold />
      </section>
      <RunHistory
        engine={engine.hashid}
        now={now}
        onOpen={(clicked) => {
          setOpened(clicked);
          openFeeds(engine.hashid, clicked.id);
        }}
      />
      <FeedLogs engine={engine.hashid} now={now} refreshRef={refreshRef} />
      <RunDetailsDialog
        runId={runId}
        known={known}
        engine={engine}
        retry={retry}
        onClose={() => openFeeds(engine.hashid, null, { replace: true })}
      />
    </>
  );
}
