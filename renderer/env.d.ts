import type { Api, DesktopFiles } from '../preload/contract';

declare global {
  interface Window {
    /** Set by the preload in Electron; absent in browser mode, where a WebSocket shim stands in. */
    api?: Api & Partial<DesktopFiles>;
  }
}
