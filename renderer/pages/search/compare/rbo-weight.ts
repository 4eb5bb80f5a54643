/**
 * What RBO's persistence p means in practice: the share of the whole weight that falls on the
 * first d ranks (Webber, Moffat and Zobel 2010, equation 21), so the page can say it in words.
 */

/** W_RBO(1:d) = 1 − p^(d−1) + ((1−p)/p) · d · (ln(1/(1−p)) − Σ_{i=1}^{d−1} p^i / i). */
export function rboWeightOfTop(p: number, depth: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be between 0 and 1 (exclusive), not ${p}`);
  let sum = 0;
  for (let i = 1; i < depth; i += 1) sum += p ** i / i;
  return 1 - p ** (depth - 1) + ((1 - p) / p) * depth * (Math.log(1 / (1 - p)) - sum);
}

/** "p = 0.9 puts about 86% of the weight on the first 10 ranks". */
export function rboSentence(p: number, depth: number): string {
  const share = Math.round(rboWeightOfTop(p, depth) * 100);
  return `p = ${p} puts about ${share}% of the weight on the first ${depth} ${depth === 1 ? 'rank' : 'ranks'}`;
}
