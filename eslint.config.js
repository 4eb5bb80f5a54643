// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/*
 * Layering rules: who may import whom. DO NOT RELAX. They are what keeps the renderer
 * untrusted, the main thread free of I/O, and secrets in one file.
 *   renderer/          only the contract's types; no Electron, no Node, no main code
 *   preload/index.ts   the only place ipcRenderer appears
 *   main/bridge.ts     the only place ipcMain appears
 *   main/keychain.ts   the only place keytar appears
 *   main/worker/       plain Node: never Electron; only worker/store/ opens SQLite
 *   main/sandbox/      a stand-alone server: plain Node, its own SQLite, never Electron
 */
const bans = {
  ipc: {
    name: 'electron',
    importNames: ['ipcMain', 'ipcRenderer'],
    message:
      'Use the typed contract: add a channel in preload/contract.ts and a handler (only preload/index.ts and main/bridge.ts touch IPC).',
  },
  electron: {
    name: 'electron',
    message: 'This layer must not depend on Electron (it also runs in browser mode and in the worker).',
  },
  keytar: { name: 'keytar', message: 'Only main/keychain.ts talks to the OS keychain.' },
  sqlite: {
    name: 'better-sqlite3',
    message: 'Only main/worker/store/ (and the sandbox, a separate server) open SQLite.',
  },
};

const mainOnly = {
  // Import specifiers are relative ('../../keychain'), so match on the module's name.
  group: ['**/keychain', '**/bridge', '**/window', '**/supervisor', '**/web/*'],
  message: 'The worker must not reach back into the main process: talk through the worker protocol.',
};

const rendererPatterns = [
  {
    group: ['**/main/**', '../main', '../../main'],
    message: 'The renderer is untrusted: it may only use window.api (see renderer/api/client.ts).',
  },
  {
    group: ['**/preload/index', '**/preload/index.ts'],
    message: 'Import types from preload/contract.ts; window.api is provided at run time.',
  },
  {
    group: ['**/preload/contract', '**/preload/contract.ts'],
    allowTypeImports: true,
    message: "The renderer imports only the contract's types (use `import type`).",
  },
];

/** One `no-restricted-imports` per area: flat config lets a later entry replace an earlier one. */
function restrict(files, paths, patterns = []) {
  return {
    files,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }] },
  };
}

const nodeBuiltins = builtinModules
  .flatMap((name) => [name, `node:${name}`])
  .map((name) => ({
    name,
    message: 'The renderer runs in a sandboxed page: no Node modules.',
  }));

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test/artifacts/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  { files: ['**/*.{js,mjs}'], ...tseslint.configs.disableTypeChecked },
  // Node globals in plain JS helpers; TypeScript already checks names in .ts files.
  { files: ['**/*.{js,mjs}'], rules: { 'no-undef': 'off' } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  restrict(['main/**/*.ts'], [bans.ipc, bans.keytar, bans.sqlite]),
  restrict(['main/bridge.ts'], [bans.keytar, bans.sqlite]),
  restrict(['main/keychain.ts'], [bans.ipc, bans.sqlite]),
  restrict(['main/worker/**/*.ts'], [bans.electron, bans.keytar, bans.sqlite], [mainOnly]),
  restrict(['main/worker/store/**/*.ts'], [bans.electron, bans.keytar], [mainOnly]),
  // The sandbox is a stand-alone Doofinder look-alike: plain Node with its own SQLite, no Electron.
  restrict(['main/sandbox/**/*.ts'], [bans.electron, bans.keytar, bans.ipc], [mainOnly]),
  restrict(['preload/**/*.ts'], [bans.electron, bans.keytar, bans.sqlite]),
  restrict(['preload/index.ts'], [bans.keytar, bans.sqlite]),
  restrict(['renderer/**/*.{ts,tsx}'], [bans.electron, bans.keytar, bans.sqlite, ...nodeBuiltins], rendererPatterns),
  {
    // Command-line scripts and tests print to the terminal on purpose.
    files: ['scripts/**/*.ts', 'test/**/*.ts', 'main/web/cli.ts', 'main/sandbox/cli.ts'],
    rules: { 'no-console': 'off' },
  },
);
