/**
 * The only code that touches ipcRenderer. It exposes `window.api` (typed by the contract)
 * and nothing else: no Node, no Electron objects, no generic "send anything" function (the one
 * extra is the path of a file the user dropped or picked, which only Electron can tell).
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { isEventChannel, isRequestChannel, type Api, type DesktopFiles, type Envelope } from './contract';

const api: Api & DesktopFiles = {
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
  // A dropped or picked file's path, so the worker reads it from disk (a 1M-row file never
  // crosses IPC). Only the path of a File the user gave the page: nothing is read here. Main
  // cannot tell this path from one a compromised page made up, so before the worker reads a
  // path main did not hand out, main asks the user (main/files.ts confirmDroppedFile).
  pathForFile(file) {
    // Not `instanceof File`: the object comes from the page's world, whose File is another class.
    try {
      return webUtils.getPathForFile(file as File);
    } catch {
      return '';
    }
  },
};

contextBridge.exposeInMainWorld('api', api);

export type PreloadApi = typeof api;
