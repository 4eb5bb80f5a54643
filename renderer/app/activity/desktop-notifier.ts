/**
 * Shows an activity entry as a desktop notification. In the desktop app main shows it
 * (`app:notify`, Electron's Notification); in browser mode the page's Notification API does,
 * after asking the user once: at the first notification, never on page load, because a
 * permission prompt nobody asked for is the one people deny. The answer is remembered; when no
 * desktop notification can be shown, the caller shows an in-app toast instead.
 */

export interface NotificationMessage {
  title: string;
  body: string;
}

/** The part of the browser's `Notification` this uses (a stand-in in tests). */
export interface PageNotifications {
  permission(): NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  show(message: NotificationMessage): void;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface NotifierDeps {
  mode: 'electron' | 'browser';
  /** `app:notify` in the desktop app. */
  notifyInMain: (message: NotificationMessage) => Promise<{ shown: boolean }>;
  /** The page's notifications, or null where the browser has none. */
  page: PageNotifications | null;
  storage: KeyValueStore;
}

/** 'toast' when no desktop notification could be shown: the caller shows it in the app instead. */
export type NotifyOutcome = 'desktop' | 'toast';

export const PERMISSION_KEY = 'catalog-studio.notifications.permission';

export type Notifier = (message: NotificationMessage) => Promise<NotifyOutcome>;

export function createNotifier(deps: NotifierDeps): Notifier {
  /** The one permission question in flight: notifications arriving meanwhile wait for its answer. */
  let asking: Promise<NotificationPermission> | null = null;

  async function browserPermission(page: PageNotifications): Promise<NotificationPermission> {
    const current = page.permission();
    if (current !== 'default') return current;
    if (asking) return asking;
    // Asked before and the prompt was dismissed: do not ask again (the browser settings can still allow it).
    if (deps.storage.getItem(PERMISSION_KEY) !== null) return 'default';
    deps.storage.setItem(PERMISSION_KEY, 'asking');
    asking = page.requestPermission().then(
      (answer) => answer,
      (): NotificationPermission => 'default',
    );
    const answer = await asking;
    asking = null;
    deps.storage.setItem(PERMISSION_KEY, answer);
    return answer;
  }

  async function showDesktop(message: NotificationMessage): Promise<boolean> {
    if (deps.mode === 'electron') {
      const { shown } = await deps.notifyInMain(message);
      return shown;
    }
    const page = deps.page;
    if (!page || (await browserPermission(page)) !== 'granted') return false;
    page.show(message);
    return true;
  }

  return async (message) => {
    const shown = await showDesktop(message).catch(() => false);
    return shown ? 'desktop' : 'toast';
  };
}

/** The browser's Notification, when the page has one. */
export function browserNotifications(): PageNotifications | null {
  if (typeof window === 'undefined' || !('Notification' in window)) return null;
  return {
    permission: () => Notification.permission,
    requestPermission: () => Notification.requestPermission(),
    show: ({ title, body }) => {
      const notification = new Notification(title, { body, tag: `catalog-studio-${Date.now()}` });
      notification.onclick = () => window.focus();
    },
  };
}

export const NOTIFIED_KEY = 'catalog-studio.notifications.recent';
/** Enough to cover every tab's burst; older entries are never announced again anyway. */
const NOTIFIED_KEPT = 50;

/**
 * True for the first window to claim an entry: in browser mode every open tab hears the same
 * `activity:added`, and one finished run should make one notification, not one per tab.
 * Entries are told apart by id and time, since each account's list numbers its own.
 */
export function claimNotification(entry: { id: number; at: string }, storage: KeyValueStore): boolean {
  const key = `${entry.id}@${entry.at}`;
  let recent: unknown;
  try {
    recent = JSON.parse(storage.getItem(NOTIFIED_KEY) ?? '[]');
  } catch {
    recent = [];
  }
  const keys = Array.isArray(recent) ? recent.filter((item): item is string => typeof item === 'string') : [];
  if (keys.includes(key)) return false;
  storage.setItem(NOTIFIED_KEY, JSON.stringify([...keys, key].slice(-NOTIFIED_KEPT)));
  return true;
}
