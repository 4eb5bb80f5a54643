import { CircleAlert, Info, Plus, TriangleAlert, X } from 'lucide-react';
import { useState } from 'react';
import type { RejectedValue } from '../../../preload/contract';
import type { GridNotice } from '../../grid/grid-controller';

const ICONS = { info: Info, warning: TriangleAlert, danger: CircleAlert };
/** A report of thousands of refused values lists the first ones; the count says the rest. */
const REJECTED_SHOWN = 200;

function RejectedTable({ rejected }: { rejected: RejectedValue[] }) {
  const shown = rejected.slice(0, REJECTED_SHOWN);
  return (
    <details className="rejected" data-testid="rejected-values">
      <summary>Show the values that did not fit</summary>
      <table className="rejected__table">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Field</th>
            <th scope="col">Value</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((value, index) => (
            <tr key={`${index}-${value.id ?? ''}-${value.field}`}>
              <td>
                {value.id ?? '–'}
                {value.row !== undefined && <span className="muted"> (pasted row {value.row + 1})</span>}
              </td>
              <td>{value.field}</td>
              <td>
                <code>{value.value}</code>
              </td>
              <td>{value.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rejected.length > shown.length && (
        <p className="muted">…and {(rejected.length - shown.length).toLocaleString()} more.</p>
      )}
    </details>
  );
}

/** What the last actions did: refused values, a paste that did not fit, rows offered as new items. */
export function GridNotices({
  notices,
  onDismiss,
  onAddRows,
}: {
  notices: GridNotice[];
  onDismiss: (id: number) => void;
  onAddRows: (notice: GridNotice) => Promise<void>;
}) {
  const [adding, setAdding] = useState<number | null>(null);
  if (notices.length === 0) return null;
  return (
    <div className="grid-notices" aria-live="polite">
      {notices.map((notice) => {
        const Icon = ICONS[notice.tone];
        return (
          <div
            key={notice.id}
            className={`grid-notice grid-notice--${notice.tone}`}
            role={notice.tone === 'danger' ? 'alert' : 'status'}
            data-testid="grid-notice"
          >
            <Icon size={15} aria-hidden="true" className="grid-notice__icon" />
            <div className="grid-notice__body">
              <p>{notice.text}</p>
              {notice.rejected && notice.rejected.length > 0 && <RejectedTable rejected={notice.rejected} />}
            </div>
            {notice.newRows && (
              <button
                type="button"
                className="button button--primary button--small"
                disabled={adding === notice.id}
                onClick={() => {
                  setAdding(notice.id);
                  void onAddRows(notice).finally(() => setAdding(null));
                }}
              >
                <Plus size={14} aria-hidden="true" /> Add {notice.newRows.rows.length.toLocaleString()} new items
              </button>
            )}
            <button
              type="button"
              className="button button--icon button--small"
              aria-label="Dismiss"
              onClick={() => onDismiss(notice.id)}
            >
              <X size={14} aria-hidden="true" />
            </button>
          </div>
        );
      })}
    </div>
  );
}
