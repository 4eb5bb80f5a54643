import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronAbi, installedElectronBinary } from '../../scripts/launch/electron-binary';
import {
  decideLaunch,
  fallbackSentence,
  judgeElectronBuild,
  moduleVersionFromLoadError,
  openCommand,
  summarizeRebuildFailure,
} from '../../scripts/launch/plan';
import { checkBinding } from '../../scripts/launch/sqlite-binding';

describe('npm start: electron or browser mode', () => {
  it('runs Electron only when both its binary and an Electron build of SQLite are ready', () => {
    expect(decideLaunch({ ok: true, path: '/e' }, { ok: true, path: '/s.node' })).toEqual({
      mode: 'electron',
      electronPath: '/e',
      sqliteBinding: '/s.node',
    });
    expect(
      decideLaunch({ ok: false, reason: 'its binary could not be downloaded (ENOTFOUND github.com)' }, null),
    ).toEqual({
      mode: 'browser',
      reason: 'Electron cannot start here: its binary could not be downloaded (ENOTFOUND github.com)',
    });
    expect(decideLaunch({ ok: true, path: '/e' }, { ok: false, reason: 'no headers' })).toMatchObject({
      mode: 'browser',
    });
  });

  it('says why in one plain sentence that ends with what happens instead', () => {
    const sentence = fallbackSentence({ mode: 'browser', reason: 'Electron cannot start here: no binary.' });
    expect(sentence).toBe(
      'Electron cannot start here: no binary, so Catalog Studio is starting in browser mode instead.',
    );
    expect(sentence.split('\n')).toHaveLength(1);
  });
});

describe('the Electron build of better-sqlite3 is checked, never trusted', () => {
  it("reads the module's ABI from Node's refusal to load it", () => {
    const message =
      "Error: The module '/x/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 145. This version of Node.js requires\nNODE_MODULE_VERSION 115.";
    expect(moduleVersionFromLoadError(message)).toBe(145);
    expect(moduleVersionFromLoadError('Error: libfoo.so: cannot open shared object file')).toBeNull();
  });

  it('accepts a module built for ABI 145 when Electron needs 145', () => {
    const refusal = {
      loaded: false as const,
      message: 'compiled against a different Node.js version using NODE_MODULE_VERSION 145.',
    };
    expect(judgeElectronBuild(refusal, 115, 145)).toEqual({ ok: true });
  });

  it('catches "Rebuild Complete" that actually built for Node', () => {
    expect(judgeElectronBuild({ loaded: true }, 115, 145)).toEqual({
      ok: false,
      reason: 'the SQLite module was built for Node (ABI 115) instead of Electron (ABI 145)',
    });
  });

  it('rejects a module built for another Electron', () => {
    const refusal = { loaded: false as const, message: 'using NODE_MODULE_VERSION 140. This version' };
    expect(judgeElectronBuild(refusal, 115, 145)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('140') as unknown,
    });
  });

  it('flags the Node build npm installed as wrong for Electron, by really loading it', () => {
    const nodeBuild = resolve('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    const abi = electronAbi(process.cwd());
    expect(abi).toBeGreaterThan(Number(process.versions.modules));
    expect(checkBinding(nodeBuild, abi ?? 0)).toEqual({
      ok: false,
      reason: `the SQLite module was built for Node (ABI ${process.versions.modules}) instead of Electron (ABI ${abi})`,
    });
  });
});

describe('explaining a failed rebuild', () => {
  it('names the cause instead of the first line of a stack trace', () => {
    const offline =
      'Searching dependency tree\nError: This is most likely not a problem with node-gyp\n    at go (/x/node_modules/node-gyp/lib/install.js:244:21)';
    expect(summarizeRebuildFailure(offline)).toBe("Electron's headers, which the build needs, could not be downloaded");
    expect(summarizeRebuildFailure('gyp ERR! find Python\ngyp ERR! stack Error: Could not find any Python')).toBe(
      'build tools are missing (a C++ compiler, make and python3)',
    );
    expect(summarizeRebuildFailure('Building\nTypeError: boom\n    at x')).toBe('TypeError: boom');
  });
});

describe('finding the Electron binary', () => {
  it('finds it only when path.txt names a file that exists', () => {
    const root = mkdtempSync(join(tmpdir(), 'cs-electron-'));
    const pkg = join(root, 'node_modules', 'electron');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    expect(installedElectronBinary(root)).toBeNull();
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    expect(installedElectronBinary(root)).toBeNull();
    writeFileSync(join(pkg, 'dist', 'electron'), '');
    expect(installedElectronBinary(root)).toBe(join(pkg, 'dist', 'electron'));
  });
});

describe('opening the browser', () => {
  it('opens one only where there is a desktop', () => {
    expect(openCommand('linux', {})).toBeNull();
    expect(openCommand('linux', { DISPLAY: ':0' })).toEqual(['xdg-open', []]);
    expect(openCommand('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toEqual(['xdg-open', []]);
    expect(openCommand('darwin', {})).toEqual(['open', []]);
    expect(openCommand('darwin', { CI: 'true' })).toBeNull();
    expect(openCommand('linux', { DISPLAY: ':0', CATALOG_STUDIO_NO_BROWSER: '1' })).toBeNull();
  });
});
