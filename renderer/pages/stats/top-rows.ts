/** Sorting and filtering a top list the way its table shows it. */
import type { StatsTopEntry, StatsTopKind } from '../../../preload/contract';

export type TopSortKey = 'rank' | 'term' | 'count';
export interface TopSort {
  key: TopSortKey;
  descending: boolean;
}

/** A row with the rank Doofinder gave it, so a re-sorted or filtered table still shows it. */
export interface RankedEntry extends StatsTopEntry {
  rank: number;
}

export const TOP_LISTS: ReadonlyArray<{ kind: StatsTopKind; label: string; help: string }> = [
  { kind: 'searches', label: 'Top searches', help: 'What shoppers typed most often.' },
  { kind: 'clicked', label: 'Top clicked', help: 'The products shoppers opened from the results most often.' },
  {
    kind: 'opportunities',
    label: 'Top opportunities',
    help: 'Searches that only matched loosely (fuzzy or phonetic): a synonym or a better title may help.',
  },
  { kind: 'noresults', label: 'No results', help: 'Searches that found nothing: products or synonyms to add.' },
];

export const DEFAULT_SORT: TopSort = { key: 'rank', descending: false };

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function ranked(rows: readonly StatsTopEntry[]): RankedEntry[] {
  return rows.map((row, index) => ({ ...row, rank: index + 1 }));
}

/** Rows whose term or url contains the text, ignoring case and accents. */
export function filterTop(rows: readonly RankedEntry[], text: string): RankedEntry[] {
  const wanted = fold(text.trim());
  if (!wanted) return [...rows];
  return rows.filter((row) => fold(row.term).includes(wanted) || (row.url !== null && fold(row.url).includes(wanted)));
}

function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** A stable sort: ties keep Doofinder's order. */
export function sortTop(rows: readonly RankedEntry[], sort: TopSort): RankedEntry[] {
  const direction = sort.descending ? -1 : 1;
  const compare = (a: RankedEntry, b: RankedEntry): number => {
    if (sort.key === 'term') return collator.compare(a.term, b.term);
    if (sort.key === 'count') return a.count - b.count;
    return a.rank - b.rank;
  };
  return [...rows].sort((a, b) => compare(a, b) * direction || a.rank - b.rank);
}

/** Clicking a header: the same column flips, another column starts in its natural order. */
export function nextSort(current: TopSort, key: TopSortKey): TopSort {
  if (current.key === key) return { key, descending: !current.descending };
  return { key, descending: key === 'count' };
}
