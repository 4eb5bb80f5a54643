/**
 * "Export…" in the catalog grid's toolbar: the selected rows, or the view as filtered and
 * sorted, with the grid's columns in their order, to a CSV file the user picks (a download in
 * browser mode). Shows the rows written while it runs, with Cancel, and a notice when done.
 */
import { Download, LoaderCircle } from 'lucide-react';
import { useState } from 'react';
import { call, describeError } from '../../api/client';
import { chooseExportTarget } from '../../api/files';
import { useEvent } from '../../api/hooks';
import { formatCount } from '../../app/format';
import type { GridController } from '../../grid/grid-controller';
import { rowCount } from '../../grid/selection';
import { CancelTaskButton, wasCancelled } from './CancelTaskButton';
import { exportsSelection, gridExportFileName, gridExportRequest } from './grid-export';
import './grid-export.css';

const items = (count: number) => `${formatCount(count)} ${count === 1 ? 'item' : 'items'}`;

export function GridExportButton({ grid, engineName }: { grid: GridController; engineName: string }) {
  const [written, setWritten] = useState<{ rows: number; of: number | null } | null>(null);
  useEvent('csv:progress', (progress) => {
    if (progress.task === 'export' && !progress.done) setWritten((at) => at && { ...at, rows: progress.rows });
  });

  const rect = grid.rect();
  const total = grid.snapshot.total;
  const selected = exportsSelection(grid.selection, rowCount(rect), total);

  async function run() {
    // What is selected now is what goes, whatever the user clicks while the dialog is open.
    const view = grid.view;
    const columns = grid.columns.map((column) => column.field);
    const of = selected ? rowCount(rect) : total;
    try {
      const where = await chooseExportTarget(gridExportFileName(engineName, grid.type, selected));
      if (!where) return;
      setWritten({ rows: 0, of });
      const ids = selected ? (await grid.rowsBetween(rect.top, rect.bottom)).map((row) => row.id) : null;
      const result = await call('csv:export', gridExportRequest(view, columns, ids, where.file));
      where.deliver();
      grid.notice('info', `Exported ${items(result.rows)} to ${where.name} (${where.where}).`);
    } catch (error) {
      if (wasCancelled(error)) grid.notice('info', 'Export cancelled: the partial file was removed.');
      else grid.notice('danger', `The export stopped: ${describeError(error)}`);
    } finally {
      setWritten(null);
    }
  }

  if (written)
    return (
      <span className="grid-export" role="status" data-testid="grid-export-progress">
        <LoaderCircle size={14} className="spin" aria-hidden="true" /> {formatCount(written.rows)}
        {written.of === null ? '' : ` of ${formatCount(written.of)}`} written
        <CancelTaskButton what="the export" />
      </span>
    );
  return (
    <button
      type="button"
      className="button button--small"
      onClick={() => void run()}
      aria-label="Export"
      title={selected ? `Export the ${items(rowCount(rect))} selected to a CSV file` : 'Export this view to a CSV file'}
      data-testid="grid-export"
    >
      <Download size={14} aria-hidden="true" /> <span className="button__label">Export…</span>
    </button>
  );
}
