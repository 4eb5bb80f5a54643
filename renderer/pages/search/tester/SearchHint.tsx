/** Before the first query: what the tab does and how to start. */
import { Search } from 'lucide-react';
import type { EngineView } from '../../../../preload/contract';
import { formatCount } from '../../../app/format';

export function SearchHint({ engine }: { engine: EngineView }) {
  const items = engine.types.reduce((sum, type) => sum + (type.serverCount ?? type.localCount), 0);
  return (
    <div className="search-hint" data-testid="search-hint">
      <Search size={20} aria-hidden="true" />
      <div>
        <p>
          <strong>Type what a shopper would type</strong> in the box above: results appear as you type, exactly as{' '}
          {engine.name} answers them{items > 0 ? `, out of ${formatCount(items)} indexed items` : ''}.
        </p>
        <p className="muted">
          Set any Search v5 parameter on the left; click a facet value to filter by it. The raw request (as curl) and
          the JSON response are under the results. Searches are sent with <code>nostats</code>, so they do not count in
          the shop’s stats. Press <kbd>/</kbd> to come back to the query box.
        </p>
      </div>
    </div>
  );
}
