/** Step 1: where the rows go (engine and type) and which file they come from (picked or dropped). */
import { FileUp, LoaderCircle, TriangleAlert } from 'lucide-react';
import { useState, type DragEvent } from 'react';
import type { EngineView } from '../../../preload/contract';
import { formatCount } from '../../app/format';
import { importableFile } from './import-handoff';
import { TargetSelect, type Target } from './TargetSelect';

export function FileStep({
  engines,
  target,
  onTarget,
  busy,
  onPick,
  onDrop,
}: {
  engines: readonly EngineView[];
  target: Target | null;
  onTarget: (target: Target) => void;
  busy: string | null;
  onPick: () => void;
  onDrop: (file: File | null, names: string[]) => void;
}) {
  const [over, setOver] = useState(false);
  const type = engines.find((e) => e.hashid === target?.engine)?.types.find((t) => t.name === target?.type);

  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    const files = Array.from(event.dataTransfer.files);
    onDrop(
      importableFile(files),
      files.map((file) => file.name),
    );
  }

  return (
    <section className="ie-section" aria-labelledby="ie-file-title">
      <h2 id="ie-file-title" className="ie-section__title">
        Into which type, from which file
      </h2>
      <TargetSelect engines={engines} value={target} onChange={onTarget} idPrefix="import" disabled={busy !== null} />
      {type && type.mirrorState === 'never' && (
        <p className="ie-note ie-note--warning" role="status">
          <TriangleAlert size={14} aria-hidden="true" /> {type.name} is not mirrored yet: every row of the file would
          look new. Mirror it on the Catalog page first to compare the file with what Doofinder holds.
        </p>
      )}
      <div
        className={`drop-zone${over ? ' drop-zone--over' : ''}`}
        data-testid="import-drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        {busy ? (
          <p className="drop-zone__text">
            <LoaderCircle size={18} className="spin" aria-hidden="true" /> {busy}
          </p>
        ) : (
          <>
            <FileUp size={26} strokeWidth={1.6} className="drop-zone__icon" aria-hidden="true" />
            <p className="drop-zone__text">
              <span>
                Drop a <b>.csv</b>, <b>.tsv</b> or <b>.txt</b> file here, or
              </span>
            </p>
            <button
              type="button"
              className="button button--primary"
              disabled={!target?.type}
              onClick={onPick}
              data-testid="import-pick"
            >
              Choose a file…
            </button>
            <p className="drop-zone__help">
              Shop and spreadsheet exports welcome: UTF-8 (with or without BOM), UTF-16 or Windows-1252; separated by
              commas, semicolons, pipes or tabs.{' '}
              {type ? `${formatCount(type.localCount)} ${type.name} items to compare with.` : ''}
            </p>
          </>
        )}
      </div>
    </section>
  );
}
