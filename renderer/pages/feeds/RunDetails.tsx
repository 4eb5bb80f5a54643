/**
 * One run, in full: its state (live while it runs), times, Doofinder's message, the hint and
 * its retry with force, the health flags and the per-type counts, and "Mirror again" after a
 * success. The current run and a history row's details are this same view.
 */
import { Hourglass, Info } from 'lucide-react';
import type { EngineView, FeedRunView } from '../../../preload/contract';
import { useNow } from '../../app/useNow';
import { CountsTable } from './CountsTable';
import { HealthFlags } from './HealthFlags';
import { HintBox } from './HintBox';
import { RemirrorButton } from './RemirrorButton';
import { stateLabel } from './run-state';
import { originLabel } from './run-summary';
import { formatElapsed, formatWhen, nextPollText, runElapsedMs } from './run-timing';
import { StateBadge } from './StateBadge';

export interface RetryControl {
  onRetry: () => void;
  retrying: boolean;
  disabledReason: string | null;
}

export function RunDetails({
  run,
  engine,
  retry,
}: {
  run: FeedRunView;
  engine: Pick<EngineView, 'hashid' | 'types'>;
  retry: RetryControl;
}) {
  const running = run.result === 'running';
  const now = useNow(running ? 1000 : null);
  const elapsed = runElapsedMs(run, now);
  const poll = nextPollText(run, now);
  return (
    <div className="feed-run" data-testid="feed-run" data-run-id={run.id} data-state={run.state}>
      <div className="feed-run__line">
        <StateBadge state={run.state} />
        {elapsed !== null && (
          <span className="feed-run__elapsed" data-testid="feed-run-elapsed">
            <Hourglass size={13} className="inline-icon muted" aria-hidden="true" />
            {running ? `${formatElapsed(elapsed)} so far` : `took ${formatElapsed(elapsed)}`}
          </span>
        )}
        <span className="muted">
          {run.startedAt ? `started ${formatWhen(run.startedAt)}` : 'first seen already finished'}
          {run.endedAt && ` · ended ${formatWhen(run.endedAt, run.startedAt)}`}
        </span>
        {run.force && <span className="badge badge--neutral">forced</span>}
        <span className="badge badge--neutral">{originLabel(run)}</span>
      </div>
      {run.state === 'WAITING' && <p className="feed-run__meaning">{stateLabel('WAITING').meaning}</p>}
      {running && (poll ?? run.pollNote) && (
        <p className="feed-run__poll muted" data-testid="feed-run-poll">
          {[poll, run.pollNote].filter(Boolean).join(' · ')}
        </p>
      )}
      {run.message && (
        <p className="feed-run__message" data-testid="feed-run-message">
          <Info size={14} className="inline-icon muted" aria-hidden="true" /> {run.message}
        </p>
      )}
      {run.hint && <HintBox hint={run.hint} {...retry} />}
      {run.health && <HealthFlags health={run.health} />}
      {run.health && <CountsTable health={run.health} />}
      {!run.health && run.result === 'success' && (
        <p className="muted">
          No item counts for this run yet: they are read after a successful run and compared with the previous one.
        </p>
      )}
      {run.state === 'SUCCESS' && engine.types.length > 0 && <RemirrorButton engine={engine} />}
    </div>
  );
}
