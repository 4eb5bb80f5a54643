/**
 * `npm start`: build, then run the desktop app; where Electron cannot run (no binary, no
 * Electron build of SQLite), say why in one sentence and run browser mode instead.
 *   npm start -- --browser     browser mode even where Electron works
 *   npm start -- --port 8080   browser mode's port (default: a free one)
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { build } from 'electron-vite';
import { ensureElectronBinary } from './launch/electron-binary';
import { decideLaunch, fallbackSentence, openCommand, type LaunchPlan } from './launch/plan';
import { ensureSqliteBinding } from './launch/sqlite-binding';

const root = process.cwd();
const { values } = parseArgs({
  options: { browser: { type: 'boolean', default: false }, port: { type: 'string', default: '0' } },
});

await build({ root, logLevel: 'warn' });

let plan: LaunchPlan;
if (values.browser) {
  plan = { mode: 'browser', reason: 'Browser mode was asked for with --browser' };
} else {
  const electron = ensureElectronBinary(root);
  plan = decideLaunch(electron, electron.ok ? ensureSqliteBinding(root) : null);
}

if (plan.mode === 'electron') {
  const child = spawn(plan.electronPath, ['.'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CATALOG_STUDIO_SQLITE_BINDING: plan.sqliteBinding },
  });
  forwardSignals(child);
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stderr.write(`${fallbackSentence(plan)}\n`);
  const child = spawn(process.execPath, ['out/main/web.js', '--port', values.port], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  forwardSignals(child);
  createInterface({ input: child.stdout }).once('line', (line) => {
    process.stdout.write(`${line}\n`);
    const { url } = JSON.parse(line) as { url: string };
    const opener = openCommand(process.platform, process.env);
    if (opener) {
      spawn(opener[0], [...opener[1], url], { stdio: 'ignore', detached: true })
        .on('error', () => undefined)
        .unref();
    } else {
      process.stderr.write('Open the URL above in a browser on this computer; it changes at every start.\n');
    }
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}

function forwardSignals(child: ReturnType<typeof spawn>): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
}
