/**
 * The Electron side of the contract: one ipcMain handler per request channel, each of
 * which checks the sender before anything else, then hands the request to the router.
 * The only file in main that touches ipcMain.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { requestChannels, type Envelope, type EventChannel, type EventPayload } from '../preload/contract';
import type { RouteRequest } from './router';
import { isAppUrl } from './window';

export interface TrustedRenderer {
  contents: () => WebContents | null;
  appUrl: () => string;
}

/** Only our window's own top frame, showing our own page, may call the API. */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  trusted: TrustedRenderer,
): boolean {
  const contents = trusted.contents();
  const frame = event.senderFrame;
  if (!contents || !frame || event.sender !== contents) return false;
  if (frame !== contents.mainFrame) return false;
  return isAppUrl(frame.url, trusted.appUrl());
}

const forbidden: Envelope<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This request did not come from the Catalog Studio window.' },
};

export function registerBridge(route: RouteRequest, trusted: TrustedRenderer): () => void {
  for (const channel of requestChannels) {
    ipcMain.handle(channel, (event, input: unknown) =>
      isTrustedSender(event, trusted) ? route(channel, input) : forbidden,
    );
  }
  return () => {
    for (const channel of requestChannels) ipcMain.removeHandler(channel);
  };
}

export function sendEvent<K extends EventChannel>(
  contents: WebContents | null,
  channel: K,
  payload: EventPayload<K>,
): void {
  if (contents && !contents.isDestroyed()) contents.send(channel, payload);
}
