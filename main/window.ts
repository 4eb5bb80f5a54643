/**
 * The one place a BrowserWindow is made. Everything the renderer could use to escape its
 * sandbox is off or denied here: Node, navigation, new windows, webviews, permissions.
 */
import { BrowserWindow, session, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from './csp';

/** Where the renderer is loaded from; anything else is foreign. */
export type RendererSource = { kind: 'url'; url: string } | { kind: 'file'; path: string };

export function isAppUrl(candidate: string, appUrl: string): boolean {
  try {
    const target = new URL(candidate);
    const app = new URL(appUrl);
    if (app.protocol === 'file:') return target.protocol === 'file:' && target.pathname === app.pathname;
    return target.origin === app.origin;
  } catch {
    return false;
  }
}

/** Navigation away from the app, new windows and webviews are all refused. */
export function lockDownContents(contents: WebContents, appUrl: () => string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl())) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appUrl())) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** No camera, microphone, geolocation, notifications-from-the-page or anything else. */
export function denyAllPermissions(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
  target.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
}

export function rendererUrl(source: RendererSource): string {
  return source.kind === 'url' ? source.url : new URL(`file://${source.path}`).href;
}

export function createMainWindow(options: {
  preloadPath: string;
  source: RendererSource;
  isDev: boolean;
}): BrowserWindow {
  denyAllPermissions(session.defaultSession);
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Catalog Studio',
    backgroundColor: '#111318',
    // Written out here, not built by a helper, so reviewers and the security scan see it whole.
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click would otherwise open links in a new window.
      disableBlinkFeatures: 'Auxclick',
      devTools: options.isDev,
    },
  });
  const appUrl = rendererUrl(options.source);
  lockDownContents(window.webContents, () => appUrl);
  window.once('ready-to-show', () => window.show());
  if (options.source.kind === 'url') void window.loadURL(options.source.url);
  else void window.loadFile(options.source.path);
  return window;
}
