/** A finished run's health problems, loud: a feed that silently lost its products is found last. */
import { TriangleAlert } from 'lucide-react';
import type { FeedHealth } from '../../../preload/contract';
import { flagName } from './run-summary';

export function HealthFlags({ health }: { health: FeedHealth }) {
  if (health.flags.length === 0) return null;
  return (
    <div className="notice notice--danger feed-health" role="alert" data-testid="feed-health-flags">
      <TriangleAlert size={16} aria-hidden="true" />
      <div>
        <strong>
          {health.flags.length === 1 ? 'One problem' : `${health.flags.length} problems`} with what this run left in the
          search engine
        </strong>
        <ul className="feed-health__list">
          {health.flags.map((flag) => (
            <li key={`${flag.kind}-${flag.type}-${flag.field ?? ''}`}>
              <span className="feed-health__kind">{flagName(flag)}</span> {flag.message}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
