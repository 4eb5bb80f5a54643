import { describe, expect, it } from 'vitest';
import {
  claimNotification,
  createNotifier,
  PERMISSION_KEY,
  type NotificationMessage,
  type PageNotifications,
} from '../../../renderer/app/activity/desktop-notifier';

const message = { title: 'Feed processed: Feed demo', body: '120 products, no problems found.' };

function memoryStorage() {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
  };
}

interface FakeBrowser {
  permission: NotificationPermission;
  prompts: number;
  shown: NotificationMessage[];
  page: PageNotifications;
}

/** The browser's Notification: a permission, a prompt the test answers, the notifications shown. */
function fakeBrowser(permission: NotificationPermission, answer: NotificationPermission = 'granted'): FakeBrowser {
  const browser: FakeBrowser = {
    permission,
    prompts: 0,
    shown: [],
    page: {
      permission: () => browser.permission,
      requestPermission: () => {
        browser.prompts += 1;
        browser.permission = answer;
        return Promise.resolve(answer);
      },
      show: (shown) => void browser.shown.push(shown),
    },
  };
  return browser;
}

function browserNotifier(browser: FakeBrowser | null, storage = memoryStorage()) {
  return createNotifier({
    mode: 'browser',
    notifyInMain: () => Promise.reject(new Error('not in browser mode')),
    page: browser?.page ?? null,
    storage,
  });
}

describe('desktop notifications in browser mode', () => {
  it('ask for permission at the first notification, then show it', async () => {
    const browser = fakeBrowser('default', 'granted');
    const storage = memoryStorage();
    await expect(browserNotifier(browser, storage)(message)).resolves.toBe('desktop');
    expect(browser.prompts).toBe(1);
    expect(browser.shown).toEqual([message]);
    expect(storage.values.get(PERMISSION_KEY)).toBe('granted');
  });

  it('ask only once, even for notifications arriving while the question is open', async () => {
    const browser = fakeBrowser('default', 'granted');
    const notify = browserNotifier(browser);
    const outcomes = await Promise.all([notify(message), notify(message), notify(message)]);
    expect(browser.prompts).toBe(1);
    expect(outcomes).toEqual(['desktop', 'desktop', 'desktop']);
    expect(browser.shown).toHaveLength(3);
  });

  it('once denied, show an in-app toast instead and never ask again', async () => {
    const browser = fakeBrowser('default', 'denied');
    const storage = memoryStorage();
    const notify = browserNotifier(browser, storage);
    await expect(notify(message)).resolves.toBe('toast');
    await expect(notify(message)).resolves.toBe('toast');
    expect(browser.prompts).toBe(1);
    expect(browser.shown).toEqual([]);
    expect(storage.values.get(PERMISSION_KEY)).toBe('denied');
  });

  it('a prompt dismissed without an answer is not asked again after a reload', async () => {
    const storage = memoryStorage();
    const first = fakeBrowser('default', 'default');
    await expect(browserNotifier(first, storage)(message)).resolves.toBe('toast');
    const afterReload = fakeBrowser('default', 'granted');
    await expect(browserNotifier(afterReload, storage)(message)).resolves.toBe('toast');
    expect(afterReload.prompts).toBe(0);
  });

  it('show at once, without asking, when the browser already allows them', async () => {
    const browser = fakeBrowser('granted');
    await expect(browserNotifier(browser)(message)).resolves.toBe('desktop');
    expect(browser.prompts).toBe(0);
  });

  it('fall back to a toast where the browser has no notifications', async () => {
    await expect(browserNotifier(null)(message)).resolves.toBe('toast');
  });
});

describe('desktop notifications in the desktop app', () => {
  it('go through main (Electron’s Notification), never the page’s', async () => {
    const sent: NotificationMessage[] = [];
    const page = fakeBrowser('default');
    const notify = createNotifier({
      mode: 'electron',
      notifyInMain: (shown) => {
        sent.push(shown);
        return Promise.resolve({ shown: true });
      },
      page: page.page,
      storage: memoryStorage(),
    });
    await expect(notify(message)).resolves.toBe('desktop');
    expect(sent).toEqual([message]);
    expect(page.prompts).toBe(0);
  });

  it('become a toast when the OS shows none or main cannot be reached', async () => {
    const unsupported = createNotifier({
      mode: 'electron',
      notifyInMain: () => Promise.resolve({ shown: false }),
      page: null,
      storage: memoryStorage(),
    });
    await expect(unsupported(message)).resolves.toBe('toast');
    const unreachable = createNotifier({
      mode: 'electron',
      notifyInMain: () => Promise.reject(new Error('worker_unavailable')),
      page: null,
      storage: memoryStorage(),
    });
    await expect(unreachable(message)).resolves.toBe('toast');
  });
});

describe('one notification per finished run', () => {
  const at = '2026-11-25T10:00:00.000Z';

  it('goes to the first open window that claims the entry, not to every tab', () => {
    const storage = memoryStorage();
    expect(claimNotification({ id: 7, at }, storage)).toBe(true);
    expect(claimNotification({ id: 7, at }, storage)).toBe(false);
    expect(claimNotification({ id: 8, at }, storage)).toBe(true);
  });

  it('tells apart two accounts’ entries that share a number', () => {
    const storage = memoryStorage();
    expect(claimNotification({ id: 1, at }, storage)).toBe(true);
    expect(claimNotification({ id: 1, at: '2026-11-26T09:00:00.000Z' }, storage)).toBe(true);
  });
});
