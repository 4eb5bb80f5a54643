/**
 * How a result moved between the two sides of a comparison, in the marks the columns show
 * (▲ up n, ▼ down n, new, gone), and the two columns laid side by side by rank.
 */
import type { RankChangeView, SearchCompareView, SearchResultView } from '../../../../preload/contract';

export type RankTone = RankChangeView['change'];

export interface RankMark {
  tone: RankTone;
  /** What the column shows: "▲ 3", "▼ 1", "new", "gone", "=". */
  symbol: string;
  /** The same in words, for screen readers and tooltips. */
  words: string;
}

function places(n: number): string {
  return n === 1 ? '1 place' : `${n} places`;
}

export function rankMark(change: RankChangeView): RankMark {
  const { rankA, rankB } = change;
  switch (change.change) {
    case 'up': {
      const n = rankA !== null && rankB !== null ? rankA - rankB : 0;
      return { tone: 'up', symbol: `▲ ${n}`, words: `up ${places(n)} (was #${rankA ?? '?'})` };
    }
    case 'down': {
      const n = rankA !== null && rankB !== null ? rankB - rankA : 0;
      return { tone: 'down', symbol: `▼ ${n}`, words: `down ${places(n)} (was #${rankA ?? '?'})` };
    }
    case 'new':
      return { tone: 'new', symbol: 'new', words: 'not in A’s results' };
    case 'gone':
      return { tone: 'gone', symbol: 'gone', words: 'missing from B’s results' };
    case 'same':
      return { tone: 'same', symbol: '=', words: 'same rank in both' };
  }
}

export interface AlignedRow {
  /** 1-based position in the columns. */
  position: number;
  a: SearchResultView | null;
  b: SearchResultView | null;
  /** A's result: `gone` when B lacks it, else null (A is the reference). */
  markA: RankMark | null;
  /** B's result against A. */
  markB: RankMark | null;
}

/** One row per rank, A's result on the left and B's on the right, each with its mark. */
export function alignByRank(view: Pick<SearchCompareView, 'a' | 'b' | 'changes'>): AlignedRow[] {
  const byId = new Map(view.changes.map((change) => [change.id, change]));
  const length = Math.max(view.a.results.length, view.b.results.length);
  const rows: AlignedRow[] = [];
  for (let index = 0; index < length; index += 1) {
    const a = view.a.results[index] ?? null;
    const b = view.b.results[index] ?? null;
    const changeA = a ? byId.get(a.id) : undefined;
    const changeB = b ? byId.get(b.id) : undefined;
    rows.push({
      position: index + 1,
      a,
      b,
      markA: changeA?.change === 'gone' ? rankMark(changeA) : null,
      markB: changeB && changeB.change !== 'gone' ? rankMark(changeB) : null,
    });
  }
  return rows;
}

/** How many results moved each way, for the summary line. */
export function countChanges(changes: readonly RankChangeView[]): Record<RankTone, number> {
  const counts: Record<RankTone, number> = { up: 0, down: 0, same: 0, new: 0, gone: 0 };
  for (const change of changes) counts[change.change] += 1;
  return counts;
}

const KIND_ORDER: Record<RankTone, number> = { gone: 0, new: 1, down: 2, up: 3, same: 4 };

/** The changes worth reading first: results lost, then new ones, then the largest moves. */
export function biggestChangesFirst(changes: readonly RankChangeView[]): RankChangeView[] {
  const distance = (change: RankChangeView) =>
    change.rankA !== null && change.rankB !== null ? Math.abs(change.rankA - change.rankB) : 0;
  return changes
    .filter((change) => change.change !== 'same')
    .sort(
      (a, b) =>
        KIND_ORDER[a.change] - KIND_ORDER[b.change] ||
        distance(b) - distance(a) ||
        (a.rankA ?? a.rankB ?? 0) - (b.rankA ?? b.rankB ?? 0),
    );
}
