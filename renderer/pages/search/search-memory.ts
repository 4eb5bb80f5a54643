/**
 * What the Search page reopens on (per browser profile, like the other pages): the engine, the
 * tab, the result columns picked per engine, and the store id for visit events.
 */
export type SearchTabId = 'search' | 'compare' | 'cases';

const KEY = 'catalog-studio.search.last';

export interface SearchMemory {
  engine: string | null;
  tab: SearchTabId;
  /** Extra result columns, per engine. */
  columns: Record<string, string[]>;
  store: string;
}

const TABS: readonly SearchTabId[] = ['search', 'compare', 'cases'];

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length <= 30 && value.every((each) => typeof each === 'string');
}

export function readSearchMemory(storage: Pick<Storage, 'getItem'> = localStorage): SearchMemory {
  const fresh: SearchMemory = { engine: null, tab: 'search', columns: {}, store: '' };
  try {
    const value = JSON.parse(storage.getItem(KEY) ?? 'null') as unknown;
    if (typeof value !== 'object' || value === null) return fresh;
    const { engine, tab, columns, store } = value as Record<string, unknown>;
    const lists =
      typeof columns === 'object' && columns !== null
        ? Object.fromEntries(
            Object.entries(columns).filter((entry): entry is [string, string[]] => isStringList(entry[1])),
          )
        : {};
    return {
      engine: typeof engine === 'string' ? engine : null,
      tab: TABS.includes(tab as SearchTabId) ? (tab as SearchTabId) : 'search',
      columns: lists,
      store: typeof store === 'string' ? store : '',
    };
  } catch {
    return fresh;
  }
}

/** Merges `change` into what is remembered (each part of the page remembers its own piece). */
export function rememberSearch(
  change: Partial<SearchMemory>,
  storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage,
): void {
  storage.setItem(KEY, JSON.stringify({ ...readSearchMemory(storage), ...change }));
}
