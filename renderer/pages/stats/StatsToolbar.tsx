/** The page's controls: which engine, which days, and Refresh. */
import { RefreshCw } from 'lucide-react';
import type { EngineView } from '../../../preload/contract';
import type { RangeChoice } from './date-range';
import { RangePicker } from './RangePicker';

export function StatsToolbar({
  engines,
  engine,
  onEngine,
  choice,
  onChoice,
  today,
  onRefresh,
  refreshing,
}: {
  engines: readonly EngineView[];
  engine: string;
  onEngine: (engine: string) => void;
  choice: RangeChoice;
  onChoice: (choice: RangeChoice) => void;
  today: Date;
  onRefresh: () => void;
  refreshing: boolean;
}) {
  return (
    <div className="stats-toolbar">
      <label className="stats-inline">
        <span>Search engine</span>
        <select
          className="input stats-input"
          value={engine}
          onChange={(event) => onEngine(event.target.value)}
          data-testid="stats-engine"
        >
          {engines.map((candidate) => (
            <option key={candidate.hashid} value={candidate.hashid} title={candidate.hashid}>
              {engines.filter((other) => other.name === candidate.name).length > 1
                ? `${candidate.name} (${candidate.hashid.slice(0, 8)}…)`
                : candidate.name}
            </option>
          ))}
        </select>
      </label>
      <RangePicker choice={choice} today={today} onChange={onChoice} />
      <span className="stats-spacer" />
      <button type="button" className="button" onClick={onRefresh} disabled={refreshing} data-testid="stats-refresh">
        <RefreshCw size={14} className={refreshing ? 'spin' : undefined} aria-hidden="true" /> Refresh
      </button>
    </div>
  );
}
