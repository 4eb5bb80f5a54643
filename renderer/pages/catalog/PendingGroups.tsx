import { Download, RotateCcw, Undo2 } from 'lucide-react';
import type { DiscardScope, PendingGroup, PendingItem, PendingSnapshot } from '../../../preload/contract';
import { formatCount } from '../../app/format';
import { valueText } from '../../grid/cell-values';

const STATUS_TEXT: Record<PendingItem['status'], string> = {
  clean: 'Clean',
  dirty: 'Edited',
  new: 'New',
  deleted: 'Deleted',
  pushing: 'Syncing',
  failed: 'Failed',
  conflict: 'Conflict',
};

function Value({ value }: { value: unknown }) {
  const text = valueText(value);
  return text === '' ? (
    <span className="muted">empty</span>
  ) : (
    <span className="pending__value" title={text}>
      {text}
    </span>
  );
}

function DiscardButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className="button button--icon button--small"
      title={label}
      aria-label={label}
      onClick={onClick}
    >
      <Undo2 size={13} aria-hidden="true" />
    </button>
  );
}

export interface PendingActions {
  discard: (scope: DiscardScope) => void;
  retryFailed: (engine: string, type: string) => void;
  exportFailed: (group: PendingGroup) => void;
}

function Item({ group, item, actions }: { group: PendingGroup; item: PendingItem; actions: PendingActions }) {
  const where = { engine: group.engine, type: group.type, id: item.id };
  return (
    <li className="pending__item" data-testid="pending-item">
      <div className="pending__item-header">
        <code className="pending__id">{item.id}</code>
        <span className={`status-pill status-pill--${item.status}`}>{STATUS_TEXT[item.status]}</span>
        <span className="spacer" />
        <DiscardButton
          label={`Discard the changes of ${item.id}`}
          onClick={() => actions.discard({ scope: 'item', ...where })}
        />
      </div>
      {item.error && <p className="pending__error">{item.error}</p>}
      {item.fields.length > 0 && (
        <ul className="pending__fields">
          {item.fields.map((change) => (
            <li key={change.field}>
              <code>{change.field}</code> <Value value={change.before} /> <span aria-label="becomes">→</span>{' '}
              <Value value={change.after} />
              <DiscardButton
                label={`Discard the change of ${change.field} of ${item.id}`}
                onClick={() => actions.discard({ scope: 'field', ...where, field: change.field })}
              />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function Counts({ counts }: { counts: PendingGroup['counts'] }) {
  const parts: [number, string, string][] = [
    [counts.edited, 'edited', ''],
    [counts.created, 'new', ''],
    [counts.deleted, 'deleted', ''],
    [counts.failed, 'failed', 'bad'],
    [counts.conflicts, 'in conflict', 'warn'],
  ];
  return (
    <span className="pending__counts">
      {parts
        .filter(([count]) => count > 0)
        .map(([count, word, tone]) => (
          <span key={word} className={`pill${tone ? ` pill--${tone}` : ''}`}>
            {formatCount(count)} {word}
          </span>
        ))}
    </span>
  );
}

/** Every pending change, grouped by engine and type, each with a way to discard it (undoable). */
export function PendingGroups({ snapshot, actions }: { snapshot: PendingSnapshot; actions: PendingActions }) {
  return (
    <div className="pending">
      {snapshot.groups.map((group) => (
        <section key={`${group.engine}/${group.type}`} className="pending__group" data-testid="pending-group">
          <header className="pending__group-header">
            <h3>
              {group.engineName} · {group.type}
            </h3>
            <Counts counts={group.counts} />
          </header>
          <div className="pending__group-actions">
            {group.counts.failed > 0 && (
              <>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => actions.retryFailed(group.engine, group.type)}
                >
                  <RotateCcw size={13} aria-hidden="true" /> Retry failed
                </button>
                <button type="button" className="button button--small" onClick={() => actions.exportFailed(group)}>
                  <Download size={13} aria-hidden="true" /> Export failed
                </button>
              </>
            )}
            <button
              type="button"
              className="button button--small button--ghost"
              onClick={() => actions.discard({ scope: 'type', engine: group.engine, type: group.type })}
            >
              <Undo2 size={13} aria-hidden="true" /> Discard all of {group.type}
            </button>
          </div>
          <ul className="pending__items">
            {group.items.map((item) => (
              <Item key={item.id} group={group} item={item} actions={actions} />
            ))}
          </ul>
          {group.more > 0 && <p className="muted">…and {formatCount(group.more)} more items.</p>}
        </section>
      ))}
    </div>
  );
}
