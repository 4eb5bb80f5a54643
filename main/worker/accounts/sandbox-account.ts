/**
 * The Sandbox account: the built-in Doofinder look-alike, started inside the worker with the
 * sample catalog, so a new user can use every feature without a Doofinder account. Its state
 * lives in `{dataDir}/sandbox/sandbox.db`; the first start seeds it with the two sample
 * shops (with a stats history) and the Feed demo engine, whose feed is
 * `{dataDir}/sandbox/feeds/feed-demo.csv`.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import { defaultSeed } from '../../sandbox/seed/default';
import { FEED_DEMO_ENGINE, feedDemoEngine } from '../../sandbox/seed/feed-demo';
import { seedEngine } from '../../sandbox/seed/seed';
import { sandboxFeedFile, sandboxFeedsDir, writeSandboxFeed } from './sandbox-feed';

export interface RunningSandbox {
  url: string;
  apiKey: string;
  close(): Promise<void>;
}

export async function startSandboxAccount(
  dataDir: string,
  nativeBinding: string | null,
  items = 3_000,
): Promise<RunningSandbox> {
  const folder = join(dataDir, 'sandbox');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'sandbox.db');
  const fresh = !existsSync(file);
  // No feeds folder: a sandbox made before the Feed demo engine existed.
  const older = !fresh && !existsSync(sandboxFeedsDir(dataDir));
  // Before the seed, so the engine's first "Process now" reads the products it was seeded with.
  if (fresh) writeSandboxFeed(dataDir, 'healthy');
  let sandbox: Sandbox;
  try {
    const seed = fresh ? defaultSeed({ items, feedsDir: sandboxFeedsDir(dataDir), history: true }) : null;
    sandbox = await startSandbox({ dataFile: file, seed, nativeBinding });
  } catch (error) {
    throw new Error(`The built-in sandbox could not start: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const account = sandbox.ctx.db.prepare('SELECT id, zone, token FROM accounts ORDER BY id LIMIT 1').get() as
    { id: number; zone: string; token: string } | undefined;
  if (!account) {
    await sandbox.close();
    throw new Error(`The built-in sandbox's data has no account (${file}); delete that file to start afresh.`);
  }
  if (older) {
    try {
      addFeedDemo(sandbox, account.id, sandboxFeedFile(dataDir));
      // Last: the feeds folder it creates marks the upgrade as done.
      writeSandboxFeed(dataDir, 'healthy');
    } catch (error) {
      await sandbox.close();
      throw error;
    }
  }
  return { url: sandbox.url, apiKey: `${account.zone}-${account.token}`, close: () => sandbox.close() };
}

/**
 * Gives an older sandbox the Feed demo engine, leaving everything else as it was. Once the
 * feeds folder exists this never runs again, so a user who deletes the engine keeps it deleted.
 */
function addFeedDemo(sandbox: Sandbox, accountId: number, feedFile: string): void {
  const has = sandbox.ctx.db
    .prepare('SELECT 1 FROM engines WHERE account_id = ? AND name = ?')
    .get(accountId, FEED_DEMO_ENGINE);
  if (!has) seedEngine(sandbox.ctx, accountId, feedDemoEngine(feedFile));
}
