/**
 * `npm run bench -- <name> [options]`: runs one benchmark by name. It prints readable
 * progress lines, then ONE JSON object on the last line (for CI and for docs/benchmarks.md).
 * Benchmarks live in test/bench/ (named *.bench.ts so vitest leaves them alone).
 */
import type { Benchmark } from '../test/bench/benchmark';

interface Entry {
  what: string;
  load: () => Promise<Benchmark>;
}

const BENCHMARKS: Record<string, Entry> = {
  sandbox: {
    what: 'sample catalog generated+indexed per second (--items, default 1,000,000) and Search v5 p50/p95 on 100,000 items',
    load: async () => (await import('../test/bench/sandbox.bench')).sandbox,
  },
  'sandbox-seed': {
    what: "the Sandbox account's first start beyond the sample catalog (--items, default 3,000): the Feed demo engine and the 60-day stats history (target under 1 s)",
    load: async () => (await import('../test/bench/sandbox-seed.bench')).sandboxSeed,
  },
  mirror: {
    what: 'mirror at the real 2 requests/s (share of the limit, 429s), with faults, and 1,000,000 items with the limit off (items/s, peak RSS)',
    load: async () => (await import('../test/bench/mirror.bench')).mirror,
  },
  grid: {
    what: 'catalog grid at 1,000,000 items (--items): 100-row blocks of a sorted+filtered view (p95 target 30 ms), a 10,000 x 3 paste against a bare transaction',
    load: async () => (await import('../test/bench/grid.bench')).grid,
  },
  'grid-clipboard': {
    what: "the renderer's side of a paste and copy (--rows, default 10,000 x 3): TSV parse, paste plan, request size, copy as TSV",
    load: async () => (await import('../test/bench/grid-clipboard.bench')).gridClipboard,
  },
  push: {
    what: 'push 20,000 edits (--edits) at the real 2 requests/s: share of the limit (target >= 95%), 429s (target 0)',
    load: async () => (await import('../test/bench/push.bench')).push,
  },
  'sync-results': {
    what: "a sync's per-item results (--items, default 20,000): recording per 100-item batch, pages of 100 first/middle/last (p95 target 20 ms)",
    load: async () => (await import('../test/bench/sync-results.bench')).syncResults,
  },
  csv: {
    what: 'CSV import (staging + dry run) and export of 1,000,000 items (--items) against the sqlite3 shell, peak RSS, a 100,000-change apply',
    load: async () => (await import('../test/bench/csv.bench')).csv,
  },
  stats: {
    what: 'the Stats page opening from its cache: a year of days and 4 top lists of 5,000 terms (--terms; p95 target 50 ms), CSV of a list, counting a request',
    load: async () => (await import('../test/bench/stats.bench')).stats,
  },
  upload: {
    what: "browser mode's file upload and export download (--mb, default 200, a 1M-row catalog): MB/s, the host's peak RSS growth (target < 64 MB)",
    load: async () => (await import('../test/bench/upload.bench')).fileTransfer,
  },
};

function listing(): string {
  const names = Object.entries(BENCHMARKS).map(([name, entry]) => `  ${name.padEnd(10)} ${entry.what}`);
  return ['Usage: npm run bench -- <name> [options]', 'Benchmarks:', ...names].join('\n');
}

const [name, ...args] = process.argv.slice(2);
const entry = name === undefined ? undefined : BENCHMARKS[name];
if (!entry) {
  console.error(name === undefined ? 'Which benchmark?' : `No benchmark named "${name}".`);
  console.error(listing());
  console.log(JSON.stringify({ error: 'unknown benchmark', name: name ?? null, available: Object.keys(BENCHMARKS) }));
  process.exit(2);
}

try {
  const benchmark = await entry.load();
  const started = Date.now();
  const figures = await benchmark.run(args, (line) => console.log(line));
  console.log(JSON.stringify({ benchmark: name, at: new Date(started).toISOString(), ...figures }));
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  console.log(JSON.stringify({ benchmark: name, error: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
}
