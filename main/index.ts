/**
 * Electron's main process: app lifecycle only. The window, the IPC bridge and the worker
 * supervisor each live in their own module; this file wires them together.
 */
import { app, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerBridge, sendEvent } from './bridge';
import { createAppHost, type AppHost } from './app-host';
import { createMainWindow, lockDownContents, rendererUrl, type RendererSource } from './window';

const here = fileURLToPath(new URL('.', import.meta.url));
const isDev = !app.isPackaged && Boolean(process.env.ELECTRON_RENDERER_URL);
const source: RendererSource = process.env.ELECTRON_RENDERER_URL
  ? { kind: 'url', url: process.env.ELECTRON_RENDERER_URL }
  : { kind: 'file', path: join(here, '../renderer/index.html') };
const appUrl = rendererUrl(source);

if (!app.requestSingleInstanceLock()) app.quit();

let window: BrowserWindow | null = null;
let host: AppHost | null = null;

app.on('web-contents-created', (_event, contents) => lockDownContents(contents, () => appUrl));

app.on('second-instance', () => {
  if (window?.isMinimized()) window.restore();
  window?.focus();
});

void app.whenReady().then(() => {
  host = createAppHost({
    workerScript: join(here, 'worker.js'),
    boot: {
      appName: 'Catalog Studio',
      appVersion: app.getVersion(),
      dataDir: app.getPath('userData'),
      mode: 'electron',
      sqliteBinding: process.env.CATALOG_STUDIO_SQLITE_BINDING ?? null,
    },
    onEvent: (channel, payload) => sendEvent(window?.webContents ?? null, channel, payload as never),
  });
  registerBridge(host.route, { contents: () => window?.webContents ?? null, appUrl: () => appUrl });
  window = createMainWindow({ preloadPath: join(here, '../preload/index.cjs'), source, isDev });
  window.on('closed', () => (window = null));
});

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => void host?.supervisor.stop());
