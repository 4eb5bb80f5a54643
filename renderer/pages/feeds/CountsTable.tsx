/** Items per type after a run, next to the previous run's and the local mirror's. */
import type { FeedHealth } from '../../../preload/contract';
import { formatCount } from '../../app/format';
import { changeText } from './run-summary';

const BASELINES: Record<FeedHealth['baseline'], string> = {
  'previous-run': 'Compared with the previous run.',
  mirror: 'Compared with the mirror on this computer (no earlier run to compare with).',
  none: 'Nothing to compare with yet: the next run will be compared with this one.',
};

export function CountsTable({ health }: { health: FeedHealth }) {
  if (health.counts.length === 0) return <p className="muted">Doofinder reported no types for this engine.</p>;
  const flagged = new Set(health.flags.map((flag) => flag.type));
  return (
    <div className="feed-counts">
      <table className="types feed-counts__table" data-testid="feed-counts">
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col" className="num">
              Items now
            </th>
            <th scope="col" className="num">
              Previous run
            </th>
            <th scope="col" className="num">
              Mirror
            </th>
            <th scope="col" className="num">
              Change
            </th>
          </tr>
        </thead>
        <tbody>
          {health.counts.map((row) => {
            const change = changeText(row.count, row.previous ?? row.mirror);
            return (
              <tr key={row.type} className={flagged.has(row.type) ? 'feed-counts__flagged' : undefined}>
                <th scope="row">{row.type}</th>
                <td className="num">{formatCount(row.count)}</td>
                <td className="num">{formatCount(row.previous)}</td>
                <td className="num">{formatCount(row.mirror)}</td>
                <td className={`num${change?.startsWith('−') ? ' text-danger' : ''}`}>{change ?? '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted feed-counts__note">{BASELINES[health.baseline]}</p>
    </div>
  );
}
