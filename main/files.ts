/**
 * How a file to import or export gets an absolute path in the desktop app: Electron's open and
 * save dialogs, with CSV/TSV/TXT filters. Electron is loaded only when a dialog is asked for,
 * because these handlers are also built by browser mode (plain Node, no dialogs: the page
 * uploads and downloads through the host instead, see main/web/file-transfer.ts).
 * Every path a dialog returns is granted (file-grants.ts): the worker may use only those.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { HandlersFor, PickedFile } from '../preload/contract';
import { AppError } from './errors';
import type { FileGrants } from './file-grants';

type FileHandlers = Pick<HandlersFor<'main'>, 'files:pickImport' | 'files:pickExport'>;

const FILTERS = [
  { name: 'CSV, TSV or text', extensions: ['csv', 'tsv', 'txt'] },
  { name: 'All files', extensions: ['*'] },
];

/** The worker only accepts these (the contract's csvPath); a dialog may return anything. */
const ALLOWED = /\.(?:csv|tsv|txt)$/i;

/** The dialog functions the handlers need (Electron's, or a stand-in in tests). */
export interface FileDialogs {
  open(): Promise<string | null>;
  save(suggestedName: string): Promise<string | null>;
}

/** Without `grants` (tests of the dialogs alone), a picked file is returned but not granted. */
export function fileHandlers(
  options: { grants?: FileGrants; dialogs?: () => Promise<FileDialogs> } = {},
): FileHandlers {
  const dialogs = options.dialogs ?? electronDialogs;
  return {
    async 'files:pickImport'(): Promise<PickedFile> {
      const file = await (await dialogs()).open();
      if (file === null) return { file };
      if (!ALLOWED.test(file)) throw notImportable(file);
      options.grants?.grant(file, 'read');
      return { file };
    },
    async 'files:pickExport'({ suggestedName }): Promise<PickedFile> {
      const chosen = await (await dialogs()).save(suggestedName);
      if (chosen === null) return { file: null };
      const file = withExtension(chosen, suggestedName);
      options.grants?.grant(file, 'write');
      return { file };
    },
  };
}

/** A save dialog may drop the extension the user did not type: keep the suggested one. */
export function withExtension(file: string, suggestedName: string): string {
  if (ALLOWED.test(file)) return file;
  const extension = /\.(csv|tsv|txt)$/i.exec(suggestedName)?.[0] ?? '.csv';
  return `${file}${extension}`;
}

function notImportable(file: string): AppError {
  return new AppError(
    'invalid_input',
    `"${file}" cannot be imported: pick a .csv, .tsv or .txt file (rename it if it is a CSV with another ending).`,
    { file },
  );
}

/**
 * The drop question on screen, if any. One at a time: the same file asked again (the preview
 * and a quick second request) waits for the same answer; any other file meanwhile is refused,
 * so a flood of requests cannot pile dialogs up.
 */
let asking: { file: string; answer: Promise<boolean> } | null = null;

/**
 * A file dropped on the Electron window: only the renderer learns its path
 * (webUtils.getPathForFile), and nothing it sends can prove the user dropped it. So main asks
 * the user, naming the file and its folder, before the worker may read it. False outside
 * Electron (browser mode uploads instead) and for anything that is not an importable file.
 */
export async function confirmDroppedFile(file: string): Promise<boolean> {
  if (!process.versions.electron || !ALLOWED.test(file)) return false;
  if (asking) return asking.file === file ? asking.answer : false;
  const answer = askAboutDrop(file);
  asking = { file, answer };
  try {
    return await answer;
  } finally {
    asking = null;
  }
}

async function askAboutDrop(file: string): Promise<boolean> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return false;
  const { BrowserWindow, dialog } = await import('electron');
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const options = {
    type: 'question' as const,
    title: 'Import a file',
    message: `Import ${basename(file)} from ${dirname(file)}?`,
    detail:
      'Catalog Studio opens only files you choose. If you did not just drop this file on the window, choose Cancel.',
    buttons: ['Import', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
  };
  const answer = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  return answer.response === 0;
}

async function electronDialogs(): Promise<FileDialogs> {
  if (!process.versions.electron) {
    throw new AppError(
      'forbidden',
      'File dialogs exist only in the desktop app; in the browser, files are uploaded and downloaded.',
    );
  }
  const { BrowserWindow, dialog } = await import('electron');
  const parent = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  return {
    async open() {
      const options = { title: 'Import a CSV file', properties: ['openFile' as const], filters: FILTERS };
      const window = parent();
      const answer = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return answer.canceled ? null : (answer.filePaths[0] ?? null);
    },
    async save(suggestedName) {
      const options = { title: 'Save as', defaultPath: suggestedName, filters: FILTERS.slice(0, 1) };
      const window = parent();
      const answer = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return answer.canceled || !answer.filePath ? null : answer.filePath;
    },
  };
}
