/**
 * Part (a) of the sandbox benchmark: how fast the sample catalog is generated and indexed,
 * through the same path every seed takes (applySeed → ItemStore.put, which also feeds the
 * FTS5 index and the search column store), into an in-memory sandbox database.
 */
import { generateItems } from '../../main/sandbox/catalog/generate';
import { startSandbox } from '../../main/sandbox/index';
import { applySeed, type SeedSpec } from '../../main/sandbox/seed/seed';
import type { Log } from './benchmark';
import { peakRssMb, round, thousands } from './measure';

export interface IndexingFigures {
  items: number;
  /** Generating the items alone, without storing them. */
  generateSeconds: number;
  /** Generating, storing and indexing them: what the target is about. */
  seconds: number;
  itemsPerSecond: number;
  secondsFor1M: number;
  /** True when secondsFor1M is projected from a smaller run rather than measured. */
  projected: boolean;
  peakRssMb: number;
}

const MILLION = 1_000_000;

function oneEngine(items: number): SeedSpec {
  return {
    accounts: [
      {
        engines: [
          { name: 'Bench catalog', types: [{ name: 'product', generate: { count: items, seed: 1, profile: 'shop' } }] },
        ],
      },
    ],
  };
}

function timeGeneration(items: number): number {
  const started = performance.now();
  let characters = 0;
  for (const item of generateItems({ count: items, seed: 1, profile: 'shop' })) characters += item.id.length;
  if (characters === 0 && items > 0) throw new Error('The generator made no items.');
  return (performance.now() - started) / 1000;
}

export async function measureIndexing(items: number, log: Log): Promise<IndexingFigures> {
  log(`Generating ${thousands(items)} items (no storing)…`);
  const generateSeconds = timeGeneration(items);
  log(`  ${round(generateSeconds, 1)} s, ${thousands(Math.round(items / generateSeconds))} items/s`);

  const sandbox = await startSandbox({ seed: null });
  try {
    log(`Generating and indexing ${thousands(items)} items (applySeed → ItemStore.put → FTS5)…`);
    const started = performance.now();
    const seeded = applySeed(sandbox.ctx, oneEngine(items));
    const seconds = (performance.now() - started) / 1000;
    const stored = seeded.accounts[0]?.engines[0]?.types.product;
    if (stored !== items) throw new Error(`Seeded ${items} items but the engine holds ${stored}.`);
    const itemsPerSecond = Math.round(items / seconds);
    const figures: IndexingFigures = {
      items,
      generateSeconds: round(generateSeconds, 1),
      seconds: round(seconds, 1),
      itemsPerSecond,
      secondsFor1M: round((seconds * MILLION) / items, 1),
      projected: items !== MILLION,
      peakRssMb: peakRssMb(),
    };
    log(`  ${figures.seconds} s, ${thousands(itemsPerSecond)} items/s, peak RSS ${thousands(figures.peakRssMb)} MB`);
    log(`  1,000,000 items: ${figures.secondsFor1M} s${figures.projected ? ' (projected)' : ''} (target: under 120 s)`);
    return figures;
  } finally {
    await sandbox.close();
  }
}
