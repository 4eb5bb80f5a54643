/**
 * `npm run bench -- sync-results [--items N] [--runs N]`
 *
 * The per-item record of a big sync (issue 9): a run of N items (default 20,000, one in a
 * hundred refused) written as the push writes it (100-item batches, each in its own
 * transaction, as `settle` does), then pages of 100 read the way the results list reads
 * them (`sync:results`, problems first): the first page, a page in the middle, the last
 * page, and the first page of the "Synced" filter. Target: any page under 20 ms at p95 (the
 * list pages on an index range per outcome, not a sort of the whole run).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Databases } from '../../main/worker/store/databases';
import { saveEngines } from '../../main/worker/store/engines';
import { beginRun, endRun, readResults, recordSettled, type SettledItem } from '../../main/worker/sync/run-results';
import type { Benchmark } from './benchmark';
import { percentile, round, thousands, wholeOption } from './measure';

const BATCH = 100;
const PAGE = 100;

function batchOf(start: number, size: number): SettledItem[] {
  return Array.from({ length: size }, (_, n) => {
    const index = start + n;
    const failed = index % 100 === 42;
    return {
      engine: 'e1',
      type: 'product',
      id: `OD-${String(index).padStart(7, '0')}`,
      op: 'patch',
      outcome: failed ? 'failed' : 'synced',
      message: failed ? 'failed to parse [price] (mapper_parsing_exception, 400)' : null,
    };
  });
}

function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

export const syncResults: Benchmark = {
  run(args, log) {
    const { values } = parseArgs({ args, options: { items: { type: 'string' }, runs: { type: 'string' } } });
    const items = wholeOption(values.items, 'items', 20_000, 100, 2_000_000);
    const runs = wholeOption(values.runs, 'runs', 50, 1, 10_000);
    const dir = mkdtempSync(join(tmpdir(), 'cs-bench-sync-results-'));
    const dbs = new Databases(dir);
    try {
      const db = dbs.account('bench');
      saveEngines(db, [{ hashid: 'e1', name: 'Outdoor shop', siteUrl: '', language: 'en', currency: 'EUR' }]);
      log(`Recording ${thousands(items)} results in ${thousands(Math.ceil(items / BATCH))} batches...`);
      const run = beginRun(db, {});
      const batchMs: number[] = [];
      for (let start = 0; start < items; start += BATCH) {
        const batch = batchOf(start, Math.min(BATCH, items - start));
        batchMs.push(timed(() => db.transaction(() => recordSettled(db, run, batch))()));
      }
      endRun(db, run, {}, { state: 'completed', error: null });
      const live = () => false;
      const pages = {
        first: 0,
        middle: Math.floor(items / 2 / PAGE) * PAGE,
        last: Math.floor((items - 1) / PAGE) * PAGE,
      };
      const figures: Record<string, unknown> = {
        items,
        runs,
        recordBatchP95Ms: percentile(batchMs, 95),
        recordTotalMs: round(batchMs.reduce((sum, ms) => sum + ms, 0)),
      };
      for (const [name, offset] of Object.entries(pages)) {
        const samples = Array.from({ length: runs }, () => timed(() => readResults(db, { offset, limit: PAGE }, live)));
        figures[`${name}PageP50Ms`] = percentile(samples, 50);
        figures[`${name}PageP95Ms`] = percentile(samples, 95);
        log(`page at ${thousands(offset)}: p50 ${percentile(samples, 50)} ms, p95 ${percentile(samples, 95)} ms`);
      }
      const synced = Array.from({ length: runs }, () =>
        timed(() => readResults(db, { outcome: 'synced', offset: 0, limit: PAGE }, live)),
      );
      figures.syncedFilterP95Ms = percentile(synced, 95);
      return Promise.resolve(figures);
    } finally {
      dbs.closeAll();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
