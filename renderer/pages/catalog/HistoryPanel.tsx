import { History, X } from 'lucide-react';
import type { ChangeOrigin, HistoryEntry } from '../../../preload/contract';
import { describeError } from '../../api/client';
import { useEvent, useRequest } from '../../api/hooks';
import { valueText } from '../../grid/cell-values';

const ORIGINS: Record<ChangeOrigin, string> = {
  edit: 'Edit',
  paste: 'Paste',
  fill: 'Fill',
  replace: 'Replace',
  csv: 'CSV import',
  server: 'From Doofinder',
  undo: 'Undo',
  redo: 'Redo',
  resolve: 'Conflict resolved',
  sync: 'Synced',
};

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function Value({ value }: { value: unknown }) {
  const text = valueText(value);
  return text === '' ? (
    <span className="muted">empty</span>
  ) : (
    <span className="history__value" title={text}>
      {text}
    </span>
  );
}

function Entry({ entry }: { entry: HistoryEntry }) {
  return (
    <li className="history__entry" data-testid="history-entry">
      <div className="history__meta">
        <span className={`origin origin--${entry.origin}`}>{ORIGINS[entry.origin]}</span>
        <time dateTime={entry.at}>{timeFormat.format(new Date(entry.at))}</time>
      </div>
      {entry.field ? (
        <div className="history__change">
          <code>{entry.field}</code> <Value value={entry.before} /> <span aria-label="became">→</span>{' '}
          <Value value={entry.after} />
        </div>
      ) : (
        <div className="history__change">{entry.summary}</div>
      )}
    </li>
  );
}

/** Every change of one item, newest first: when, from where (an edit, a paste, Doofinder…), before → after. */
export function HistoryPanel({
  engine,
  type,
  id,
  onClose,
}: {
  engine: string;
  type: string;
  id: string | null;
  onClose: () => void;
}) {
  return (
    <aside className="side-panel" aria-label="Item history" data-testid="history-panel">
      <header className="side-panel__header">
        <h2>
          <History size={15} aria-hidden="true" /> History {id && <code>{id}</code>}
        </h2>
        <button type="button" className="button button--icon button--small" aria-label="Close" onClick={onClose}>
          <X size={15} aria-hidden="true" />
        </button>
      </header>
      {id ? (
        <HistoryList engine={engine} type={type} id={id} />
      ) : (
        <p className="side-panel__empty">Select a cell to see the history of its item.</p>
      )}
    </aside>
  );
}

function HistoryList({ engine, type, id }: { engine: string; type: string; id: string }) {
  const history = useRequest('catalog:itemHistory', { engine, type, id });
  useEvent('catalog:changed', (change) => {
    if (change.engine === engine && change.type === type) history.reload();
  });
  if (history.error) return <p className="side-panel__empty">{describeError(history.error)}</p>;
  const entries = history.data?.entries ?? [];
  if (history.data && entries.length === 0) {
    return <p className="side-panel__empty">No changes yet: the item is as it came from Doofinder.</p>;
  }
  return (
    <ol className="history">
      {entries.map((entry, index) => (
        <Entry key={`${entry.at}-${index}`} entry={entry} />
      ))}
    </ol>
  );
}
