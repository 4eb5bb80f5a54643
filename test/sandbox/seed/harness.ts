/**
 * A sandbox seeded as the app's Sandbox account seeds it (the sample shops, optionally
 * with their stats history, and the Feed demo engine reading `{dataDir}/sandbox/feeds`),
 * driven over HTTP as a client would. The management rate limit is off.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox, type SandboxConfig } from '../../../main/sandbox/index';
import { defaultSeed, type DefaultSeedOptions } from '../../../main/sandbox/seed/default';

export interface SeededSandbox {
  sandbox: Sandbox;
  dataDir: string;
  token: string;
  /** Engine hashids by name. */
  engines: Map<string, string>;
  close(): Promise<void>;
}

export async function startSeededSandbox(
  options: Omit<DefaultSeedOptions, 'feedsDir'> & { feeds?: boolean; config?: Partial<SandboxConfig> },
  before: (dataDir: string) => void = () => {},
): Promise<SeededSandbox> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sandbox-seed-test-'));
  before(dataDir);
  const { feeds, config, ...seedOptions } = options;
  const sandbox = await startSandbox({
    config: { managementRatePerSecond: null, ...config },
    seed: defaultSeed({ ...seedOptions, ...(feeds ? { feedsDir: join(dataDir, 'sandbox', 'feeds') } : {}) }),
  });
  const account = sandbox.seeded?.accounts[0];
  return {
    sandbox,
    dataDir,
    token: account?.apiKey.split('-')[1] ?? '',
    engines: new Map(account?.engines.map((engine) => [engine.name, engine.hashid])),
    async close() {
      await sandbox.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** GET a Management v1 path (after `/v1`); answers the status and the JSON. */
export async function getV1<T>(t: SeededSandbox, path: string): Promise<{ status: number; json: T }> {
  const response = await fetch(`${t.sandbox.url}/v1${path}`, { headers: { Authorization: `Token ${t.token}` } });
  return { status: response.status, json: (await response.json()) as T };
}

export async function postV1<T>(t: SeededSandbox, path: string): Promise<{ status: number; json: T }> {
  const response = await fetch(`${t.sandbox.url}/v1${path}`, {
    method: 'POST',
    headers: { Authorization: `Token ${t.token}` },
  });
  return { status: response.status, json: (await response.json()) as T };
}
