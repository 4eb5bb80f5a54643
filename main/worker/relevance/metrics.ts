/**
 * Relevance metrics of one ranked result list against graded judgments (DESIGN.md section 7).
 * Grades run 0-3; a result nobody graded counts as 0 and is reported, never guessed.
 * Pure functions: the relevance service stores runs and calls these per query.
 */

export const MAX_GRADE = 3;

/** A result's grade in rank order; null when it was not graded. */
export type RankedGrade = number | null;

export interface MetricOptions {
  /** Cut-off: only the top k results count. */
  k: number;
  /** A result is relevant when its grade is at least this (default 1). */
  threshold: number;
}

export interface QueryMetrics {
  ndcg: number;
  precision: number;
  reciprocalRank: number;
  err: number;
  /** Results in the top k that nobody graded (counted as 0 above). */
  ungradedInTopK: number;
  /** Share of the top k results (of those returned) that are graded, 0-1; 1 when nothing was returned. */
  coverage: number;
}

const gradeOf = (grade: RankedGrade): number => grade ?? 0;

/** How DCG weighs a grade and discounts a rank (1-based). */
export interface GainScheme {
  gain(grade: number): number;
  discount(rank: number): number;
}

/** The app's scheme (DESIGN.md section 7): gain 2^g - 1, so a perfect result weighs far more than a fair one; discount log2(rank + 1). */
export const appScheme: GainScheme = {
  gain: (grade) => 2 ** grade - 1,
  discount: (rank) => Math.log2(rank + 1),
};

/** DCG@k = sum over ranks i <= k of gain(g_i) / discount(i). */
export function dcg(grades: readonly RankedGrade[], k: number, scheme: GainScheme = appScheme): number {
  let total = 0;
  const depth = Math.min(k, grades.length);
  for (let index = 0; index < depth; index += 1) {
    total += scheme.gain(gradeOf(grades[index] ?? null)) / scheme.discount(index + 1);
  }
  return total;
}

/**
 * nDCG@k: DCG@k over the DCG@k of the best order of every judged result of the query (not only
 * the returned ones, so a relevant product the engine failed to return lowers the score); 0 when
 * no judgment has a gain.
 */
export function ndcg(
  grades: readonly RankedGrade[],
  judged: readonly number[],
  k: number,
  scheme: GainScheme = appScheme,
): number {
  const ideal = dcg(
    [...judged].sort((a, b) => b - a),
    k,
    scheme,
  );
  return ideal === 0 ? 0 : dcg(grades, k, scheme) / ideal;
}

/** P@k: relevant results in the top k over k (a short list is not excused: missing results are not relevant). */
export function precisionAt(grades: readonly RankedGrade[], { k, threshold }: MetricOptions): number {
  const relevant = grades.slice(0, k).filter((grade) => gradeOf(grade) >= threshold).length;
  return relevant / k;
}

/** Reciprocal rank of the first relevant result in the top k, 0 if none (averaged over queries: MRR). */
export function reciprocalRank(grades: readonly RankedGrade[], { k, threshold }: MetricOptions): number {
  const index = grades.slice(0, k).findIndex((grade) => gradeOf(grade) >= threshold);
  return index === -1 ? 0 : 1 / (index + 1);
}

/**
 * ERR@k (Chapelle et al. 2009): the expected reciprocal rank at which a user who stops at a
 * satisfying result stops; a result satisfies with probability R = (2^g - 1) / 2^maxGrade.
 */
export function expectedReciprocalRank(grades: readonly RankedGrade[], k: number, maxGrade = MAX_GRADE): number {
  let notStopped = 1;
  let total = 0;
  const depth = Math.min(k, grades.length);
  for (let index = 0; index < depth; index += 1) {
    const satisfied = (2 ** gradeOf(grades[index] ?? null) - 1) / 2 ** maxGrade;
    total += (notStopped * satisfied) / (index + 1);
    notStopped *= 1 - satisfied;
  }
  return total;
}

export function queryMetrics(
  grades: readonly RankedGrade[],
  judged: readonly number[],
  options: MetricOptions,
): QueryMetrics {
  const top = grades.slice(0, options.k);
  const ungradedInTopK = top.filter((grade) => grade === null).length;
  return {
    ndcg: ndcg(grades, judged, options.k),
    precision: precisionAt(grades, options),
    reciprocalRank: reciprocalRank(grades, options),
    err: expectedReciprocalRank(grades, options.k),
    ungradedInTopK,
    coverage: top.length === 0 ? 1 : (top.length - ungradedInTopK) / top.length,
  };
}

export interface MeanMetrics {
  ndcg: number;
  precision: number;
  /** The mean of the reciprocal ranks. */
  mrr: number;
  err: number;
  queries: number;
  ungradedInTopK: number;
}

/** The mean of each metric over queries (a case's score); zeros for no queries. */
export function meanMetrics(perQuery: readonly QueryMetrics[]): MeanMetrics {
  const mean = (pick: (metrics: QueryMetrics) => number) =>
    perQuery.length === 0 ? 0 : perQuery.reduce((sum, metrics) => sum + pick(metrics), 0) / perQuery.length;
  return {
    ndcg: mean((metrics) => metrics.ndcg),
    precision: mean((metrics) => metrics.precision),
    mrr: mean((metrics) => metrics.reciprocalRank),
    err: mean((metrics) => metrics.err),
    queries: perQuery.length,
    ungradedInTopK: perQuery.reduce((sum, metrics) => sum + metrics.ungradedInTopK, 0),
  };
}
