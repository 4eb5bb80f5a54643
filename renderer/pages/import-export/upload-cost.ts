/**
 * What a sync of an import will cost before it is applied: the worker sends new items as PUT,
 * edits as PATCH and deletions as DELETE, each kind in batches of at most 100 items
 * (`main/worker/sync/batches.ts`, which needs Node's Buffer, so the rule is restated here),
 * and the Management API allows 2 requests a second (`main/worker/sync/sync-service.ts`).
 */
import type { CsvImportCounts } from '../../../preload/contract';
import { formatCount, formatDuration } from '../../app/format';

/** Items per bulk request (MAX_BATCH_ITEMS in batches.ts). */
export const BATCH_ITEMS = 100;
/** Requests a second the sync spends (RATE_PER_SECOND in sync-service.ts). */
export const REQUESTS_PER_SECOND = 2;

export interface UploadCost {
  requests: number;
  seconds: number;
}

/** Requests and time a sync of these counts takes at least (an 8 MB body limit can add a few). */
export function uploadCost(counts: Pick<CsvImportCounts, 'new' | 'changed' | 'deleted'>): UploadCost {
  const requests = [counts.new, counts.changed, counts.deleted].reduce(
    (sum, items) => sum + Math.ceil(items / BATCH_ITEMS),
    0,
  );
  return { requests, seconds: requests / REQUESTS_PER_SECOND };
}

/** The cost in one sentence for the dry run ("… 500 requests, about 4 min …"). */
export function uploadCostText(counts: Pick<CsvImportCounts, 'new' | 'changed' | 'deleted'>): string {
  const { requests, seconds } = uploadCost(counts);
  if (requests === 0) return 'Uploading this import sends nothing to Doofinder.';
  const items = counts.new + counts.changed + counts.deleted;
  return `Uploading sends ${formatCount(items)} ${items === 1 ? 'item' : 'items'} in ${formatCount(requests)} ${
    requests === 1 ? 'request' : 'requests'
  }, about ${formatDuration(seconds)} at ${REQUESTS_PER_SECOND} requests a second. These requests count against your plan.`;
}
