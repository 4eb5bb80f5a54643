import { CloudUpload, Undo2, X } from 'lucide-react';
import { useState } from 'react';
import type { DiscardScope, EditReport, PendingGroup } from '../../../preload/contract';
import { call, describeError } from '../../api/client';
import { useEvent, useRequest } from '../../api/hooks';
import { formatCount } from '../../app/format';
import { exportFailedRows, retryFailedRows } from './failed-rows';
import { PendingGroups, type PendingActions } from './PendingGroups';
import { SyncBox } from './SyncBox';
import { SyncResultsList } from './SyncResultsList';
import type { SyncState } from './use-sync';

/** The pending changes of the whole account, the sync that sends them, and its results. */
export function PendingPanel({
  sync,
  onClose,
  onReport,
}: {
  sync: SyncState;
  onClose: () => void;
  onReport: (report: EditReport) => void;
}) {
  const pending = useRequest('sync:pending');
  const [problem, setProblem] = useState<string | null>(null);
  useEvent('sync:pendingChanged', () => pending.reload());
  useEvent('sync:progress', (progress) => {
    if (progress.state !== 'running') pending.reload();
  });

  async function act(what: () => Promise<unknown>) {
    setProblem(null);
    try {
      await what();
      pending.reload();
    } catch (error) {
      setProblem(describeError(error));
    }
  }

  const actions: PendingActions = {
    discard: (scope: DiscardScope) => void act(async () => onReport(await call('sync:discard', scope))),
    retryFailed: (engine, type) => void act(() => retryFailedRows(engine, type)),
    exportFailed: (group: PendingGroup) => void act(() => exportFailedRows(group.engine, group.engineName, group.type)),
  };

  const snapshot = pending.data;
  return (
    <aside className="side-panel side-panel--wide" aria-label="Pending changes" data-testid="pending-panel">
      <header className="side-panel__header">
        <h2>
          <CloudUpload size={15} aria-hidden="true" /> Pending changes
          {snapshot && <span className="badge badge--neutral">{formatCount(snapshot.total)}</span>}
        </h2>
        {snapshot && snapshot.total > 0 && (
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => actions.discard({ scope: 'all' })}
          >
            <Undo2 size={13} aria-hidden="true" /> Discard all
          </button>
        )}
        <button type="button" className="button button--icon button--small" aria-label="Close" onClick={onClose}>
          <X size={15} aria-hidden="true" />
        </button>
      </header>
      <div className="side-panel__body">
        <SyncBox pending={snapshot} sync={sync} />
        <SyncResultsList sync={sync} />
        {problem && <p className="form__error">{problem}</p>}
        {pending.error !== null && <p className="form__error">{describeError(pending.error)}</p>}
        {snapshot && <PendingGroups snapshot={snapshot} actions={actions} />}
      </div>
    </aside>
  );
}
