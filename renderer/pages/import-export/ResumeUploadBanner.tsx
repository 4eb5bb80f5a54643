/**
 * On opening the page: an upload this wizard started that stopped short (paused, cancelled,
 * or cut off by a restart) with changes still pending gets a banner to resume it (a
 * `sync:start` of the same scope picks a paused run up again) or to review it in the grid.
 * A resumed upload shows its progress here, with Pause and Cancel.
 */
import { CloudUpload, Play, Table2 } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { useEvent, useRequest } from '../../api/hooks';
import { formatCount } from '../../app/format';
import { SyncBox } from '../catalog/SyncBox';
import { useDebounced } from '../catalog/use-debounced';
import type { SyncState } from '../catalog/use-sync';
import { forgetUpload, resumeOffer, resumeText, scopedSync, uploadsStarted, type UploadScope } from './upload-resume';

const RELOAD_DELAY_MS = 400;

export function ResumeUploadBanner({ sync, onReview }: { sync: SyncState; onReview: (scope: UploadScope) => void }) {
  const results = useRequest('sync:results', { limit: 1 });
  const pending = useRequest('sync:pending');
  const [resumed, setResumed] = useState<UploadScope | null>(null);
  const reloadPending = useDebounced(pending.reload, RELOAD_DELAY_MS);
  useEvent('sync:pendingChanged', reloadPending);
  const reloadResults = results.reload;
  useEvent('sync:progress', (progress) => {
    if (progress.state !== 'running') reloadResults();
  });

  const lastRun = results.data?.run;
  // A finished upload needs no banner again.
  useEffect(() => {
    const { engine, type } = lastRun?.scope ?? {};
    if (lastRun?.state === 'completed' && engine && type) forgetUpload({ engine, type });
  }, [lastRun]);

  const offer = useMemo(
    () => resumeOffer({ lastRun, pending: pending.data, uploads: uploadsStarted(), live: sync.progress }),
    [lastRun, pending.data, sync.progress],
  );

  if (resumed && sync.progress) {
    const ended = sync.progress.state === 'running' || sync.progress.state === 'paused' ? null : sync.progress;
    return (
      <section className="ie-resume" aria-label={`Upload of ${resumed.type}`} data-testid="resume-upload-progress">
        <SyncBox pending={pending.data} sync={scopedSync(sync, resumed)} />
        {ended && (
          <p className="ie-note" data-testid="resume-upload-result">
            Upload of {resumed.type} {ended.state === 'completed' ? 'finished' : ended.state}:{' '}
            {formatCount(ended.done - ended.failed)} sent
            {ended.failed > 0 ? `, ${formatCount(ended.failed)} refused by Doofinder (the grid says why)` : ''}.
          </p>
        )}
      </section>
    );
  }
  if (!offer) return null;
  const scope = { engine: offer.engine, type: offer.type };
  return (
    <section className="ie-resume notice notice--warning" role="status" data-testid="resume-upload">
      <CloudUpload size={16} aria-hidden="true" />
      <span className="ie-resume__text">{resumeText(offer, formatCount)}</span>
      <span className="spacer" />
      <button
        type="button"
        className="button button--primary button--small"
        onClick={() => {
          setResumed(scope);
          void sync.start(scope);
        }}
        data-testid="resume-upload-start"
      >
        <Play size={14} aria-hidden="true" /> Resume
      </button>
      <button type="button" className="button button--small" onClick={() => onReview(scope)}>
        <Table2 size={14} aria-hidden="true" /> Review in the grid
      </button>
      {sync.problem && <p className="form__error">{sync.problem}</p>}
    </section>
  );
}
