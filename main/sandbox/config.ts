/** Timings and limits of the sandbox; the documented values by default, each adjustable by the control API. */
export interface SandboxConfig {
  /** A scroll_id is valid this long after each request (management-api-v1.md: 5 minutes). */
  scrollTtlMs: number;
  /** How long a top list answers 202 "being generated" after it is first asked for. */
  statsGenerationMs: number;
  /** Carts are discarded this long after their last change (search-api-v5.md: one hour). */
  cartTtlMs: number;
  /** Management API requests per second per account; null switches the limit off (benchmarks). */
  managementRatePerSecond: number | null;
  /** Stats API v2 requests per second per account. */
  visitRatePerSecond: number | null;
  /** How long indexing answers 409 after a type deletion starts. */
  typeDeletionMs: number;
  /** Largest request body (stats-api-v2: 8 MB). */
  bodyLimitBytes: number;
  /** Items per bulk operation (management-api-v1.md: 100). */
  bulkLimit: number;
  /** How long a feed process task stays PENDING (sandbox clock) before it starts. */
  feedQueueMs: number;
  /**
   * Feed processing pace on the sandbox clock: a run lasts at least items / this many
   * seconds, so tests can hold a task in STARTED and release it by moving the clock.
   * null (the default) processes as fast as the machine goes.
   */
  feedItemsPerSecond: number | null;
}

export const defaultConfig: SandboxConfig = {
  scrollTtlMs: 5 * 60_000,
  statsGenerationMs: 1_000,
  cartTtlMs: 60 * 60_000,
  managementRatePerSecond: 2,
  visitRatePerSecond: 20,
  typeDeletionMs: 2_000,
  bodyLimitBytes: 8 * 1024 * 1024,
  bulkLimit: 100,
  feedQueueMs: 0,
  feedItemsPerSecond: null,
};
