import { afterEach, describe, expect, it, vi } from 'vitest';

const fakes = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  const shown: Array<{ title: string; body: string }> = [];
  const state = { supported: true, focused: 0, restored: 0, minimized: false };
  class FakeNotification extends EventEmitter {
    static isSupported() {
      return state.supported;
    }
    constructor(readonly options: { title: string; body: string }) {
      super();
      notifications.push(this);
    }
    show() {
      shown.push({ title: this.options.title, body: this.options.body });
    }
  }
  const notifications: FakeNotification[] = [];
  const window = {
    isMinimized: () => state.minimized,
    restore: () => (state.restored += 1),
    focus: () => (state.focused += 1),
  };
  return { FakeNotification, notifications, shown, state, window };
});

vi.mock('electron', () => ({
  Notification: fakes.FakeNotification,
  BrowserWindow: { getAllWindows: () => [fakes.window] },
}));

const { notifyHandlers, showWithElectron } = await import('../../main/notify');
const { createMainHandlers } = await import('../../main/handlers');

const message = { title: 'Feed processed: Feed demo', body: '120 products, no problems found.' };

function asElectron() {
  Object.defineProperty(process.versions, 'electron', { value: '41.7.1', configurable: true });
}

afterEach(() => {
  Reflect.deleteProperty(process.versions, 'electron');
  fakes.shown.length = 0;
  fakes.notifications.length = 0;
  Object.assign(fakes.state, { supported: true, focused: 0, restored: 0, minimized: false });
});

describe('desktop notifications (app:notify)', () => {
  it('show the title and body as an OS notification in the desktop app', async () => {
    asElectron();
    await expect(notifyHandlers()['app:notify'](message)).resolves.toEqual({ shown: true });
    expect(fakes.shown).toEqual([message]);
  });

  it('bring the window forward when the notification is clicked', async () => {
    asElectron();
    fakes.state.minimized = true;
    await showWithElectron(message);
    fakes.notifications[0]?.emit('click');
    expect(fakes.state).toMatchObject({ restored: 1, focused: 1 });
  });

  it('answer shown: false in browser mode, so the page uses the browser’s notifications', async () => {
    const handlers = createMainHandlers({ keychain: {} as never, worker: {} as never });
    await expect(handlers['app:notify'](message)).resolves.toEqual({ shown: false });
    expect(fakes.shown).toEqual([]);
  });

  it('answer shown: false where the OS has no notifications, so the app shows its own', async () => {
    asElectron();
    fakes.state.supported = false;
    await expect(notifyHandlers()['app:notify'](message)).resolves.toEqual({ shown: false });
    expect(fakes.shown).toEqual([]);
  });
});
