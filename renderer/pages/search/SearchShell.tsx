/**
 * The Search page's frame: which engine, and three tabs (ARIA tabs: arrow keys, Home and End).
 * Compare and Relevance cases are built in their own folders and only mounted here.
 */
import { useState } from 'react';
import { useTablistKeys } from '../../components/tablist-keys';
import type { EngineView, SearchParamsView } from '../../../preload/contract';
import type { PageId } from '../../app/pages';
import { CasesTab } from './cases/CasesTab';
import { CompareTab } from './compare/CompareTab';
import { readSearchMemory, rememberSearch, type SearchTabId } from './search-memory';
import { SearchTab } from './tester/SearchTab';

const TABS: ReadonlyArray<{ id: SearchTabId; label: string }> = [
  { id: 'search', label: 'Search' },
  { id: 'compare', label: 'Compare' },
  { id: 'cases', label: 'Relevance cases' },
];

function engineLabel(engine: EngineView, engines: readonly EngineView[]): string {
  return engines.filter((other) => other.name === engine.name).length > 1
    ? `${engine.name} (${engine.hashid.slice(0, 8)}…)`
    : engine.name;
}

export function SearchShell({ engines, navigate }: { engines: EngineView[]; navigate: (page: PageId) => void }) {
  const [memory] = useState(readSearchMemory);
  const [chosen, setChosen] = useState(memory.engine);
  const [tab, setTab] = useState<SearchTabId>(memory.tab);
  const [visited, setVisited] = useState<ReadonlySet<SearchTabId>>(() => new Set([memory.tab]));
  // What the Search tab has set, offered by Relevance cases when adding a query.
  const [currentParams, setCurrentParams] = useState<SearchParamsView | null>(null);
  // An engine removed since (or never known here) falls back to the first one.
  const engine = engines.find((candidate) => candidate.hashid === chosen) ?? engines[0];

  function pickEngine(hashid: string) {
    setChosen(hashid);
    rememberSearch({ engine: hashid });
  }
  function pickTab(id: SearchTabId) {
    setTab(id);
    setVisited((before) => (before.has(id) ? before : new Set([...before, id])));
    rememberSearch({ tab: id });
  }
  const { onKeyDown, tabRef } = useTablistKeys(
    TABS.length,
    TABS.findIndex((each) => each.id === tab),
    (index) => {
      const target = TABS[index];
      if (target) pickTab(target.id);
    },
  );

  if (!engine) return null;
  return (
    <div className="search-page">
      <div className="search-shell__bar">
        <div className="search-tabs" role="tablist" aria-label="Search tools" onKeyDown={onKeyDown}>
          {TABS.map((each, index) => (
            <button
              key={each.id}
              ref={tabRef(index)}
              type="button"
              role="tab"
              id={`search-tab-${each.id}`}
              aria-selected={each.id === tab}
              aria-controls={`search-panel-${each.id}`}
              tabIndex={each.id === tab ? 0 : -1}
              className="search-tabs__tab"
              onClick={() => pickTab(each.id)}
              data-testid={`search-tab-${each.id}`}
            >
              {each.label}
            </button>
          ))}
        </div>
        <label className="search-engine">
          <span className="muted">Search engine</span>
          <select
            className="input search-engine__select"
            value={engine.hashid}
            onChange={(event) => pickEngine(event.target.value)}
            data-testid="search-engine"
          >
            {engines.map((candidate) => (
              <option key={candidate.hashid} value={candidate.hashid} title={candidate.hashid}>
                {engineLabel(candidate, engines)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {/* A tab stays mounted once opened, so a query typed in Search survives a look at Compare. */}
      {TABS.filter((each) => visited.has(each.id)).map((each) => (
        <div
          key={each.id}
          role="tabpanel"
          id={`search-panel-${each.id}`}
          aria-labelledby={`search-tab-${each.id}`}
          hidden={each.id !== tab}
        >
          {/* Another engine is another set of fields and facets: each tab starts afresh on it. */}
          {each.id === 'search' && (
            <SearchTab
              key={engine.hashid}
              engine={engine}
              engines={engines}
              navigate={navigate}
              active={tab === 'search'}
              onParams={setCurrentParams}
            />
          )}
          {each.id === 'compare' && <CompareTab key={engine.hashid} engine={engine.hashid} engines={engines} />}
          {each.id === 'cases' && (
            <CasesTab key={engine.hashid} engine={engine.hashid} engines={engines} currentParams={currentParams} />
          )}
        </div>
      ))}
    </div>
  );
}
