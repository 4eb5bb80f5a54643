import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

// Type-aware linting needs files the TypeScript project knows, so each probe borrows the path
// of a real file in the layer it tests (its text is replaced, the file is not touched).

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((message) => message.message);
}

describe('layering rules (eslint)', () => {
  it('forbid ipcRenderer and ipcMain outside preload/index.ts and main/bridge.ts', async () => {
    const code = "import { ipcMain, ipcRenderer } from 'electron';\nexport { ipcMain, ipcRenderer };\n";
    expect(await restrictedImports(code, 'main/handlers.ts')).toHaveLength(2);
    expect((await restrictedImports(code, 'main/handlers.ts'))[0]).toContain('typed contract');
    expect(
      await restrictedImports("import { ipcMain } from 'electron';\nexport { ipcMain };\n", 'main/bridge.ts'),
    ).toEqual([]);
    expect(
      await restrictedImports("import { ipcRenderer } from 'electron';\nexport { ipcRenderer };\n", 'preload/index.ts'),
    ).toEqual([]);
  });

  it('keep the renderer to window.api and the contract types', async () => {
    expect(
      await restrictedImports("import { app } from 'electron';\nexport { app };\n", 'renderer/app/App.tsx'),
    ).toHaveLength(1);
    expect(await restrictedImports("import fs from 'node:fs';\nexport { fs };\n", 'renderer/app/App.tsx')).toHaveLength(
      1,
    );
    expect(
      await restrictedImports(
        "import { AppError } from '../../main/errors';\nexport { AppError };\n",
        'renderer/app/App.tsx',
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        "import { requests } from '../../preload/contract';\nexport { requests };\n",
        'renderer/app/App.tsx',
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        "import type { AppInfo } from '../../preload/contract';\nexport type { AppInfo };\n",
        'renderer/app/App.tsx',
      ),
    ).toEqual([]);
  });

  it('keep Electron out of the worker, SQLite in the store, keytar in keychain.ts', async () => {
    expect(
      await restrictedImports("import { app } from 'electron';\nexport { app };\n", 'main/worker/handlers/app.ts'),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        "import Database from 'better-sqlite3';\nexport { Database };\n",
        'main/worker/handlers/index.ts',
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        "import Database from 'better-sqlite3';\nexport { Database };\n",
        'main/worker/store/open.ts',
      ),
    ).toEqual([]);
    expect(await restrictedImports("import keytar from 'keytar';\nexport { keytar };\n", 'main/index.ts')).toHaveLength(
      1,
    );
    expect(await restrictedImports("import keytar from 'keytar';\nexport { keytar };\n", 'main/keychain.ts')).toEqual(
      [],
    );
    expect(
      await restrictedImports(
        "import { createKeychain } from '../../keychain';\nexport { createKeychain };\n",
        'main/worker/handlers/app.ts',
      ),
    ).toHaveLength(1);
  });
});
