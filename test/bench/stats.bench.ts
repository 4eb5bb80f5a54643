/**
 * `npm run bench -- stats [--terms N] [--runs N]`
 *
 * The Stats page opening from its cache (issue 11): a year of daily figures and four top
 * lists of N terms each (default 5,000, the most a list is read to) saved as the reads save
 * them, then `stats:load` answered from the cache, as when the page opens offline. Target:
 * under 50 ms at p95 (the page "opens instantly"). Also the CSV of one list, and what
 * counting a request costs on the request's path (a map increment; the write is batched).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { StatsDay, StatsTopEntry } from '../../preload/contract';
import type { DoofinderClient } from '../../main/worker/doofinder/client';
import { daysOf } from '../../main/worker/stats/calendar';
import { savePart, TOP_KINDS } from '../../main/worker/stats/stats-cache';
import { statsCsv } from '../../main/worker/stats/stats-csv';
import { StatsService } from '../../main/worker/stats/stats-service';
import { Databases } from '../../main/worker/store/databases';
import { insertProfile } from '../../main/worker/store/profiles';
import type { Benchmark } from './benchmark';
import { percentile, round, thousands, wholeOption } from './measure';

const RANGE = { from: '20250101', to: '20251231' };

function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

const day = (date: string, n: number): StatsDay => ({
  date,
  searches: 400 + (n % 90),
  queries: 600 + (n % 130),
  clicks: 40 + (n % 17),
  requests: 700 + n,
  api: 30 + (n % 7),
  parser: n % 3 === 0 ? 120 : 0,
});

const entries = (kind: string, terms: number): StatsTopEntry[] =>
  Array.from({ length: terms }, (_, n) => ({
    term: `${kind} term ${n} with a few words`,
    count: terms - n,
    url: kind === 'clicked' ? `https://shop.example.com/products/${n}` : null,
  }));

export const stats: Benchmark = {
  run(args, log) {
    const { values } = parseArgs({ args, options: { terms: { type: 'string' }, runs: { type: 'string' } } });
    const terms = wholeOption(values.terms, 'terms', 5_000, 1, 100_000);
    const runs = wholeOption(values.runs, 'runs', 50, 1, 10_000);
    const dir = mkdtempSync(join(tmpdir(), 'cs-bench-stats-'));
    const dbs = new Databases(dir);
    const profile = insertProfile(dbs.app(), {
      id: 'bench',
      name: 'Bench',
      kind: 'doofinder',
      zone: 'eu1',
      managementUrl: null,
      searchUrl: null,
    });
    const service = new StatsService(
      dbs,
      {
        requireCurrent: () => profile,
        client: (): DoofinderClient => {
          throw new Error('the bench reads the cache only');
        },
      },
      { snapshot: () => ({ accountId: 'bench', engines: [], refreshedAt: null, refreshError: null }) },
      () => undefined,
    );
    try {
      const db = dbs.account('bench');
      const now = new Date().toISOString();
      const saveMs = timed(() => {
        savePart(
          db,
          'e1',
          RANGE,
          'aggregates',
          daysOf(RANGE).map((date, n) => day(date, n)),
          now,
        );
        for (const kind of TOP_KINDS) savePart(db, 'e1', RANGE, kind, entries(kind, terms), now);
      });
      log(`Saved a year of days and 4 lists of ${thousands(terms)} terms in ${round(saveMs)} ms`);

      const loads = Array.from({ length: runs }, () =>
        timed(() => service.load({ engine: 'e1', range: RANGE, refresh: false })),
      );
      log(`stats:load from the cache: p50 ${percentile(loads, 50)} ms, p95 ${percentile(loads, 95)} ms`);

      const list = entries('clicked', terms);
      const csvMs = Array.from({ length: Math.min(runs, 20) }, () => timed(() => statsCsv('clicked', list)));
      log(`CSV of ${thousands(terms)} clicked terms: p50 ${percentile(csvMs, 50)} ms`);

      const counted = 1_000_000;
      const countMs = timed(() => {
        for (let n = 0; n < counted; n += 1) service.counter.record('bench', 'management');
      });
      const flushMs = timed(() => service.counter.flush());
      log(`Counting a request: ${round((countMs * 1e6) / counted, 0)} ns; the batched write: ${round(flushMs)} ms`);

      return Promise.resolve({
        terms,
        runs,
        saveAllMs: round(saveMs),
        loadP50Ms: percentile(loads, 50),
        loadP95Ms: percentile(loads, 95),
        csvP50Ms: percentile(csvMs, 50),
        countNsPerRequest: round((countMs * 1e6) / counted, 0),
        flushMs: round(flushMs),
      });
    } finally {
      service.stop();
      dbs.closeAll();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
