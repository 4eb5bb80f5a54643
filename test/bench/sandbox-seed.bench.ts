/**
 * `npm run bench -- sandbox-seed [--items N] [--runs N]`: what the Sandbox account's first
 * start costs on top of the sample catalog: the Feed demo engine (its feed file and 300
 * products) and the 60-day stats history of the two sample shops. The history is opt-in
 * because hundreds of tests seed the sample catalog; target: well under a second for the
 * default 3,000 items. Each part is the median of `runs` in-memory seeds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startSandbox } from '../../main/sandbox/index';
import { defaultSeed, type DefaultSeedOptions } from '../../main/sandbox/seed/default';
import { sandboxFeedsDir, writeSandboxFeed } from '../../main/worker/accounts/sandbox-feed';
import type { Benchmark, Log } from './benchmark';
import { round, thousands, wholeOption } from './measure';

const TARGET_HISTORY_MS = 1_000;

async function seedMs(options: DefaultSeedOptions): Promise<{ ms: number; events: number }> {
  const started = performance.now();
  const sandbox = await startSandbox({ seed: defaultSeed(options) });
  const ms = performance.now() - started;
  const events = sandbox.ctx.db.prepare('SELECT count(*) FROM events').pluck().get() as number;
  await sandbox.close();
  return { ms, events };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.floor(sorted.length / 2)] ?? Number.NaN, 1);
}

async function medianOf(runs: number, options: DefaultSeedOptions, what: string, log: Log) {
  const samples: number[] = [];
  let events = 0;
  for (let run = 0; run < runs; run += 1) {
    const result = await seedMs(options);
    samples.push(result.ms);
    events = result.events;
  }
  log(`${what}: median ${median(samples)} ms over ${runs} runs (${thousands(events)} event rows)`);
  return { ms: median(samples), events };
}

export const sandboxSeed: Benchmark = {
  async run(args, log) {
    const { values } = parseArgs({ args, options: { items: { type: 'string' }, runs: { type: 'string' } } });
    const items = wholeOption(values.items, 'items', 3_000, 10, 1_000_000);
    const runs = wholeOption(values.runs, 'runs', 5, 1, 100);
    const loadBefore = loadavg()[0] ?? 0;
    log(`Sandbox seed: ${thousands(items)} items, ${availableParallelism()} cores, load ${loadBefore.toFixed(2)}`);
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-sandbox-seed-'));
    try {
      const feedStarted = performance.now();
      writeSandboxFeed(dataDir, 'healthy');
      const feedWriteMs = round(performance.now() - feedStarted, 1);
      // The first seed warms up module loading and JIT for all that follow.
      await seedMs({ items });
      const plain = await medianOf(runs, { items }, 'sample catalog only', log);
      const feeds = await medianOf(runs, { items, feedsDir: sandboxFeedsDir(dataDir) }, '+ Feed demo', log);
      const all = await medianOf(
        runs,
        { items, feedsDir: sandboxFeedsDir(dataDir), history: true },
        '+ Feed demo + stats history',
        log,
      );
      const historyMs = round(all.ms - feeds.ms, 1);
      log(`stats history alone: ${historyMs} ms (target under ${TARGET_HISTORY_MS} ms); feed file: ${feedWriteMs} ms`);
      return {
        items,
        runs,
        load: { before: round(loadBefore), after: round(loadavg()[0] ?? 0) },
        target: { historyMs: TARGET_HISTORY_MS },
        feedFileWriteMs: feedWriteMs,
        catalogMs: plain.ms,
        feedDemoMs: round(feeds.ms - plain.ms, 1),
        historyMs,
        historyEventRows: all.events,
        totalMs: all.ms,
      };
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
