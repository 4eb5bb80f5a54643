import { CloudUpload, Pause, Play, Square } from 'lucide-react';
import type { PendingSnapshot, SyncProgress } from '../../../preload/contract';
import { call } from '../../api/client';
import { useRequest } from '../../api/hooks';
import { formatCount, formatDuration } from '../../app/format';
import type { SyncState } from './use-sync';

function plural(count: number, word: string): string {
  if (count === 1) return `${formatCount(count)} ${word}`;
  return `${formatCount(count)} ${word}${/(ch|sh|s|x)$/.test(word) ? 'es' : 's'}`;
}

function ProgressView({ progress }: { progress: SyncProgress }) {
  const percent = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  const where = progress.current ? ` · ${progress.current.type}` : '';
  return (
    <div className="progress" data-testid="sync-progress">
      <div
        className="progress__bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label="Sync progress"
      >
        <span style={{ width: `${percent}%` }} />
      </div>
      <span className="progress__text">
        {formatCount(progress.done)} of {plural(progress.total, 'item')} · {plural(progress.batches, 'batch')}
        {progress.failed > 0 && ` · ${formatCount(progress.failed)} failed`}
        {progress.etaSeconds !== null &&
          progress.etaSeconds > 0 &&
          ` · about ${formatDuration(progress.etaSeconds)} left`}
        {where}
      </span>
    </div>
  );
}

function AutoSyncToggle() {
  const settings = useRequest('sync:settings', {});
  async function toggle(autoSync: boolean) {
    try {
      settings.set(await call('sync:settings', { autoSync }));
    } catch {
      settings.reload();
    }
  }
  return (
    <label className="toggle" title="Send changes on their own a little after each edit">
      <input
        type="checkbox"
        checked={settings.data?.autoSync ?? false}
        disabled={!settings.data}
        onChange={(event) => void toggle(event.target.checked)}
      />
      Auto-sync
    </label>
  );
}

const STATE_TEXT: Record<SyncProgress['state'], string> = {
  running: 'Syncing…',
  paused: 'Paused',
  completed: 'Sync finished',
  cancelled: 'Sync cancelled',
  failed: 'Sync stopped',
};

/** Before: what a sync will cost (requests count against the plan). During: progress, pause, cancel. */
export function SyncBox({ pending, sync }: { pending: PendingSnapshot | undefined; sync: SyncState }) {
  const { progress } = sync;
  const active = progress?.state === 'running' || progress?.state === 'paused';
  const total = pending?.total ?? 0;
  const sendable = (pending?.requests ?? 0) > 0;
  return (
    <section className="sync-box" aria-label="Sync">
      {active && progress ? (
        <>
          <p className="sync-box__title">{STATE_TEXT[progress.state]}</p>
          <ProgressView progress={progress} />
          <div className="sync-box__actions">
            {progress.state === 'running' ? (
              <button type="button" className="button button--small" onClick={() => void sync.pause()}>
                <Pause size={14} aria-hidden="true" /> Pause
              </button>
            ) : (
              <button type="button" className="button button--small" onClick={() => void sync.start(progress.scope)}>
                <Play size={14} aria-hidden="true" /> Resume
              </button>
            )}
            <button type="button" className="button button--small" onClick={() => void sync.cancel()}>
              <Square size={13} aria-hidden="true" /> Cancel
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="sync-box__estimate" data-testid="sync-estimate">
            {!pending
              ? 'Counting the pending changes…'
              : total === 0
                ? 'Nothing to sync: every item is as on Doofinder.'
                : !sendable
                  ? `Nothing to send: the ${plural(total, 'pending change')} failed or ${total === 1 ? 'is' : 'are'} in conflict. Retry the failed ones or settle the conflicts first.`
                  : `Sync sends ${plural(total, 'change')} in about ${plural(pending?.requests ?? 0, 'request')}, which count against your plan’s requests${
                      pending && pending.etaSeconds > 0 ? `; about ${formatDuration(pending.etaSeconds)}` : ''
                    }.`}
          </p>
          {progress?.state === 'failed' && progress.error && (
            <p className="form__error">The sync stopped: {progress.error}</p>
          )}
          <div className="sync-box__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={!sendable}
              onClick={() => void sync.start()}
              data-testid="sync-start"
            >
              <CloudUpload size={15} aria-hidden="true" /> Sync now
            </button>
            <AutoSyncToggle />
          </div>
        </>
      )}
      {sync.problem && <p className="form__error">{sync.problem}</p>}
    </section>
  );
}
