/**
 * `npm run bench -- mirror [--items N] [--faults-items N] [--big-items N] [--only limited|faults|big]`
 *
 * (a) Mirror N items (default 100,000) from the sandbox with its real 2 requests/s limit:
 *     items/s as a share of the theoretical 200 items/s (target >= 95%), and how many 429s
 *     our own pacing caused (target 0).
 * (b) The same with faults on (10% 5xx, 5% 429, 2% dropped connections): it completes with
 *     every item exactly once.
 * (c) Mirror 1,000,000 items with the limit switched off: items/s, the mirroring process's
 *     peak RSS (target < 300 MB) and how often progress was reported (target >= 2/s).
 * The mirror runs in a child process, as in the app's worker, so its memory is its own.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { startSandbox, type Sandbox } from '../../main/sandbox/index';
import type { Benchmark, Log } from './benchmark';
import { round, thousands, wholeOption } from './measure';

const LIMIT_ITEMS_PER_SECOND = 2 * 100;

interface ChildResult {
  state: string;
  error: string | null;
  fetched: number;
  total: number | null;
  seconds: number;
  rows: number;
  distinctIds: number;
  peakRssMb: number;
  /** The highest RSS seen in the progress reports (4 a second). */
  sampledRssMb: number;
  progressPerSecond: number;
}

async function seeded(items: number, log: Log): Promise<{ sandbox: Sandbox; apiKey: string; hashid: string }> {
  log(`Seeding a sandbox with ${thousands(items)} items...`);
  const sandbox = await startSandbox({
    config: { managementRatePerSecond: null },
    seed: {
      accounts: [
        {
          engines: [
            { name: 'Bench', types: [{ name: 'product', generate: { count: items, seed: 11, profile: 'shop' } }] },
          ],
        },
      ],
    },
  });
  const account = sandbox.seeded?.accounts[0];
  return { sandbox, apiKey: account?.apiKey ?? '', hashid: account?.engines[0]?.hashid ?? '' };
}

function runChild(args: string[], log: Log): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/mirror-child.ts', ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const reports: number[] = [];
    let last = 0;
    let sampled = 0;
    createInterface({ input: child.stdout }).on('line', (line) => {
      const message = JSON.parse(line) as { done?: boolean; at?: number; fetched?: number } & ChildResult;
      if (message.done) {
        const span = (reports.at(-1) ?? 0) - (reports[0] ?? 0);
        resolve({
          ...message,
          sampledRssMb: sampled,
          progressPerSecond: span > 0 ? round((reports.length - 1) / (span / 1000), 1) : 0,
        });
        return;
      }
      reports.push(message.at ?? 0);
      sampled = Math.max(sampled, (message as unknown as { rssMb?: number }).rssMb ?? 0);
      if ((message.at ?? 0) - last > 10_000) {
        last = message.at ?? 0;
        const memory = message as unknown as { rssMb?: number; heapMb?: number };
        log(
          `  ${thousands(message.fetched ?? 0)} items after ${Math.round((message.at ?? 0) / 1000)} s (RSS ${memory.rssMb ?? '?'} MB, heap ${memory.heapMb ?? '?'} MB)`,
        );
      }
    });
    child.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`the mirror process exited with ${code}`))));
  });
}

async function count429(sandbox: Sandbox, outcome: string): Promise<number> {
  const body = (await (await fetch(`${sandbox.url}/_sandbox/requests?limit=1000000`)).json()) as {
    requests: Array<{ status: number; outcome: string | null }>;
  };
  return body.requests.filter((request) => request.status === 429 && request.outcome === outcome).length;
}

