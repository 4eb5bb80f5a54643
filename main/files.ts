/**
 * How a file to import or export gets an absolute path in the desktop app: Electron's open and
 * save dialogs, with CSV/TSV/TXT filters. Electron is loaded only when a dialog is asked for,
 * because these handlers are also built by browser mode (plain Node, no dialogs: the page
 * uploads and downloads through the host instead, see main/web/file-transfer.ts).
 */
import type { HandlersFor, PickedFile } from '../preload/contract';
import { AppError } from './errors';

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

export function fileHandlers(dialogs: () => Promise<FileDialogs> = electronDialogs): FileHandlers {
  return {
    async 'files:pickImport'(): Promise<PickedFile> {
      const file = await (await dialogs()).open();
      if (file !== null && !ALLOWED.test(file)) throw notImportable(file);
      return { file };
    },
    async 'files:pickExport'({ suggestedName }): Promise<PickedFile> {
      const file = await (await dialogs()).save(suggestedName);
      return { file: file === null ? null : withExtension(file, suggestedName) };
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
