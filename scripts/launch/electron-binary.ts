/**
 * Electron's binary is not downloaded at install time (package.json `allowScripts` denies
 * electron's postinstall, which fails where GitHub is unreachable). `npm start` fetches it
 * on first use with electron's own install.js, which honours ELECTRON_MIRROR and friends.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstLine, type Readiness } from './plan';

export function electronPackageDir(root: string): string {
  return join(root, 'node_modules', 'electron');
}

/** The binary electron's index.js would return, if it is installed. */
export function installedElectronBinary(root: string): string | null {
  const dir = electronPackageDir(root);
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export function ensureElectronBinary(root: string, timeoutMs = 180_000): Readiness {
  const existing = installedElectronBinary(root);
  if (existing) return { ok: true, path: existing };
  const installer = join(electronPackageDir(root), 'install.js');
  if (!existsSync(installer)) return { ok: false, reason: 'the electron package is not installed (run `npm install`)' };

  process.stderr.write('Fetching the Electron binary (first start only)...\n');
  const run = spawnSync(process.execPath, [installer], {
    cwd: electronPackageDir(root),
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  });
  const installed = installedElectronBinary(root);
  if (installed) return { ok: true, path: installed };
  const detail =
    firstLine(`${run.stderr ?? ''}\n${run.error?.message ?? ''}`.trim()) || `install.js exited with ${run.status}`;
  return { ok: false, reason: `its binary could not be downloaded (${detail})` };
}

export function electronAbi(root: string): number | null {
  const file = join(electronPackageDir(root), 'abi_version');
  if (!existsSync(file)) return null;
  const abi = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(abi) ? abi : null;
}

export function electronVersion(root: string): string {
  const pkg = JSON.parse(readFileSync(join(electronPackageDir(root), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
