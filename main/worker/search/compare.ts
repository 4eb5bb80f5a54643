/**
 * How the ranking moved from side A to side B: for every result in either top k, its rank on
 * each side (over the whole lists returned) and whether it went up, down, stayed, is new on
 * B or gone from it; and how alike the two rankings are (Jaccard of the top k, RBO).
 */
import type { RankChangeView, SearchAnswerView, SearchResultView } from '../../../preload/contract';
import { jaccardAt, rankBiasedOverlap } from '../relevance/similarity';

/** dfid is unique across types where id is not; a result without one falls back to type and id. */
export const keyOf = (result: SearchResultView) => result.dfid || `${result.type}@${result.id}`;

function changeOf(rankA: number | null, rankB: number | null): RankChangeView['change'] {
  if (rankA === null) return 'new';
  if (rankB === null) return 'gone';
  if (rankB < rankA) return 'up';
  return rankB > rankA ? 'down' : 'same';
}

export function rankChanges(a: SearchResultView[], b: SearchResultView[], k: number): RankChangeView[] {
  const ranksA = new Map(a.map((result) => [keyOf(result), result]));
  const ranksB = new Map(b.map((result) => [keyOf(result), result]));
  const keys = [...new Set([...b.slice(0, k).map(keyOf), ...a.slice(0, k).map(keyOf)])];
  const changes = keys.map((key): RankChangeView => {
    const left = ranksA.get(key) ?? null;
    const right = ranksB.get(key) ?? null;
    const shown = (right ?? left) as SearchResultView;
    return {
      id: shown.id,
      title: shown.title,
      rankA: left?.rank ?? null,
      rankB: right?.rank ?? null,
      change: changeOf(left?.rank ?? null, right?.rank ?? null),
    };
  });
  // B's order first, then what B lost in A's order.
  return changes.sort((x, y) => {
    if (x.rankB !== null && y.rankB !== null) return x.rankB - y.rankB;
    if (x.rankB !== null) return -1;
    if (y.rankB !== null) return 1;
    return (x.rankA ?? 0) - (y.rankA ?? 0);
  });
}

export interface Similarity {
  jaccard: number;
  rbo: number;
}

/** Over the ids in rank order; RBO reads the top k of each side, as the user compares them. */
export function similarity(a: SearchAnswerView, b: SearchAnswerView, k: number, p: number): Similarity {
  const left = a.results.map(keyOf);
  const right = b.results.map(keyOf);
  return { jaccard: jaccardAt(left, right, k), rbo: rankBiasedOverlap(left.slice(0, k), right.slice(0, k), p) };
}
