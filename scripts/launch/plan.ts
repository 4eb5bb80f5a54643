/**
 * What `npm start` decides, as pure functions so each decision is unit-tested:
 * run Electron when both its binary and an Electron build of better-sqlite3 are at hand,
 * otherwise say why in one sentence and run browser mode.
 */

export type Readiness = { ok: true; path: string } | { ok: false; reason: string };

export type LaunchPlan =
  { mode: 'electron'; electronPath: string; sqliteBinding: string } | { mode: 'browser'; reason: string };

export function decideLaunch(electron: Readiness, sqlite: Readiness | null): LaunchPlan {
  if (!electron.ok) return { mode: 'browser', reason: `Electron cannot start here: ${electron.reason}` };
  if (!sqlite)
    return { mode: 'browser', reason: 'Electron cannot start here: the SQLite module was not prepared for it.' };
  if (!sqlite.ok) return { mode: 'browser', reason: `Electron cannot start here: ${sqlite.reason}` };
  return { mode: 'electron', electronPath: electron.path, sqliteBinding: sqlite.path };
}

/** The one sentence printed before falling back, ending with what happens instead. */
export function fallbackSentence(plan: Extract<LaunchPlan, { mode: 'browser' }>): string {
  const reason = plan.reason.replace(/[.\s]+$/, '');
  return `${reason}, so Catalog Studio is starting in browser mode instead.`;
}

/**
 * The ABI a native module was built for, read from the error Node gives when it refuses to
 * load it ("compiled against a different Node.js version using NODE_MODULE_VERSION 145").
 */
export function moduleVersionFromLoadError(message: string): number | null {
  const match = /using\s+NODE_MODULE_VERSION\s+(\d+)/.exec(message);
  return match ? Number(match[1]) : null;
}

export type AbiProbe = { loaded: true } | { loaded: false; message: string };

/**
 * Judges a better-sqlite3 build meant for Electron by trying to load it in plain Node:
 * @electron/rebuild can report success while it quietly built for Node (npm's `nodedir`
 * setting leaks into node-gyp), so its word is never taken.
 */
export function judgeElectronBuild(probe: AbiProbe, nodeAbi: number, electronAbi: number): Readiness | { ok: true } {
  if (probe.loaded) {
    return nodeAbi === electronAbi
      ? { ok: true }
      : {
          ok: false,
          reason: `the SQLite module was built for Node (ABI ${nodeAbi}) instead of Electron (ABI ${electronAbi})`,
        };
  }
  const built = moduleVersionFromLoadError(probe.message);
  if (built === electronAbi) return { ok: true };
  if (built !== null)
    return { ok: false, reason: `the SQLite module was built for ABI ${built}, not Electron's ${electronAbi}` };
  return { ok: false, reason: `the SQLite module for Electron does not load (${firstLine(probe.message)})` };
}

/** @electron/rebuild prints pages of stack traces; find the line that says what went wrong. */
export function summarizeRebuildFailure(output: string): string {
  if (/getaddrinfo|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|node-gyp\/lib\/install\.js/i.test(output)) {
    return "Electron's headers, which the build needs, could not be downloaded";
  }
  if (/not found: (make|g\+\+|cc|python)|gyp ERR! find Python|No Xcode or CLT/i.test(output)) {
    return 'build tools are missing (a C++ compiler, make and python3)';
  }
  const errorLine = output
    .split('\n')
    .reverse()
    .find((line) => /^\s*(gyp ERR! )?(\w*Error|error):/.test(line));
  return firstLine(errorLine ?? output) || 'the rebuild failed without saying why';
}

/** How to open a URL in the user's browser, or null where there is no desktop to open it on. */
export function openCommand(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): [string, string[]] | null {
  if (env.CATALOG_STUDIO_NO_BROWSER === '1' || env.CI) return null;
  if (platform === 'darwin') return ['open', []];
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""']];
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return ['xdg-open', []];
  return null;
}

export function firstLine(text: string): string {
  const line = text.trim().split('\n', 1)[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}
