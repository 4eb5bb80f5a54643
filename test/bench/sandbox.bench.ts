/**
 * `npm run bench -- sandbox [--items N] [--search-items N] [--samples N] [--warmup N] [--only indexing|search]`
 *
 * (a) items generated and indexed per second (default 1,000,000 items; target: a million
 *     in under 2 minutes), with peak RSS;
 * (b) Search v5 latency p50/p95 over HTTP on 100,000 items for plain, filtered and faceted
 *     queries (target: p95 under 20 ms).
 */
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Benchmark, Log } from './benchmark';
import { peakRssMb, wholeOption } from './measure';
import { measureIndexing, type IndexingFigures } from './sandbox-indexing';
import { measureSearch, SearchUnavailable, type SearchFigures } from './sandbox-search';

const TARGETS = { secondsFor1M: 120, p95Ms: 20 };

function options(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      items: { type: 'string' },
      'search-items': { type: 'string' },
      samples: { type: 'string' },
      warmup: { type: 'string' },
      only: { type: 'string' },
    },
  });
  const only = values.only ?? 'all';
  if (!['all', 'indexing', 'search'].includes(only)) {
    throw new Error(`--only takes indexing or search; got "${only}".`);
  }
  return {
    items: wholeOption(values.items, 'items', 1_000_000, 10, 1_000_000),
    searchItems: wholeOption(values['search-items'], 'search-items', 100_000, 10, 1_000_000),
    samples: wholeOption(values.samples, 'samples', 300, 1, 100_000),
    warmup: wholeOption(values.warmup, 'warmup', 30, 0, 100_000),
    indexing: only !== 'search',
    search: only !== 'indexing',
  };
}

async function searchPart(
  settings: ReturnType<typeof options>,
  log: Log,
): Promise<{ figures: SearchFigures | null; note: string | null }> {
  try {
    const figures = await measureSearch(
      { items: settings.searchItems, samples: settings.samples, warmup: settings.warmup },
      log,
    );
    return { figures, note: null };
  } catch (error) {
    if (!(error instanceof SearchUnavailable)) throw error;
    const note = `Search latency is ready but could not be measured: ${error.message}`;
    log(note);
    return { figures: null, note };
  }
}

export const sandbox: Benchmark = {
  async run(args, log) {
    const settings = options(args);
    const machine = { node: process.version, cores: availableParallelism(), platform: process.platform };
    // Other work on a 2-core machine skews every figure: the load average says how busy it was.
    const loadBefore = loadavg()[0] ?? 0;
    log(
      `Sandbox benchmark: Node ${machine.node}, ${machine.cores} cores, ${machine.platform}, load ${loadBefore.toFixed(2)}`,
    );
    const indexing: IndexingFigures | null = settings.indexing ? await measureIndexing(settings.items, log) : null;
    const search = settings.search ? await searchPart(settings, log) : { figures: null, note: 'skipped (--only)' };
    return {
      ...machine,
      load: { before: Number(loadBefore.toFixed(2)), after: Number((loadavg()[0] ?? 0).toFixed(2)) },
      targets: TARGETS,
      indexing,
      itemsPerSecond: indexing?.itemsPerSecond ?? null,
      secondsFor1M: indexing?.secondsFor1M ?? null,
      search: search.figures
        ? Object.fromEntries(
            Object.entries(search.figures.search).map(([kind, f]) => [kind, { p50: f.p50, p95: f.p95 }]),
          )
        : null,
      searchDetail: search.figures,
      searchNote: search.note,
      peakRssMb: peakRssMb(),
    };
  },
};
