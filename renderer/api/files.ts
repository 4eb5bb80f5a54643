/**
 * How a file to import or export gets the absolute path the worker needs, whichever shell the
 * page runs in. Electron: the OS dialogs (`files:*`), and a dropped file's own path from the
 * preload. Browser mode (no paths in a page): the file is uploaded to the host, streamed from
 * disk by fetch (a 200 MB catalog is never read into the page), and exports are written into
 * a folder the host reserves, then downloaded.
 */
import { ApiError, call, runsInBrowser } from './client';

/** A file the worker can read: where it is, and what the user knows it as. */
export interface ImportSource {
  file: string;
  name: string;
  /** Bytes, when known (a dialog does not say). */
  size: number | null;
}

/** Where an export goes, and how it then reaches the user. */
export interface ExportTarget {
  file: string;
  name: string;
  /** Browser mode downloads the written file; the desktop app already wrote it where the user chose. */
  deliver(): void;
  /** Words for where it went ("Downloads", or the chosen path). */
  where: string;
}

const ACCEPT = '.csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain';
const IMPORTABLE = /\.(?:csv|tsv|txt)$/i;

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function refuse(message: string): never {
  throw new ApiError({ code: 'invalid_input', message });
}

/** Opens the picker: the OS dialog in Electron, the browser's file chooser otherwise. Null when cancelled. */
export async function pickImportFile(onUpload?: (file: File) => void): Promise<ImportSource | null> {
  if (!runsInBrowser) {
    const { file } = await call('files:pickImport');
    return file === null ? null : { file, name: fileName(file), size: null };
  }
  const chosen = await chooseInBrowser();
  if (!chosen) return null;
  onUpload?.(chosen);
  return importSourceOf(chosen);
}

/** A file the user dropped (or picked in the page): its path, after an upload in browser mode. */
export async function importSourceOf(file: File): Promise<ImportSource> {
  if (!IMPORTABLE.test(file.name)) refuse(`"${file.name}" cannot be imported: drop a .csv, .tsv or .txt file.`);
  const path = window.api?.pathForFile?.(file);
  if (path) return { file: path, name: file.name, size: file.size };
  if (!runsInBrowser) refuse(`"${file.name}" has no place on disk the app can read: save it as a file first.`);
  return { file: await upload(file), name: file.name, size: file.size };
}

async function upload(file: File): Promise<string> {
  const response = await fetch(`/files/imports?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    body: file,
    headers: { 'Content-Type': 'application/octet-stream' },
  });
  if (!response.ok) refuse(`"${file.name}" could not be uploaded to the app: ${await response.text()}`);
  return ((await response.json()) as { file: string }).file;
}

function chooseInBrowser(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPT;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

/** Asks where an export goes: the save dialog in Electron, a reserved download otherwise. Null when cancelled. */
export async function chooseExportTarget(suggestedName: string): Promise<ExportTarget | null> {
  if (!runsInBrowser) {
    const { file } = await call('files:pickExport', { suggestedName });
    return file === null ? null : { file, name: fileName(file), deliver: () => undefined, where: file };
  }
  const response = await fetch(`/files/exports?name=${encodeURIComponent(suggestedName)}`, { method: 'POST' });
  if (!response.ok) refuse(`The app could not prepare "${suggestedName}": ${await response.text()}`);
  const { file, url } = (await response.json()) as { file: string; url: string };
  const name = fileName(file);
  return { file, name, deliver: () => download(url, name), where: 'your downloads' };
}

function download(url: string, name: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}
