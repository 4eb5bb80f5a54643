/**
 * `npm run bench -- push [--edits N]`
 *
 * Push N edited items (default 20,000) to the sandbox at its real limit of 2 requests/s:
 * items/s as a share of the theoretical 200 items/s (2 requests of 100 items; target >=
 * 95%), and how many 429s our own pacing caused (target 0, from the sandbox's request log).
 * The push runs in a child process, as in the app's worker.
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { startSandbox } from '../../main/sandbox/index';
import type { Benchmark, Log } from './benchmark';
import { round, thousands, wholeOption } from './measure';

const LIMIT_ITEMS_PER_SECOND = 2 * 100;

interface ChildResult {
  edited: number;
  state: string;
  error: string | null;
  pushed: number;
  batches: number;
  seconds: number;
  left: number;
}

function runChild(args: string[], log: Log): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/push-child.ts', ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let last = 0;
    createInterface({ input: child.stdout }).on('line', (line) => {
      const message = JSON.parse(line) as { done?: boolean | number; at?: number } & ChildResult;
      if (message.done === true) {
        resolve(message);
        return;
      }
      if ((message.at ?? 0) - last > 10_000) {
        last = message.at ?? 0;
        log(`  ${thousands(Number(message.done))} items after ${Math.round((message.at ?? 0) / 1000)} s`);
      }
    });
    child.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`the push process exited with ${code}`))));
  });
}

export const push: Benchmark = {
  async run(args, log) {
    const { values } = parseArgs({ args, options: { edits: { type: 'string' } } });
    const edits = wholeOption(values.edits, 'edits', 20_000, 100, 1_000_000);
    const loadBefore = round(loadavg()[0] ?? 0, 1);
    log(`Seeding a sandbox with ${thousands(edits)} items...`);
    const sandbox = await startSandbox({
      config: { managementRatePerSecond: null },
      seed: {
        accounts: [
          {
            engines: [
              { name: 'Bench', types: [{ name: 'product', generate: { count: edits, seed: 12, profile: 'shop' } }] },
            ],
          },
        ],
      },
    });
    try {
      const account = sandbox.seeded?.accounts[0];
      log(`Mirroring them (limit off), editing every title, then pushing at the real 2 requests/s...`);
      const result = await runChild(
        [sandbox.url, account?.apiKey ?? '', account?.engines[0]?.hashid ?? '', 'product', String(edits)],
        log,
      );
      const requests = (await (await fetch(`${sandbox.url}/_sandbox/requests?limit=1000000`)).json()) as {
        requests: Array<{ status: number; method: string }>;
      };
      const itemsPerSecond = round(result.pushed / result.seconds, 1);
      const figures = {
        edits,
        seconds: round(result.seconds, 1),
        batches: result.batches,
        requests: requests.requests.filter((request) => request.method === 'PATCH').length,
        complete: result.state === 'completed' && result.pushed === edits && result.left === 0,
        status429: requests.requests.filter((request) => request.status === 429).length,
        itemsPerSecond,
        ratioOfLimit: round(itemsPerSecond / LIMIT_ITEMS_PER_SECOND, 3),
        // Above 2 (the cores), other processes competed for the machine while measuring.
        load: { before: loadBefore, after: round(loadavg()[0] ?? 0, 1) },
      };
      log(
        `    ${itemsPerSecond} items/s = ${Math.round(figures.ratioOfLimit * 1000) / 10}% of the limit; ${figures.status429} throttled answers`,
      );
      return { targets: { ratioOfLimit: 0.95, status429: 0 }, ...figures };
    } finally {
      await sandbox.close();
    }
  },
};
