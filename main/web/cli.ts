/**
 * `npm run web`: the app in a browser. Runs the same API worker and main-side handlers as
 * the desktop app, serves the built renderer on 127.0.0.1, prints one JSON line with the
 * URL (carrying this launch's token) and serves until stopped.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { APP_NAME, defaultDataDir } from '../app-paths';
import { createAppHost } from '../app-host';
import { startWebHost, type WebHost } from './host';

const here = fileURLToPath(new URL('.', import.meta.url));

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`--port must be a whole number from 0 to 65535 (0 picks a free port); got "${values.port}".\n`);
  process.exit(2);
}

const dataDir = values['data-dir'] ?? defaultDataDir();
mkdirSync(dataDir, { recursive: true });

let web: WebHost | null = null;
const { supervisor, route, grants } = createAppHost({
  workerScript: join(here, 'worker.js'),
  boot: { appName: APP_NAME, appVersion: version, dataDir, mode: 'browser', sqliteBinding: null },
  onEvent: (channel, payload) => web?.broadcast(channel, payload),
  log: (line) => process.stderr.write(`${line}\n`),
});

try {
  // `npm run dev` keeps one token across host restarts; otherwise each launch makes its own.
  const token = process.env.CATALOG_STUDIO_WEB_TOKEN || undefined;
  web = await startWebHost({ rendererDir: join(here, '../renderer'), route, port, token, dataDir, grants });
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Browser mode could not listen on 127.0.0.1:${port}: ${reason}\n`);
  await supervisor.stop();
  process.exit(1);
}
process.stdout.write(`${JSON.stringify({ url: web.url })}\n`);

async function shutdown(): Promise<void> {
  await web?.close();
  await supervisor.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
// Diagnostics: `kill -USR2 <pid>` ends the API worker as a crash would, to watch it recover.
process.on('SIGUSR2', () => void supervisor.kill());
process.on('SIGTERM', () => void shutdown());
