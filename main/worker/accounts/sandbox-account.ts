/**
 * The Sandbox account: the built-in Doofinder look-alike, started inside the worker with the
 * sample catalog, so a new user can use every feature without a Doofinder account. Its state
 * lives in `{dataDir}/sandbox/sandbox.db`; the first start seeds it.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox/index';

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
  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox({ dataFile: file, seed: fresh ? 'default' : null, items, nativeBinding });
  } catch (error) {
    throw new Error(`The built-in sandbox could not start: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const apiKey = sandbox.ctx.db
    .prepare("SELECT zone || '-' || token FROM accounts ORDER BY id LIMIT 1")
    .pluck()
    .get() as string | undefined;
  if (!apiKey) {
    await sandbox.close();
    throw new Error(`The built-in sandbox's data has no account (${file}); delete that file to start afresh.`);
  }
  return { url: sandbox.url, apiKey, close: () => sandbox.close() };
}
