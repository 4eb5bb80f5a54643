/**
 * How alike two rankings of the same query are (the search tester's compare view): the overlap
 * of their top k as a set (Jaccard), and rank-biased overlap, which weighs agreement at the top
 * more than further down. Rankings are lists of result ids without repeats.
 */

/** |A ∩ B| / |A ∪ B| over the first k of each; two empty lists are alike (1). */
export function jaccardAt(a: readonly string[], b: readonly string[], k: number): number {
  const left = new Set(a.slice(0, k));
  const right = new Set(b.slice(0, k));
  const union = new Set([...left, ...right]).size;
  if (union === 0) return 1;
  let shared = 0;
  for (const id of left) if (right.has(id)) shared += 1;
  return shared / union;
}

/**
 * Extrapolated rank-biased overlap, RBO_EXT (Webber, Moffat and Zobel 2010, equation 32, for
 * lists of uneven length without ties). `p` is the persistence: the chance a reader comparing
 * the lists goes on to the next rank; 0.9 puts about 86% of the weight on the first 10 ranks.
 */
export function rankBiasedOverlap(a: readonly string[], b: readonly string[], p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`RBO's persistence must be between 0 and 1 (exclusive), not ${p}`);
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const s = short.length;
  const l = long.length;
  if (l === 0) return 1;
  if (s === 0) return 0;
  // overlap[d] = items shared by the first min(d, s) of the short list and the first d of the long one.
  const overlap: number[] = [0];
  const seenShort = new Set<string>();
  const seenLong = new Set<string>();
  let shared = 0;
  for (let depth = 1; depth <= l; depth += 1) {
    const fromLong = long[depth - 1] as string;
    const fromShort = depth <= s ? (short[depth - 1] as string) : undefined;
    if (fromShort !== undefined) {
      if (seenLong.has(fromShort)) shared += 1;
      seenShort.add(fromShort);
    }
    if (seenShort.has(fromLong)) shared += 1;
    seenLong.add(fromLong);
    overlap.push(shared);
  }
  const xs = overlap[s] as number;
  const xl = overlap[l] as number;
  let sum = 0;
  for (let depth = 1; depth <= l; depth += 1) {
    sum += ((overlap[depth] as number) / depth) * p ** depth;
    if (depth > s) sum += ((xs * (depth - s)) / (s * depth)) * p ** depth;
  }
  return ((1 - p) / p) * sum + ((xl - xs) / l + xs / s) * p ** l;
}
