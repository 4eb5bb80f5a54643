/**
 * Step 4: the import applied as one action (undo takes it all back), then sent to Doofinder
 * with the same sync box as the Catalog page's pending panel, and the results file after it.
 */
import { CircleCheck, FileDown, RefreshCw, RotateCcw, Table2, Undo2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { EditReport } from '../../../preload/contract';
import { call, describeError } from '../../api/client';
import { useEvent, useRequest } from '../../api/hooks';
import { formatCount } from '../../app/format';
import { useDebounced } from '../catalog/use-debounced';
import { SyncBox } from '../catalog/SyncBox';
import { scopedSync } from './upload-resume';
import type { SyncState } from '../catalog/use-sync';
import '../../styles/catalog-grid.css';

const PENDING_RELOAD_DELAY_MS = 400;
const FINAL = new Set(['completed', 'cancelled', 'failed']);

export function AppliedStep({
  target,
  report,
  undone,
  uploaded,
  sync,
  onUndo,
  onAgain,
  onSaveResults,
  onOpenGrid,
}: {
  target: { engine: string; type: string };
  report: EditReport;
  undone: boolean;
  /** Applied with "Apply and upload": the sync of this type started at once, and its Resume keeps to it. */
  uploaded: boolean;
  sync: SyncState;
  onUndo: () => void;
  onAgain: () => void;
  onSaveResults: () => void;
  onOpenGrid: () => void;
}) {
  const pending = useRequest('sync:pending');
  const reload = useDebounced(pending.reload, PENDING_RELOAD_DELAY_MS);
  useEvent('sync:pendingChanged', reload);
  // The sync started here (the hook only hears syncs after the wizard opened).
  const ended = sync.progress && FINAL.has(sync.progress.state) ? sync.progress : null;
  const synced = ended !== null;
  const [retryProblem, setRetryProblem] = useState<string | null>(null);
  async function retryFailed() {
    setRetryProblem(null);
    try {
      await call('sync:retryFailed', target);
      await sync.start(target);
    } catch (error) {
      setRetryProblem(`The failed items could not be sent again: ${describeError(error)}`);
    }
  }
  // What is left to send once a sync ends (the estimate above the button reads it).
  const reloadPending = pending.reload;
  useEffect(() => {
    if (ended) reloadPending();
  }, [ended, reloadPending]);

  if (undone) {
    return (
      <section className="ie-section" data-testid="import-undone">
        <h2 className="ie-section__title">
          <Undo2 size={16} aria-hidden="true" /> Undone: the catalog is as it was before the import
        </h2>
        <p className="muted">
          The dry run is spent. Run it again to re-read the file against the catalog as it is now.
        </p>
        <div className="ie-actions">
          <button type="button" className="button button--primary" onClick={onAgain} data-testid="import-again">
            <RotateCcw size={15} aria-hidden="true" /> Dry run again
          </button>
        </div>
      </section>
    );
  }
  return (
    <section className="ie-section" data-testid="import-applied">
      <h2 className="ie-section__title">
        <CircleCheck size={16} className="text-success" aria-hidden="true" /> Applied: {report.summary}
      </h2>
      <p className="muted">
        {formatCount(report.itemsChanged)} {report.itemsChanged === 1 ? 'item' : 'items'} changed in one action: Undo
        takes all of it back (so does Ctrl+Z in the grid) until something else is done.{' '}
        {uploaded ? 'The changes are on their way to Doofinder:' : 'The changes are pending until you sync.'}
      </p>
      {report.rejected.length > 0 && (
        <ul className="ie-problems">
          {report.rejected.slice(0, 10).map((rejected, index) => (
            <li key={index} className="text-danger">
              {rejected.reason}
            </li>
          ))}
        </ul>
      )}
      <div className="ie-actions">
        <button type="button" className="button" onClick={onUndo} disabled={sync.running} data-testid="import-undo">
          <Undo2 size={15} aria-hidden="true" /> Undo the import
        </button>
        <button type="button" className="button" onClick={onOpenGrid}>
          <Table2 size={15} aria-hidden="true" /> Open in the grid
        </button>
        {ended && ended.failed > 0 && !sync.running && (
          <button type="button" className="button" onClick={() => void retryFailed()}>
            <RefreshCw size={15} aria-hidden="true" /> Retry the failed items
          </button>
        )}
        {synced && (
          <button type="button" className="button" onClick={onSaveResults} data-testid="save-sync-results">
            <FileDown size={15} aria-hidden="true" /> Save results after the sync
          </button>
        )}
      </div>
      {retryProblem && <p className="form__error">{retryProblem}</p>}
      <div className="ie-sync">
        <SyncBox pending={pending.data} sync={uploaded ? scopedSync(sync, target) : sync} />
        {ended && (
          <p className="ie-note" data-testid="import-sync-result">
            Sync {ended.state === 'completed' ? 'finished' : ended.state}: {formatCount(ended.done - ended.failed)} sent
            {ended.failed > 0
              ? `, ${formatCount(ended.failed)} refused by Doofinder (the results file and the grid say why)`
              : ''}
            .
          </p>
        )}
      </div>
    </section>
  );
}
