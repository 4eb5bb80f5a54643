import type { CustomCellRendererProps } from 'ag-grid-react';
import { Check, Download } from 'lucide-react';
import type { GridRow, RowStatus } from '../../../preload/contract';
import type { GridContext } from '../grid-context';

const LABELS: Record<RowStatus, string> = {
  clean: '',
  dirty: 'Edited',
  new: 'New',
  deleted: 'Deleted',
  pushing: 'Syncing',
  failed: 'Failed',
  conflict: 'Conflict',
};

/** The row's header, as in a spreadsheet: its number (a click selects the row), its sync state, why it failed. */
export function StatusCell({ data, node, context }: CustomCellRendererProps<GridRow, unknown, GridContext>) {
  if (!data) return null;
  const label = LABELS[data.status];
  return (
    <span className="status-cell" data-status={data.status} data-testid="row-status" title={data.error ?? undefined}>
      <span className="status-cell__row">{node.rowIndex === null ? '' : (node.rowIndex + 1).toLocaleString()}</span>
      {label && <span className={`status-pill status-pill--${data.status}`}>{label}</span>}
      {data.status === 'failed' && data.error && (
        <span className="status-cell__reason" data-testid="row-error">
          {data.error}
        </span>
      )}
      {data.status === 'conflict' && (
        <span className="status-cell__actions">
          <button
            type="button"
            className="mini-button"
            title="Keep my values for every conflicting field of this item"
            aria-label={`Keep mine for ${data.id}`}
            onClick={() => context.resolve({ id: data.id, field: null }, 'mine')}
          >
            <Check size={12} aria-hidden="true" />
          </button>
          <button
            type="button"
            className="mini-button"
            title="Take Doofinder's values for every conflicting field of this item"
            aria-label={`Take theirs for ${data.id}`}
            onClick={() => context.resolve({ id: data.id, field: null }, 'theirs')}
          >
            <Download size={12} aria-hidden="true" />
          </button>
        </span>
      )}
    </span>
  );
}
