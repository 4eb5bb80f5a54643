/**
 * Desktop notifications for the desktop app (`app:notify`): Electron's Notification, shown by
 * the OS. Browser mode has no OS notification in Node: the page uses the browser's own
 * Notification API instead, so this answers `{shown: false}` there and the page falls back.
 * Electron is loaded only when a notification is asked for, because browser mode builds
 * these handlers too (plain Node, no Electron).
 */
import type { HandlersFor } from '../preload/contract';

type NotifyHandlers = Pick<HandlersFor<'main'>, 'app:notify'>;

/** Shows one notification; false when the platform cannot (no notification server, say). */
export type ShowNotification = (message: { title: string; body: string }) => Promise<boolean>;

export function notifyHandlers(options: { show?: ShowNotification } = {}): NotifyHandlers {
  const show = options.show ?? showWithElectron;
  return {
    async 'app:notify'({ title, body }) {
      return { shown: await show({ title, body }) };
    },
  };
}

export async function showWithElectron({ title, body }: { title: string; body: string }): Promise<boolean> {
  if (!process.versions.electron) return false;
  const { BrowserWindow, Notification } = await import('electron');
  if (!Notification.isSupported()) return false;
  const notification = new Notification({ title, body, silent: false });
  // A click brings the app forward, where the activity list says more.
  notification.on('click', () => {
    const window = BrowserWindow.getAllWindows()[0];
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  notification.show();
  return true;
}
