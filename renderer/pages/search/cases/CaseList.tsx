/** Every relevance case of the account: what it tests, how often it ran, and its mean nDCG. */
import { ClipboardCheck, Pencil, Plus, Trash2 } from 'lucide-react';
import type { EngineView, RelevanceCaseSummary } from '../../../../preload/contract';
import { formatAgo, formatCount } from '../../../app/format';
import { formatMetric } from './metric-format';

export function CaseList({
  cases,
  engines,
  onOpen,
  onNew,
  onRename,
  onDelete,
}: {
  cases: readonly RelevanceCaseSummary[];
  engines: readonly EngineView[];
  onOpen: (id: number) => void;
  onNew: () => void;
  onRename: (summary: RelevanceCaseSummary) => void;
  onDelete: (summary: RelevanceCaseSummary) => void;
}) {
  const engineName = (hashid: string) => engines.find((engine) => engine.hashid === hashid)?.name ?? hashid;
  const newButton = (
    <button type="button" className="button button--primary" onClick={onNew} data-testid="case-new">
      <Plus size={14} aria-hidden="true" /> New case
    </button>
  );
  if (cases.length === 0) {
    return (
      <div className="rel-empty" data-testid="cases-empty">
        <ClipboardCheck size={28} aria-hidden="true" />
        <h2>Know whether a change made search better or worse</h2>
        <ol className="rel-steps">
          <li>Create a case and add the queries that matter to your shop.</li>
          <li>Run it, then grade each result 0–3 with the keyboard while you look at it.</li>
          <li>
            After you change the catalog or the engine, run it again: every query shows what moved and how its score
            changed.
          </li>
        </ol>
        {newButton}
      </div>
    );
  }
  return (
    <section className="card rel-card" aria-label="Relevance cases">
      <header className="rel-card__header">
        <h2>Relevance cases</h2>
        {newButton}
      </header>
      <table className="rel-table rel-table--middle" data-testid="cases-list">
        <thead>
          <tr>
            <th>Name</th>
            <th>Engine</th>
            <th className="num">Queries</th>
            <th className="num">Runs</th>
            <th>Last run</th>
            <th className="num">Mean nDCG</th>
            <th aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {cases.map((summary) => (
            <tr key={summary.id} data-testid="case-row">
              <td>
                <button type="button" className="rel-link" onClick={() => onOpen(summary.id)} data-testid="case-open">
                  {summary.name}
                </button>
              </td>
              <td>{engineName(summary.engine)}</td>
              <td className="num">{formatCount(summary.queries)}</td>
              <td className="num">{formatCount(summary.runs)}</td>
              <td title={summary.lastRunAt ?? undefined}>{formatAgo(summary.lastRunAt)}</td>
              <td className="num">{formatMetric(summary.metrics?.ndcg)}</td>
              <td className="rel-actions">
                <button
                  type="button"
                  className="button button--icon"
                  aria-label={`Rename ${summary.name}`}
                  onClick={() => onRename(summary)}
                >
                  <Pencil size={14} aria-hidden="true" />
                </button>
                <button
                  type="button"
                  className="button button--icon"
                  aria-label={`Delete ${summary.name}`}
                  onClick={() => onDelete(summary)}
                  data-testid="case-delete"
                >
                  <Trash2 size={14} aria-hidden="true" />
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
