import { describe, expect, it, vi } from 'vitest';

const fakes = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  type Listener = (...args: unknown[]) => void;

  class FakeContents extends EventEmitter {
    windowOpenHandler: (() => { action: string }) | null = null;
    setWindowOpenHandler(handler: () => { action: string }) {
      this.windowOpenHandler = handler;
    }
    /** Emits like Electron: returns whether a listener called preventDefault. */
    attempt(event: string, ...args: unknown[]): boolean {
      let prevented = false;
      const electronEvent = { preventDefault: () => (prevented = true) };
      for (const listener of this.listeners(event) as Listener[]) listener(electronEvent, ...args);
      return prevented;
    }
  }

  const windows: FakeWindow[] = [];
  class FakeWindow extends EventEmitter {
    readonly webContents = new FakeContents();
    readonly loaded: string[] = [];
    constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
      super();
      windows.push(this);
    }
    loadFile(path: string) {
      this.loaded.push(path);
      return Promise.resolve();
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    show() {}
  }
  return { FakeContents, FakeWindow, windows };
});

vi.mock('electron', () => ({
  BrowserWindow: fakes.FakeWindow,
  session: {
    defaultSession: {
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
      setDevicePermissionHandler: () => undefined,
      webRequest: { onHeadersReceived: () => undefined },
    },
  },
}));

const { createMainWindow, denyAllPermissions, isAppUrl, lockDownContents } = await import('../../main/window');
const { CONTENT_SECURITY_POLICY } = await import('../../main/csp');

function openWindow(isDev: boolean) {
  createMainWindow({ preloadPath: '/app/preload.cjs', source: { kind: 'file', path: '/app/index.html' }, isDev });
  const window = fakes.windows.at(-1);
  if (!window) throw new Error('no window was made');
  return window;
}

describe('secure window options', () => {
  it('isolates the renderer: context isolation, sandbox, no Node, web security on', () => {
    const prefs = openWindow(false).options.webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it('opens DevTools only in development', () => {
    expect(openWindow(false).options.webPreferences).toMatchObject({ devTools: false });
    expect(openWindow(true).options.webPreferences).toMatchObject({ devTools: true });
  });

  it('loads the built page and locks its contents down from the start', () => {
    const window = openWindow(false);
    expect(window.loaded).toEqual(['/app/index.html']);
    expect(window.webContents.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(window.webContents.windowOpenHandler?.()).toEqual({ action: 'deny' });
  });
});

describe('navigation', () => {
  const appFile = 'file:///opt/app/out/renderer/index.html';

  it('knows the app page from anything else', () => {
    expect(isAppUrl('file:///opt/app/out/renderer/index.html#/feeds', appFile)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', appFile)).toBe(false);
    expect(isAppUrl('https://evil.example/', appFile)).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/x', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isAppUrl('not a url', appFile)).toBe(false);
  });

  it('refuses navigation and redirects away from the app, new windows and webviews', () => {
    const contents = new fakes.FakeContents();
    lockDownContents(contents as never, () => appFile);
    expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.attempt('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(contents.attempt('will-navigate', `${appFile}#/search`)).toBe(false);
    expect(contents.attempt('will-attach-webview')).toBe(true);
    expect(contents.windowOpenHandler?.()).toEqual({ action: 'deny' });
  });
});

describe('permissions and headers', () => {
  function fakeSession() {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    return {
      handlers,
      setPermissionRequestHandler: (fn: never) => (handlers.request = fn),
      setPermissionCheckHandler: (fn: never) => (handlers.check = fn),
      setDevicePermissionHandler: (fn: never) => (handlers.device = fn),
      webRequest: { onHeadersReceived: (fn: never) => (handlers.headers = fn) },
    };
  }

  it('denies every permission request and check', () => {
    const session = fakeSession();
    denyAllPermissions(session as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      (session.handlers.request as (...args: unknown[]) => void)({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect((session.handlers.check as (...args: unknown[]) => boolean)({}, permission)).toBe(false);
    }
    expect((session.handlers.device as () => boolean)()).toBe(false);
  });

  it('sends the strict Content-Security-Policy with every response', () => {
    const session = fakeSession();
    denyAllPermissions(session as never);
    const callback = vi.fn();
    (session.handlers.headers as (...args: unknown[]) => void)({ responseHeaders: { 'X-Other': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: {
        'X-Other': ['1'],
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});
