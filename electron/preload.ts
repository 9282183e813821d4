import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from '../shared/ipc/api';
import type { IpcResult } from '../shared/ipc/define';
import type { Api } from '../shared/ipc/contract';
import { contract } from '../shared/ipc/contract';

/**
 * The one door: window.api, one named method per contract channel. ipcRenderer itself, and the
 * Electron event objects, never reach the page.
 */
const api = createApi(
  contract,
  (channel, input) => ipcRenderer.invoke(channel, input) as Promise<IpcResult<unknown>>,
) satisfies Api;

contextBridge.exposeInMainWorld('api', api);
