/** "Mirror again" after a successful run, so the grid shows what the feed changed. */
import { DownloadCloud, LoaderCircle } from 'lucide-react';
import { useState } from 'react';
import type { EngineView } from '../../../preload/contract';
import { describeError } from '../../api/client';
import { mirrorEngineAgain } from './remirror';
import { remirrorSummary } from './remirror-summary';

export function RemirrorButton({ engine }: { engine: Pick<EngineView, 'hashid' | 'types'> }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ text: string; failed: boolean } | null>(null);
  const mirrored = engine.types.some((type) => type.mirrorState !== 'never');
  function start() {
    setBusy(true);
    setResult(null);
    mirrorEngineAgain(engine).then(
      (outcome) => {
        setBusy(false);
        setResult({ text: remirrorSummary(outcome), failed: outcome.failed.length > 0 });
      },
      (error: unknown) => {
        setBusy(false);
        setResult({ text: `The mirror could not be started: ${describeError(error)}`, failed: true });
      },
    );
  }
  return (
    <div className="feed-remirror">
      <button type="button" className="button" onClick={start} disabled={busy} data-testid="feed-remirror">
        {busy ? (
          <LoaderCircle size={14} className="spin" aria-hidden="true" />
        ) : (
          <DownloadCloud size={14} aria-hidden="true" />
        )}
        {mirrored ? 'Mirror again' : 'Mirror'}
      </button>
      <span className={result?.failed ? 'text-danger' : 'muted'} role="status">
        {result?.text ??
          (mirrored
            ? 'The feed changed the items on Doofinder: mirror them again so the grid shows the changes.'
            : 'Mirror the engine to see and edit the feed’s items in the Catalog grid.')}
      </span>
    </div>
  );
}
