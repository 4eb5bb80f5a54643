/**
 * `npm run dev`: the desktop app with hot reload (electron-vite dev) where Electron's binary
 * is installed; elsewhere browser mode that rebuilds on every change and restarts the host
 * when main-side code changed (reload the page to see renderer changes).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { watch } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { build } from 'electron-vite';
import { installedElectronBinary } from './launch/electron-binary';

const root = process.cwd();
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const { values } = parseArgs({ options: { port: { type: 'string', default: '5174' } } });

if (installedElectronBinary(root)) {
  const child = spawn(bin('electron-vite'), ['dev'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.error(
    "Electron's binary is not installed here (npm start fetches it where it can), so dev runs in browser mode: reload the page after a change.",
  );
  await build({ root, logLevel: 'warn' });
  // One token for the whole session, so the page keeps working across host restarts.
  const token = randomBytes(32).toString('base64url');
  const current: { host: ChildProcess | null } = { host: null };

  const startHost = () => {
    const host = spawn(process.execPath, ['out/main/web.js', '--port', values.port], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, CATALOG_STUDIO_WEB_TOKEN: token },
    });
    current.host = host;
    createInterface({ input: host.stdout }).once('line', (line) => console.log(line));
  };
  const restartHost = () => {
    const old = current.host;
    current.host = null;
    if (old && old.exitCode === null) {
      old.once('exit', startHost);
      old.kill('SIGTERM');
    } else startHost();
  };

  startHost();
  // Rebuild on any source change; the host restarts only when main-side code changed.
  let pending: NodeJS.Timeout | null = null;
  let mainChanged = false;
  const rebuild = async () => {
    pending = null;
    const restart = mainChanged;
    mainChanged = false;
    try {
      await build({ root, logLevel: 'warn' });
      console.error(restart ? 'Rebuilt; restarting the host.' : 'Rebuilt; reload the page.');
      if (restart) restartHost();
    } catch {
      console.error('The build failed (see above); fix it and save again.');
    }
  };
  for (const folder of ['main', 'preload', 'renderer']) {
    watch(join(root, folder), { recursive: true }, () => {
      if (folder !== 'renderer') mainChanged = true;
      if (pending) clearTimeout(pending);
      pending = setTimeout(() => void rebuild(), 300);
    });
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      current.host?.kill(signal);
      process.exit(0);
    });
  }
}
