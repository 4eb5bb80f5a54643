/** Which extra fields each result row shows (remembered per engine by the page). */
import { Columns3 } from 'lucide-react';

export function ColumnChooser({
  available,
  chosen,
  onChange,
}: {
  available: readonly string[];
  chosen: readonly string[];
  onChange: (columns: string[]) => void;
}) {
  return (
    <details className="search-popover">
      <summary className="button button--ghost" data-testid="search-columns">
        <Columns3 size={14} aria-hidden="true" /> Fields{chosen.length > 0 ? ` (${chosen.length})` : ''}
      </summary>
      <div className="search-popover__body search-popover__body--list">
        {available.length === 0 && <p className="muted">Search first: the fields come from the answer.</p>}
        {available.map((name) => (
          <label key={name} className="search-check">
            <input
              type="checkbox"
              checked={chosen.includes(name)}
              onChange={(event) =>
                onChange(event.target.checked ? [...chosen, name] : chosen.filter((each) => each !== name))
              }
            />
            {name}
          </label>
        ))}
      </div>
    </details>
  );
}