async function limited(items: number, log: Log) {
  const { sandbox, apiKey, hashid } = await seeded(items, log);
  try {
    await fetch(`${sandbox.url}/_sandbox/config`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ managementRatePerSecond: 2 }),
    });
    await fetch(`${sandbox.url}/_sandbox/requests`, { method: 'DELETE' });
    log(`(a) Mirroring ${thousands(items)} items at the real limit of 2 requests/s...`);
    const result = await runChild([sandbox.url, apiKey, hashid, 'product', '2'], log);
    const itemsPerSecond = round(result.fetched / result.seconds, 1);
    const figures = {
      items,
      seconds: round(result.seconds, 1),
      itemsPerSecond,
      ratioOfLimit: round(itemsPerSecond / LIMIT_ITEMS_PER_SECOND, 3),
      status429: await count429(sandbox, 'limit:429'),
      complete: result.state === 'completed' && result.distinctIds === items,
    };
    log(
      `    ${itemsPerSecond} items/s = ${Math.round(figures.ratioOfLimit * 100)}% of the limit; ${figures.status429} throttled answers`,
    );
    return figures;
  } finally {
    await sandbox.close();
  }
}

async function withFaults(items: number, log: Log) {
  const { sandbox, apiKey, hashid } = await seeded(items, log);
  try {
    await fetch(`${sandbox.url}/_sandbox/config`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ managementRatePerSecond: 2 }),
    });
    await fetch(`${sandbox.url}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rules: [{ path: '/items/', error5xx: 0.1, status429: 0.05, drop: 0.02 }], seed: 5 }),
    });
    log(`(b) Mirroring ${thousands(items)} items through 10% 5xx, 5% 429 and 2% dropped connections...`);
    const result = await runChild([sandbox.url, apiKey, hashid, 'product', '2'], log);
    const requests = (await (await fetch(`${sandbox.url}/_sandbox/requests?limit=1000000`)).json()) as {
      requests: Array<{ outcome: string | null }>;
    };
    const faults = requests.requests.filter((request) => request.outcome?.startsWith('fault:')).length;
    const figures = {
      items,
      seconds: round(result.seconds, 1),
      itemsPerSecond: round(result.fetched / result.seconds, 1),
      faultsInjected: faults,
      everyItemExactlyOnce: result.state === 'completed' && result.rows === items && result.distinctIds === items,
    };
    log(`    ${faults} faults injected; every item exactly once: ${figures.everyItemExactlyOnce}`);
    return figures;
  } finally {
    await sandbox.close();
  }
}

async function big(items: number, log: Log) {
  const { sandbox, apiKey, hashid } = await seeded(items, log);
  try {
    log(`(c) Mirroring ${thousands(items)} items with the limit off...`);
    const result = await runChild([sandbox.url, apiKey, hashid, 'product', '1000000'], log);
    const figures = {
      items,
      seconds: round(result.seconds, 1),
      itemsPerSecond: round(result.fetched / result.seconds, 0),
      peakRssMb: result.peakRssMb,
      sampledRssMb: result.sampledRssMb,
      progressEventsPerSecond: result.progressPerSecond,
      complete: result.state === 'completed' && result.distinctIds === items,
    };
    log(
      `    ${figures.itemsPerSecond} items/s, peak RSS ${figures.peakRssMb} MB, ${figures.progressEventsPerSecond} progress events/s`,
    );
    return figures;
  } finally {
    await sandbox.close();
  }
}

export const mirror: Benchmark = {
  async run(args, log) {
    const { values } = parseArgs({
      args,
      options: {
        items: { type: 'string' },
        'faults-items': { type: 'string' },
        'big-items': { type: 'string' },
        only: { type: 'string' },
      },
    });
    const items = wholeOption(values.items, 'items', 100_000, 100, 1_000_000);
    const faultsItems = wholeOption(values['faults-items'], 'faults-items', items, 100, 1_000_000);
    const bigItems = wholeOption(values['big-items'], 'big-items', 1_000_000, 100, 1_000_000);
    const only = values.only ?? 'all';
    if (!['all', 'limited', 'faults', 'big'].includes(only))
      throw new Error(`--only takes limited, faults or big; got "${only}".`);
    return {
      targets: { ratioOfLimit: 0.95, status429: 0, peakRssMb: 300, progressEventsPerSecond: 2 },
      ...(only === 'all' || only === 'limited' ? { limited: await limited(items, log) } : {}),
      ...(only === 'all' || only === 'faults' ? { faults: await withFaults(faultsItems, log) } : {}),
      ...(only === 'all' || only === 'big' ? { big: await big(bigItems, log) } : {}),
    };
  },
};
