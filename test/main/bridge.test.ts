import { describe, expect, it, vi } from 'vitest';
import { requestChannels } from '../../preload/contract';

const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, input: unknown) => unknown) => handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));

const { isTrustedSender, registerBridge } = await import('../../main/bridge');

const appUrl = 'file:///opt/app/out/renderer/index.html';
const mainFrame = { url: `${appUrl}#/catalog` };
const contents = { mainFrame };
const trusted = { contents: () => contents as never, appUrl: () => appUrl };

describe('bridge', () => {
  it('registers exactly one handler per request channel of the contract', () => {
    const unregister = registerBridge(vi.fn(), trusted);
    expect([...handlers.keys()].sort()).toEqual([...requestChannels].sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it("accepts only our window's own top frame showing our own page", () => {
    const ok = { sender: contents, senderFrame: mainFrame };
    expect(isTrustedSender(ok as never, trusted)).toBe(true);
    expect(isTrustedSender({ sender: {}, senderFrame: mainFrame } as never, trusted)).toBe(false);
    expect(isTrustedSender({ sender: contents, senderFrame: { url: appUrl } } as never, trusted)).toBe(false);
    expect(isTrustedSender({ sender: contents, senderFrame: null } as never, trusted)).toBe(false);
    const navigatedAway = { mainFrame: { url: 'https://evil.example/' } };
    expect(
      isTrustedSender({ sender: navigatedAway, senderFrame: navigatedAway.mainFrame } as never, {
        ...trusted,
        contents: () => navigatedAway as never,
      }),
    ).toBe(false);
    expect(isTrustedSender(ok as never, { ...trusted, contents: () => null })).toBe(false);
  });

  it('answers an untrusted sender with "forbidden" before the request reaches the router', async () => {
    const route = vi.fn();
    const unregister = registerBridge(route, trusted);
    const handler = handlers.get('app:info');
    await expect(Promise.resolve(handler?.({ sender: {}, senderFrame: mainFrame }, undefined))).resolves.toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'forbidden' }) as unknown,
    });
    expect(route).not.toHaveBeenCalled();
    await handler?.({ sender: contents, senderFrame: mainFrame }, undefined);
    expect(route).toHaveBeenCalledWith('app:info', undefined);
    unregister();
  });
});
