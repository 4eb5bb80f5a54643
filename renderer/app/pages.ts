import { ArrowDownUp, BarChart3, KeyRound, Rss, Search, Table2, type LucideIcon } from 'lucide-react';

export type PageId = 'catalog' | 'import-export' | 'feeds' | 'search' | 'stats' | 'accounts';

export interface PageDefinition {
  id: PageId;
  label: string;
  icon: LucideIcon;
  /** Ctrl/Cmd + this digit opens the page. */
  shortcut: string;
  summary: string;
}

export const pages: readonly PageDefinition[] = [
  {
    id: 'catalog',
    label: 'Catalog',
    icon: Table2,
    shortcut: '1',
    summary: 'Edit products offline in a spreadsheet grid',
  },
  {
    id: 'import-export',
    label: 'Import / Export',
    icon: ArrowDownUp,
    shortcut: '2',
    summary: 'Move catalogs in and out as CSV',
  },
  { id: 'feeds', label: 'Feeds', icon: Rss, shortcut: '3', summary: 'Process feeds and watch each run' },
  { id: 'search', label: 'Search', icon: Search, shortcut: '4', summary: 'Test what shoppers get for a query' },
  { id: 'stats', label: 'Stats', icon: BarChart3, shortcut: '5', summary: 'How shoppers search, by day' },
  { id: 'accounts', label: 'Accounts', icon: KeyRound, shortcut: '6', summary: 'Doofinder accounts and API keys' },
];

export const defaultPage: PageId = 'catalog';

export function pageFromHash(hash: string): PageId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/, 1)[0];
  return pages.find((page) => page.id === id)?.id ?? defaultPage;
}

export function pageById(id: PageId): PageDefinition {
  return pages.find((page) => page.id === id) ?? (pages[0] as PageDefinition);
}
