/**
 * The only code that touches ipcRenderer. It exposes `window.api` (typed by the contract)
 * and nothing else: no Node, no Electron objects, no generic "send anything" function.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { isEventChannel, isRequestChannel, type Api, type Envelope } from './contract';

const api: Api = {
  request(channel, ...input) {
    if (!isRequestChannel(channel)) {
      const refused: Envelope<never> = {
        ok: false,
        error: { code: 'unknown_channel', message: `There is no request channel named "${String(channel)}".` },
      };
      return Promise.resolve(refused);
    }
    return ipcRenderer.invoke(channel, input[0]);
  },
  on(channel, listener) {
    if (!isEventChannel(channel)) throw new Error(`There is no event channel named "${String(channel)}".`);
    const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown) =>
      listener(payload as Parameters<typeof listener>[0]);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);

export type PreloadApi = typeof api;
