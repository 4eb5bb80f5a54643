/**
 * How many searches a day the stats history shows: a shop's weekly rhythm (weekends
 * busiest), a gentle growth over the period, and day-to-day noise.
 */

/** By UTC day of the week, Sunday first. */
const WEEKDAY_FACTOR = [1.35, 1, 0.95, 0.95, 1, 1.1, 1.3] as const;

/** From the oldest day to the newest, searches grow by this share. */
const GROWTH = 0.25;
const NOISE = 0.1;

export function searchesOn(
  day: string,
  position: { index: number; of: number },
  perDay: number,
  random: () => number,
): number {
  const weekday = WEEKDAY_FACTOR[new Date(`${day}T00:00:00Z`).getUTCDay()] ?? 1;
  const progress = position.of > 1 ? position.index / (position.of - 1) : 1;
  const trend = 1 - GROWTH / 2 + GROWTH * progress;
  const noise = 1 - NOISE + 2 * NOISE * random();
  return Math.round(perDay * weekday * trend * noise);
}

/**
 * Shares of a whole as whole numbers: each share's expected count rounded up or down at
 * random, so small shares still turn up now and then (the long tail of a top list).
 */
export function splitCount(total: number, weights: readonly number[], random: () => number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  return weights.map((weight) => Math.floor((total * weight) / sum + random()));
}

/** Zipf-like popularity by rank: the first is searched most, with a long tail. */
export function zipfWeights(count: number, exponent = 0.9): number[] {
  return Array.from({ length: count }, (_, rank) => 1 / (rank + 1) ** exponent);
}
