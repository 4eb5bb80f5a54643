/**
 * One pass over the items a search starts from (a text match, or every item for an empty
 * query) that keeps those of the asked types not excluded, and notes per item which filter
 * fields it fails. Results are the items failing none; a facet counts the items failing
 * no filter but its own field's, so a shopper still sees the other values of a facet they
 * filtered on.
 */
import type { SlotTest } from './clause-matchers';
import { DEAD, type EngineColumns, type TextMatch } from './engine-columns';

export interface ScanRules {
  /** Type and exclude rules: items failing these are not counted anywhere. */
  admits: SlotTest | null;
  /** Filter fields, one bit each in `misses`. */
  filters: SlotTest[];
}

export interface Scan {
  slots: Int32Array;
  scores: Float64Array;
  /** Per item: bit i set when it fails filters[i]. */
  misses: Int32Array;
  count: number;
  /** Items failing no filter: the results. */
  found: number;
}

/** Filters are bits of an int32 mask. */
export const MAX_FILTER_FIELDS = 31;

class ScanBuilder {
  readonly scan: Scan;

  constructor(
    capacity: number,
    private readonly rules: ScanRules,
  ) {
    this.scan = {
      slots: new Int32Array(capacity),
      scores: new Float64Array(capacity),
      misses: new Int32Array(capacity),
      count: 0,
      found: 0,
    };
  }

  offer(slot: number, score: number): void {
    const { admits, filters } = this.rules;
    if (admits && !admits(slot)) return;
    let misses = 0;
    for (let bit = 0; bit < filters.length; bit += 1) {
      if (!(filters[bit] as SlotTest)(slot)) misses |= 1 << bit;
    }
    const scan = this.scan;
    scan.slots[scan.count] = slot;
    scan.scores[scan.count] = score;
    scan.misses[scan.count] = misses;
    scan.count += 1;
    if (misses === 0) scan.found += 1;
  }
}

/** Every live item, scored by its df_manual_boost alone (an empty query matches everything). */
export function scanAll(columns: EngineColumns, rules: ScanRules): Scan {
  const builder = new ScanBuilder(columns.size, rules);
  const { typeCodes, boosts } = columns;
  for (let slot = 0; slot < columns.size; slot += 1) {
    if (typeCodes[slot] !== DEAD) builder.offer(slot, boosts[slot] as number);
  }
  return builder.scan;
}

export function scanMatch(match: TextMatch, rules: ScanRules): Scan {
  const builder = new ScanBuilder(match.slots.length, rules);
  for (let index = 0; index < match.slots.length; index += 1) {
    builder.offer(match.slots[index] as number, match.scores[index] as number);
  }
  return builder.scan;
}

export const emptyScan = (): Scan => ({
  slots: new Int32Array(0),
  scores: new Float64Array(0),
  misses: new Int32Array(0),
  count: 0,
  found: 0,
});

/** The results: items failing no filter, with their scores and the best of them (0 when none). */
export function resultsOf(scan: Scan): { slots: Int32Array; scores: Float64Array; maxScore: number } {
  const slots = scan.found === scan.count ? scan.slots.subarray(0, scan.count) : new Int32Array(scan.found);
  const scores = scan.found === scan.count ? scan.scores.subarray(0, scan.count) : new Float64Array(scan.found);
  let maxScore = 0;
  let at = 0;
  for (let index = 0; index < scan.count; index += 1) {
    if (scan.misses[index] !== 0) continue;
    const score = scan.scores[index] as number;
    slots[at] = scan.slots[index] as number;
    scores[at] = score;
    if (at === 0 || score > maxScore) maxScore = score;
    at += 1;
  }
  return { slots, scores, maxScore };
}
