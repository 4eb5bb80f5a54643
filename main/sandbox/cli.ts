/**
 * `npm run sandbox -- [--port N] [--items N] [--seed S] [--data FILE] [--history]`: a
 * sandbox on 127.0.0.1 with the sample catalog (and, with `--history`, 60 days of search
 * stats before today). Prints one JSON line {url, apiKey, hashid, zone} and serves until
 * stopped.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startSandbox } from './index';
import { defaultSeed } from './seed/default';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    items: { type: 'string', default: '3000' },
    seed: { type: 'string', default: '1' },
    data: { type: 'string' },
    history: { type: 'boolean', default: false },
  },
});

function whole(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    process.stderr.write(`--${name} must be a whole number from ${min} to ${max}; got "${text}".\n`);
    process.exit(2);
  }
  return value;
}

const port = whole('port', values.port, 0, 65535);
const items = whole('items', values.items, 0, 1_000_000);
const seed = whole('seed', values.seed, 0, 2 ** 31 - 1);
// A data file that already exists keeps its state; a new one gets the sample catalog.
const fresh = !values.data || !existsSync(values.data);
const spec = defaultSeed({ items, history: values.history });
for (const account of spec.accounts) {
  for (const engine of account.engines ?? []) {
    for (const type of engine.types ?? [])
      if (type.generate) type.generate.seed = (type.generate.seed ?? 1) * 1000 + seed;
  }
}

const sandbox = await startSandbox({ port, dataFile: values.data, seed: fresh ? spec : null });
const first = sandbox.seeded?.accounts[0] ?? null;
const apiKey =
  first?.apiKey ??
  (sandbox.ctx.db.prepare("SELECT zone || '-' || token FROM accounts ORDER BY id LIMIT 1").pluck().get() as
    string | undefined) ??
  null;
const hashid =
  first?.engines[0]?.hashid ??
  (sandbox.ctx.db.prepare('SELECT hashid FROM engines ORDER BY id LIMIT 1').pluck().get() as string | undefined) ??
  null;
process.stdout.write(
  `${JSON.stringify({ url: sandbox.url, apiKey, hashid, zone: apiKey?.split('-', 1)[0] ?? null })}\n`,
);

async function stop(): Promise<void> {
  await sandbox.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
