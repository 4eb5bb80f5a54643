/**
 * Facets configured in the engine's `options.facets`, in search-api-v5.md's shapes. Each
 * facet counts the items that pass every filter except those on its own field (so a shopper
 * who picked "blue" still sees the other colors and how many items each would add), the way
 * Elasticsearch filter aggregations behind Doofinder's facets count them.
 *
 * A facet's `doc_count` counts values, not items, as the document's sample does (its
 * "categories" facet has doc_count 12 over 6 results, the sum of its buckets): Doofinder
 * aggregates facets as nested (item, value) entries. For single-valued fields the two agree.
 */
import type { EngineOptions } from '../store/records';
import { type FieldColumn, MISSING, MULTI } from './field-column';
import { topK } from './ordering';
import type { Scan } from './scan';

type FacetConfig = NonNullable<EngineOptions['facets']>[number];

/** Elasticsearch's terms aggregation size when a facet does not set one. */
const DEFAULT_TERMS_SIZE = 10;

/** Per value code, how many times it occurs in the facet's scope; and how many items there have none. */
interface ScopeCounts {
  counts: Int32Array;
  missing: number;
}

/**
 * Counts the values of the items in a facet's scope: items failing no filter, or only the
 * facet's own (`ownBit`). One tight loop per facet over up to every item of the engine;
 * everything after it works per distinct value.
 */
function countValues(column: FieldColumn, scan: Scan, ownBit: number): ScopeCounts {
  const allowed = ~ownBit;
  const { slots, misses, count } = scan;
  const { single, lists } = column;
  const counts = new Int32Array(column.keys.length);
  let missing = 0;
  for (let index = 0; index < count; index += 1) {
    if (((misses[index] as number) & allowed) !== 0) continue;
    const slot = slots[index] as number;
    const code = single[slot] ?? MISSING;
    if (code >= 0) {
      counts[code] = (counts[code] as number) + 1;
    } else if (code === MULTI) {
      for (const each of lists[slot] ?? []) counts[each] = (counts[each] as number) + 1;
    } else {
      missing += 1;
    }
  }
  return { counts, missing };
}

function termsFacet(column: FieldColumn, scan: Scan, ownBit: number, size: number) {
  const { counts, missing } = countValues(column, scan, ownBit);
  let length = 0;
  for (const count of counts) length += count;
  const present: number[] = [];
  counts.forEach((count, code) => {
    if (count > 0) present.push(code);
  });
  // Elasticsearch orders buckets by count, then by key.
  const keyOf = (code: number) => column.keys[code] as string;
  const best = topK(present.length, size, (a, b) => {
    const [codeA, codeB] = [present[a] as number, present[b] as number];
    return (
      (counts[codeB] as number) - (counts[codeA] as number) ||
      (keyOf(codeA) < keyOf(codeB) ? -1 : keyOf(codeA) > keyOf(codeB) ? 1 : 0)
    );
  });
  const buckets = best.map((index) => {
    const code = present[index] as number;
    return { key: column.originals[code], doc_count: counts[code] as number };
  });
  const shown = buckets.reduce((sum, bucket) => sum + bucket.doc_count, 0);
  return {
    doc_count: length,
    missing: { doc_count: missing },
    terms: { buckets, doc_count_error_upper_bound: 0, sum_other_doc_count: length - shown },
  };
}

/** Elasticsearch writes range keys as Java doubles: 0 → "0.0", 4.36 → "4.36". */
function asDouble(value: number): string {
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/** One shape for every bucket (open ends as infinities) keeps the hot loop monomorphic. */
interface RangeTally {
  from: number;
  to: number;
  count: number;
  sum: number;
  min: number;
  max: number;
}

function rangeFacet(column: FieldColumn, scan: Scan, ownBit: number, ranges: Array<{ from?: number; to?: number }>) {
  const tallies: RangeTally[] = (ranges.length > 0 ? ranges : [{}]).map((range) => ({
    from: typeof range.from === 'number' ? range.from : -Infinity,
    to: typeof range.to === 'number' ? range.to : Infinity,
    count: 0,
    sum: 0,
    min: Infinity,
    max: -Infinity,
  }));
  const { counts } = countValues(column, scan, ownBit);
  const { numbers } = column;
  let values = 0;
  counts.forEach((times, code) => {
    const value = numbers[code] ?? Number.NaN;
    if (times === 0 || Number.isNaN(value)) return;
    values += times;
    for (const tally of tallies) {
      // Elasticsearch ranges include `from` and exclude `to`.
      if (value < tally.from || value >= tally.to) continue;
      tally.count += times;
      tally.sum += value * times;
      if (value < tally.min) tally.min = value;
      if (value > tally.max) tally.max = value;
    }
  });
  const buckets = tallies.map(({ from, to, count, sum, min, max }) => ({
    key: `${from === -Infinity ? '*' : asDouble(from)}-${to === Infinity ? '*' : asDouble(to)}`,
    ...(from === -Infinity ? {} : { from, 'from-as-string': asDouble(from) }),
    ...(to === Infinity ? {} : { to, 'to-as-string': asDouble(to) }),
    doc_count: count,
    stats: {
      ...(from === -Infinity ? {} : { from }),
      count,
      min: count > 0 ? min : null,
      max: count > 0 ? max : null,
      avg: count > 0 ? sum / count : null,
    },
  }));
  return { doc_count: values, range: { buckets } };
}

/**
 * @param filterBits which bits of `scan.misses` belong to each filtered field
 */
export function facetsOf(
  configs: FacetConfig[],
  columns: Map<string, FieldColumn>,
  scan: Scan,
  filterBits: Map<string, number>,
): Record<string, unknown> {
  const facets: Record<string, unknown> = {};
  for (const config of configs) {
    const column = columns.get(config.name);
    if (!column) continue;
    const ownBit = filterBits.get(config.name) ?? 0;
    facets[config.name] =
      config.type === 'range'
        ? rangeFacet(column, scan, ownBit, config.ranges ?? [])
        : termsFacet(column, scan, ownBit, config.size ?? DEFAULT_TERMS_SIZE);
  }
  return facets;
}
