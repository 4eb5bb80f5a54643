/** An entry's buttons: Open (its page, at the run) and Mirror again after a successful feed run. */
import { DownloadCloud, ExternalLink, LoaderCircle } from 'lucide-react';
import { useState } from 'react';
import type { ActivityEntry } from '../../../preload/contract';
import { describeError } from '../../api/client';
import { feedsHash } from '../../pages/feeds/feeds-route';
import { mirrorEngineAgainById } from '../../pages/feeds/remirror';
import { remirrorSummary } from '../../pages/feeds/remirror-summary';

export function ActivityEntryActions({
  entry,
  onOpen,
}: {
  entry: ActivityEntry;
  onOpen: (entry: ActivityEntry) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const engine = entry.engine;
  return (
    <div className="activity-entry__actions">
      {entry.kind === 'feed-run' && engine && (
        <a
          className="button button--small"
          href={feedsHash(engine, entry.runId)}
          onClick={() => onOpen(entry)}
          data-testid="activity-open"
        >
          <ExternalLink size={13} aria-hidden="true" /> Open
        </a>
      )}
      {entry.offerRemirror && engine && (
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            mirrorEngineAgainById(engine).then(
              (outcome) => {
                setBusy(false);
                setNote(remirrorSummary(outcome));
              },
              (error: unknown) => {
                setBusy(false);
                setNote(`The mirror could not be started: ${describeError(error)}`);
              },
            );
          }}
        >
          {busy ? (
            <LoaderCircle size={13} className="spin" aria-hidden="true" />
          ) : (
            <DownloadCloud size={13} aria-hidden="true" />
          )}
          Mirror again
        </button>
      )}
      {note && (
        <p className="activity-entry__note muted" role="status">
          {note}
        </p>
      )}
    </div>
  );
}
