/**
 * The month's usage: Doofinder's own count of the account's requests (this month's daily
 * aggregates, summed over its engines), the share of it this app sent, and what a full
 * sync would send now, so a user sees the cost before starting one.
 */
import type { EngineView, StatsDay, UsageView } from '../../../preload/contract';
import { PAGE_SIZE as MIRROR_PAGE } from '../sync/mirror';

/** The push sends at most 100 items per request (the API's bulk limit). */
const PUSH_BATCH = 100;

/**
 * A mirror scrolls 100 items a page and stops at the first empty page (sync/mirror.ts), so
 * a type of n items costs ceil(n / 100) + 1 requests; a type not counted on the server yet is
 * taken at its mirrored size, and one neither counted nor mirrored makes the cost unknown
 * (null) rather than a figure that looks cheap.
 */
function mirrorRequests(engine: EngineView): number | null {
  let sum = 0;
  for (const type of engine.types) {
    const items = type.serverCount ?? (type.lastMirrorAt === null ? null : type.localCount);
    if (items === null) return null;
    sum += Math.ceil(items / MIRROR_PAGE) + 1;
  }
  return sum;
}

/** Pending rows go in batches of 100 per type (deletions and edits may split further). */
function pushRequests(engine: EngineView): number {
  return engine.types.reduce((sum, type) => sum + Math.ceil(type.pendingCount / PUSH_BATCH), 0);
}

export function syncCost(engines: EngineView[]): UsageView['syncCost'] {
  return engines.map((engine) => ({
    engine: engine.hashid,
    engineName: engine.name,
    mirrorRequests: mirrorRequests(engine),
    pushRequests: pushRequests(engine),
  }));
}

export interface MonthTotals {
  api: number;
  requests: number;
}

export function monthTotals(perEngine: StatsDay[][]): MonthTotals {
  let api = 0;
  let requests = 0;
  for (const days of perEngine)
    for (const day of days) {
      api += day.api;
      requests += day.requests;
    }
  return { api, requests };
}

/**
 * The app's management requests over Doofinder's count of API requests, at most 1: the
 * aggregates lag behind, and requests not about one engine (listing engines) are in ours
 * only. Null when there is no count to compare with.
 */
export function appShare(appRequests: number, monthApiRequests: number | null): number | null {
  if (monthApiRequests === null || monthApiRequests <= 0) return null;
  return Math.min(1, appRequests / monthApiRequests);
}
