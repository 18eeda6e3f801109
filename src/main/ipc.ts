/**
 * The Electron bridge: one ipcMain handler per API operation, all going through the same dispatch as the
 * browser host, and the workspace's events forwarded to the window.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { dispatch } from '../core/api/dispatch';
import type { Handlers } from '../core/api/handlers';
import type { Workspace } from '../core/app/workspace';
import { OP_NAMES } from '../shared/api';
import type { Result } from '../shared/errors';
import { IPC_EVENT_CHANNEL, IPC_PREFIX } from '../shared/ipc';
import { isAppNavigation } from './security';

export const UNAUTHORIZED: Result<never> = {
  ok: false,
  error: { code: 'unauthorized', message: 'Åtkomst nekad.' },
};

/** Only the app's own page may call operations; a frame that navigated elsewhere gets nothing. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, appUrl: string): boolean {
  const url = event.senderFrame?.url;
  return typeof url === 'string' && isAppNavigation(url, appUrl);
}

/** Registers every operation and the event forwarding; returns a function that undoes both. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: Handlers,
  workspace: Workspace,
  getWindow: () => BrowserWindow | null,
  appUrl: string,
): () => void {
  for (const op of OP_NAMES) {
    ipcMain.handle(IPC_PREFIX + op, (event, raw: unknown) => {
      if (!isTrustedSender(event, appUrl)) return Promise.resolve(UNAUTHORIZED);
      return dispatch(handlers, op, raw);
    });
  }
  const unsubscribe = workspace.events.subscribe((event) => {
    const win = getWindow();
    if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return;
    win.webContents.send(IPC_EVENT_CHANNEL, event);
  });
  return () => {
    unsubscribe();
    for (const op of OP_NAMES) ipcMain.removeHandler(IPC_PREFIX + op);
  };
}
