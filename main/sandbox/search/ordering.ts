/**
 * Ordering results: by score (bm25 × df_manual_boost) unless `sort` says otherwise, ties
 * broken by score then storage order so the same request always answers the same page.
 * Only the first page × rpp (at most 1,000) are ever ordered: a heap picks them out of
 * 100,000 in about a millisecond, where sorting everything would take tens.
 */
import type { EngineColumns } from './engine-columns';
import { type FieldColumn, MISSING, MULTI } from './field-column';
import { haversineMeters } from './geo';
import type { SortOrder, SortSpec } from './sort-params';

type Key = number | string | null;

export interface Ranked {
  slots: Int32Array;
  scores: Float64Array;
}

/** Missing values sort last whatever the order, numbers before text, as in Elasticsearch. */
function compareKeys(a: Key, b: Key, order: SortOrder): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const base = typeof a === typeof b ? (a < b ? -1 : 1) : typeof a === 'number' ? -1 : 1;
  return order === 'asc' ? base : -base;
}

/** A list sorts by its smallest value ascending and its largest descending (Elasticsearch's default). */
function pick(values: Key[], order: SortOrder): Key {
  let chosen: Key = null;
  for (const value of values) {
    if (chosen === null || compareKeys(value, chosen, order) < 0) chosen = value;
  }
  return chosen;
}

/** Per result, the value it sorts by: numbers in a typed array when the field holds only numbers (prices). */
function fieldKeys(column: FieldColumn, slots: Int32Array, order: SortOrder): Key[] | Float64Array {
  if (column.numbers.every((number) => !Number.isNaN(number))) {
    const keys = new Float64Array(slots.length);
    slots.forEach((slot, index) => {
      const code = column.single[slot] ?? MISSING;
      keys[index] =
        code >= 0
          ? (column.numbers[code] as number)
          : code === MULTI
            ? (pick(
                column.listAt(slot).map((each) => column.numbers[each] as number),
                order,
              ) as number)
            : Number.NaN;
    });
    return keys;
  }
  const keyOf = (code: number): Key => {
    const number = column.numbers[code] ?? Number.NaN;
    return Number.isNaN(number) ? (column.keys[code] ?? null) : number;
  };
  return Array.from(slots, (slot) => {
    const code = column.single[slot] ?? MISSING;
    if (code >= 0) return keyOf(code);
    return code === MULTI ? pick(column.listAt(slot).map(keyOf), order) : null;
  });
}

/** Numbers only, NaN for missing (last whatever the order). */
function compareNumbers(a: number, b: number, order: SortOrder): number {
  if (a === b) return 0;
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  if (Number.isNaN(b)) return -1;
  return order === 'asc' ? a - b : b - a;
}

function geoKeys(column: FieldColumn, origin: { lat: number; lon: number }, slots: Int32Array, order: SortOrder) {
  const distanceOf = (code: number): Key => {
    const point = column.pointOf(code);
    return point ? haversineMeters(point, origin) : null;
  };
  return Array.from(slots, (slot) => pick(column.codesAt(slot).map(distanceOf), order));
}

/** Indices 0..n-1 of the k first by `compare`, in order. */
export function topK(n: number, k: number, compare: (a: number, b: number) => number): number[] {
  const take = Math.min(n, k);
  if (take <= 0) return [];
  if (take * 4 >= n)
    return Array.from({ length: n }, (_, index) => index)
      .sort(compare)
      .slice(0, take);
  // A max-heap of the best `take` so far, the worst of them on top.
  const heap: number[] = [];
  const worse = (i: number, j: number) => compare(heap[i] as number, heap[j] as number) > 0;
  const swap = (i: number, j: number) => {
    const held = heap[i] as number;
    heap[i] = heap[j] as number;
    heap[j] = held;
  };
  for (let index = 0; index < n; index += 1) {
    if (heap.length < take) {
      heap.push(index);
      for (let at = heap.length - 1; at > 0 && worse(at, (at - 1) >> 1); at = (at - 1) >> 1) swap(at, (at - 1) >> 1);
    } else if (compare(index, heap[0] as number) < 0) {
      heap[0] = index;
      for (let at = 0; ;) {
        const left = 2 * at + 1;
        const right = left + 1;
        let top = at;
        if (left < take && worse(left, top)) top = left;
        if (right < take && worse(right, top)) top = right;
        if (top === at) break;
        swap(at, top);
        at = top;
      }
    }
  }
  return heap.sort(compare);
}

/** The slots of results [start, end) in the requested order. */
export function orderedWindow(
  ranked: Ranked,
  specs: SortSpec[],
  columns: EngineColumns,
  fieldColumns: Map<string, FieldColumn>,
  start: number,
  end: number,
): number[] {
  const { slots, scores } = ranked;
  const { rowids } = columns;
  const byRowid = (a: number, b: number) =>
    (rowids[slots[a] as number] as number) - (rowids[slots[b] as number] as number);
  if (specs.length === 0) {
    // The default order, on every search: kept free of the general comparator's loop.
    const byScore = (a: number, b: number) => (scores[b] as number) - (scores[a] as number) || byRowid(a, b);
    return topK(slots.length, end, byScore)
      .slice(start, end)
      .map((index) => slots[index] as number);
  }
  const steps = specs.map((spec): { order: SortOrder; keys: Key[] | Float64Array | null } => {
    if (spec.kind === 'score') return { order: spec.order, keys: null };
    const column = fieldColumns.get(spec.field) as FieldColumn;
    const keys =
      spec.kind === 'geo' ? geoKeys(column, spec.origin, slots, spec.order) : fieldKeys(column, slots, spec.order);
    return { order: spec.order, keys };
  });
  if (!specs.some((spec) => spec.kind === 'score')) steps.push({ order: 'desc', keys: null });
  const compare = (a: number, b: number): number => {
    for (const { keys, order } of steps) {
      const difference =
        keys === null
          ? ((scores[a] as number) - (scores[b] as number)) * (order === 'asc' ? 1 : -1)
          : keys instanceof Float64Array
            ? compareNumbers(keys[a] as number, keys[b] as number, order)
            : compareKeys(keys[a] ?? null, keys[b] ?? null, order);
      if (difference !== 0) return difference;
    }
    return byRowid(a, b);
  };
  return topK(slots.length, end, compare)
    .slice(start, end)
    .map((index) => slots[index] as number);
}
