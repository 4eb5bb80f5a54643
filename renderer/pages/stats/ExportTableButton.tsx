/**
 * "Export CSV" for one table: the same file flow as the grid's Export… (a save dialog in the
 * desktop app, a reserved download in browser mode), then the worker writes the cached rows.
 */
import { Download, LoaderCircle } from 'lucide-react';
import { useState } from 'react';
import type { StatsRange } from '../../../preload/contract';
import { call, describeError } from '../../api/client';
import { chooseExportTarget } from '../../api/files';
import { formatCount } from '../../app/format';
import { statsFileName, type StatsTable } from './export-names';

export function ExportTableButton({
  engine,
  engineName,
  range,
  table,
  disabled,
}: {
  engine: string;
  engineName: string;
  range: StatsRange;
  table: StatsTable;
  disabled: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ text: string; ok: boolean } | null>(null);

  async function run() {
    setOutcome(null);
    try {
      const where = await chooseExportTarget(statsFileName(engineName, table, range));
      if (!where) return;
      setBusy(true);
      const written = await call('stats:export', { file: where.file, engine, range, table });
      where.deliver();
      setOutcome({ ok: true, text: `${formatCount(written.rows)} rows written to ${where.name}` });
    } catch (error) {
      setOutcome({ ok: false, text: `The export stopped: ${describeError(error)}` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="stats-export">
      {outcome && (
        <span className={outcome.ok ? 'muted' : 'text-danger'} role="status" data-testid={`stats-export-${table}-done`}>
          {outcome.text}
        </span>
      )}
      <button
        type="button"
        className="button stats-small"
        disabled={disabled || busy}
        onClick={() => void run()}
        data-testid={`stats-export-${table}`}
      >
        {busy ? (
          <LoaderCircle size={14} className="spin" aria-hidden="true" />
        ) : (
          <Download size={14} aria-hidden="true" />
        )}{' '}
        Export CSV
      </button>
    </span>
  );
}
