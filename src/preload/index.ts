/**
 * The renderer's only door to the app: invoke an operation by name and listen to events. No logic and
 * no Node access here; validation and authorization happen in the main process.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_PREFIX } from '../shared/ipc';

contextBridge.exposeInMainWorld('lagesbild', {
  invoke(op: string, input: unknown): Promise<unknown> {
    return ipcRenderer.invoke(IPC_PREFIX + String(op), input);
  },
  onEvent(cb: (event: unknown) => void): () => void {
    const listener = (_event: IpcRendererEvent, payload: unknown) => cb(payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, listener);
    };
  },
});
