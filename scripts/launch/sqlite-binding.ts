/**
 * better-sqlite3 is not Node-API: the build npm made for Node does not load in Electron.
 * This prepares an Electron build in a cache folder (the app opens it through
 * better-sqlite3's `nativeBinding` option) and checks its ABI itself.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { electronAbi, electronVersion } from './electron-binary';
import { judgeElectronBuild, summarizeRebuildFailure, type AbiProbe, type Readiness } from './plan';

export function bindingCacheDir(root: string, abi: number): string {
  return join(root, 'node_modules', '.cache', 'catalog-studio', `better-sqlite3-electron-abi${abi}`);
}

/** Loads a .node file in a child Node process and reports how that went. */
export function probeNativeModule(file: string): AbiProbe {
  const run = spawnSync(process.execPath, ['-e', `process.dlopen({ exports: {} }, ${JSON.stringify(file)})`], {
    encoding: 'utf8',
  });
  return run.status === 0 ? { loaded: true } : { loaded: false, message: run.stderr || `exit ${run.status}` };
}

export function checkBinding(file: string, wantedAbi: number): Readiness {
  if (!existsSync(file)) return { ok: false, reason: 'the SQLite module for Electron was not built' };
  const verdict = judgeElectronBuild(probeNativeModule(file), Number(process.versions.modules), wantedAbi);
  return verdict.ok ? { ok: true, path: file } : verdict;
}

export function ensureSqliteBinding(root: string, timeoutMs = 600_000): Readiness {
  const abi = electronAbi(root);
  if (abi === null)
    return { ok: false, reason: "Electron's ABI version is unknown (node_modules/electron/abi_version is missing)" };
  const cache = bindingCacheDir(root, abi);
  const binding = join(cache, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  const cached = checkBinding(binding, abi);
  if (cached.ok) return cached;

  process.stderr.write(`Building the SQLite module for Electron (ABI ${abi}, first start only)...\n`);
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(join(cache, 'node_modules'), { recursive: true });
  cpSync(join(root, 'node_modules', 'better-sqlite3'), join(cache, 'node_modules', 'better-sqlite3'), {
    recursive: true,
    filter: (source) => !source.includes(`${join('better-sqlite3', 'build')}`),
  });
  writeFileSync(
    join(cache, 'package.json'),
    JSON.stringify({ name: 'sqlite-electron-build', private: true, dependencies: { 'better-sqlite3': '*' } }),
  );

  const env = { ...process.env };
  // npm sets nodedir=/usr on some machines; node-gyp would then build against Node's headers.
  for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];
  const rebuildCli = join(root, 'node_modules', '@electron', 'rebuild', 'lib', 'cli.js');
  const run = spawnSync(
    process.execPath,
    [rebuildCli, '--version', electronVersion(root), '--module-dir', cache, '--only', 'better-sqlite3', '--force'],
    { cwd: cache, encoding: 'utf8', timeout: timeoutMs, env },
  );
  const built = checkBinding(binding, abi);
  if (built.ok) return built;
  const detail =
    run.status === 0
      ? built.reason
      : summarizeRebuildFailure(`${run.stdout ?? ''}\n${run.stderr ?? ''}\n${run.error?.message ?? ''}`);
  return { ok: false, reason: `the SQLite module could not be built for Electron (${detail})` };
}
