/**
 * The Sandbox account's demo feed file, `{dataDir}/sandbox/feeds/feed-demo.csv`: the Feed
 * demo engine's only source. The app rewrites it with a chosen scenario so a user can see
 * how processing answers a healthy feed, a feed with bad rows, an empty one, and one that
 * lost most of its products.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEED_DEMO_FILE } from '../../sandbox/seed/feed-demo';
import { feedDemoCsv, type FeedScenario } from '../../sandbox/seed/feed-demo-csv';

export type SandboxFeedScenario = FeedScenario;

export function sandboxFeedsDir(dataDir: string): string {
  return join(dataDir, 'sandbox', 'feeds');
}

export function sandboxFeedFile(dataDir: string): string {
  return join(sandboxFeedsDir(dataDir), FEED_DEMO_FILE);
}

/**
 * Writes the scenario through a temporary file and a rename, so a process task that reads
 * the feed meanwhile sees the old file or the new one, never half of one.
 */
export function writeSandboxFeed(dataDir: string, scenario: SandboxFeedScenario): { file: string } {
  const file = sandboxFeedFile(dataDir);
  mkdirSync(sandboxFeedsDir(dataDir), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, feedDemoCsv(scenario));
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new Error(
      `The sandbox's demo feed could not be written to ${file}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  return { file };
}
