import { Activity, CircleUser, CloudCheck, FlaskConical, Globe, Server } from 'lucide-react';
import type { StatusSnapshot, WorkerState } from '../../preload/contract';
import { runsInBrowser } from '../api/client';
import { useEvent, useRequest } from '../api/hooks';
import { ActivityButton } from './activity/ActivityButton';
import { useNow } from './useNow';

function workerText(state: WorkerState | undefined, now: number): { text: string; tone: 'ok' | 'warn' | 'bad' } {
  if (!state || state.status === 'starting') return { text: 'Worker starting…', tone: 'warn' };
  if (state.status === 'ready') return { text: 'Worker ready', tone: 'ok' };
  if (state.status === 'stopped') return { text: 'Worker stopped', tone: 'bad' };
  const seconds = state.retryAt ? Math.max(0, Math.ceil((state.retryAt - now) / 1000)) : 0;
  return { text: seconds > 0 ? `Worker restarting in ${seconds} s` : 'Worker restarting…', tone: 'bad' };
}

function rateText(rate: StatusSnapshot['rate']): string {
  if (rate.pausedReason) return `API paused: ${rate.pausedReason}`;
  if (rate.requestsPerSecond === 0 && rate.queued === 0) return 'API idle';
  return `API ${rate.requestsPerSecond.toFixed(1)} req/s · ${rate.queued} queued`;
}

function syncText(sync: StatusSnapshot['sync']): string {
  if (sync.activity) return sync.activity;
  if (sync.state === 'syncing') return 'Syncing…';
  if (sync.state === 'offline') return `Offline · ${sync.pendingChanges} pending`;
  if (sync.state === 'throttled') return `Doofinder is refusing requests (429) · ${sync.pendingChanges} pending`;
  if (sync.pendingChanges === 0) return 'Nothing to sync';
  return `${sync.pendingChanges} ${sync.pendingChanges === 1 ? 'change' : 'changes'} to sync`;
}

export function StatusBar({ onWorkerClick }: { onWorkerClick: () => void }) {
  const status = useRequest('app:status');
  const worker = useRequest('app:workerState');
  useEvent('app:status', status.set);
  useEvent('app:workerState', (state) => {
    worker.set(state);
    // A fresh worker holds fresh state: ask again once it is up.
    if (state.status === 'ready') status.reload();
  });
  const now = useNow(worker.data?.status === 'restarting' ? 500 : null);
  const snapshot = status.data;
  const workerState = workerText(worker.data, now);

  return (
    <footer className="status-bar" aria-label="Status">
      <span
        className="status-bar__item"
        data-testid="status-account"
        title={
          snapshot?.account?.kind === 'sandbox'
            ? 'The built-in sandbox: runs on this computer, nothing reaches Doofinder'
            : undefined
        }
      >
        {snapshot?.account?.kind === 'sandbox' ? (
          <FlaskConical size={14} aria-hidden="true" />
        ) : (
          <CircleUser size={14} aria-hidden="true" />
        )}
        {snapshot?.account ? snapshot.account.name : 'No account'}
        {snapshot?.account?.kind === 'sandbox' && snapshot.account.name !== 'Sandbox' && (
          <span className="badge">sandbox</span>
        )}
      </span>
      <span className="status-bar__item" data-testid="status-sync">
        <CloudCheck size={14} aria-hidden="true" />
        {snapshot ? syncText(snapshot.sync) : '…'}
      </span>
      <span
        className={`status-bar__item${snapshot?.rate.pausedReason ? ' tone-warn-text' : ''}`}
        data-testid="status-rate"
      >
        <Activity size={14} aria-hidden="true" />
        {snapshot ? rateText(snapshot.rate) : '…'}
      </span>
      <span className="status-bar__spacer" />
      {runsInBrowser && (
        <span
          className="status-bar__item"
          title="Running in a browser: the desktop shell is not available on this machine."
        >
          <Globe size={14} aria-hidden="true" /> Browser mode
        </span>
      )}
      <ActivityButton />
      <button
        type="button"
        className={`status-bar__item status-bar__button tone-${workerState.tone}`}
        onClick={onWorkerClick}
        data-testid="status-worker"
        title={
          worker.data?.lastExit
            ? `Last stop: ${worker.data.lastExit}`
            : 'The API worker runs network and database work off the window thread.'
        }
      >
        <Server size={14} aria-hidden="true" />
        <span className="dot" aria-hidden="true" />
        {workerState.text}
      </button>
    </footer>
  );
}
