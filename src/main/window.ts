/**
 * The main window and the desktop security baseline around it: isolated sandboxed renderer, no new
 * windows, no navigation away from the app, no permissions, a CSP header, and one vetted way to open
 * links in the user's browser.
 */
import { join } from 'node:path';
import {
  BrowserWindow,
  dialog,
  shell,
  type BrowserWindowConstructorOptions,
  type Session,
  type WebContents,
} from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/security';
import { APP_INDEX_URL } from './protocol';
import { denyPermissions, guardWebContents, isAppNavigation, isSafeExternalUrl } from './security';

export const WINDOW_TITLE = 'Lägesbild';

/** What the window shows and the URL its own pages have (for navigation and IPC checks). */
export interface WindowTarget {
  appUrl: string;
  load(win: BrowserWindow): Promise<void>;
}

/** The built renderer folder app:// serves (src/main/protocol.ts). */
export function rendererDir(dir = __dirname): string {
  return join(dir, '../renderer');
}

/**
 * The dev server URL from electron-vite in development, otherwise the built renderer through app://
 * (never file://). A packaged app ignores ELECTRON_RENDERER_URL so the environment cannot point it at
 * another page.
 */
export function windowTarget(isPackaged: boolean, env: NodeJS.ProcessEnv = process.env): WindowTarget {
  const devUrl = isPackaged ? undefined : env['ELECTRON_RENDERER_URL'];
  if (devUrl) return { appUrl: devUrl, load: (win) => win.loadURL(devUrl) };
  return { appUrl: APP_INDEX_URL, load: (win) => win.loadURL(APP_INDEX_URL) };
}

export function windowOptions(dir = __dirname): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: join(dir, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      // Middle-click would ask for a new window (denied anyway by the window-open handler).
      disableBlinkFeatures: 'Auxclick',
    },
  };
}

/** The one way the app opens something outside itself: https links to vetted hosts, in the browser. */
export function openExternalIfSafe(url: string): boolean {
  if (!isSafeExternalUrl(url)) return false;
  // electronegativity: OPEN_EXTERNAL_JS_CHECK — only https: URLs to the allowlisted hosts get here
  // (isSafeExternalUrl above; src/main/electronegativity-justified.json).
  shell.openExternal(url).catch((err: unknown) => console.error('Kunde inte öppna länken', url, err));
  return true;
}

/**
 * The main window's guards: the ones every webContents gets (src/main/security.ts; already in place
 * when the app-wide web-contents-created handler ran, then this adds nothing twice) and the question
 * before leaving unsaved text.
 */
export function hardenWebContents(contents: WebContents, appUrl: string): void {
  guardWebContents(contents, appUrl, openExternalIfSafe);
  // The löfte editor holds text the rules refused (it cannot be saved as it is): closing or reloading asks
  // first. Electron shows no question of its own, so without this the window would simply not close.
  contents.on('will-prevent-unload', (event) => {
    if (confirmLeaveUnsaved()) event.preventDefault();
  });
}

/** True when the user chooses to close anyway. */
export function confirmLeaveUnsaved(): boolean {
  const choice = dialog.showMessageBoxSync({
    type: 'warning',
    buttons: ['Stanna kvar', 'Stäng ändå'],
    defaultId: 0,
    cancelId: 0,
    title: 'Text som inte är sparad',
    message: 'Det finns text som inte kunde sparas (se meddelandet vid fältet).',
    detail: 'Stänger du nu försvinner den texten. Rätta fältet så sparas texten av sig själv.',
  });
  return choice === 1;
}

// electronegativity: CSP_GLOBAL_CHECK — the tool cannot read the policy through the imported constant
// (CONTENT_SECURITY_POLICY, src/shared/security.ts); the app:// handler sends the same one.
export function hardenSession(ses: Session, appUrl: string): void {
  denyPermissions(ses);
  // app:// responses carry the CSP from the protocol handler; this covers the dev server's pages.
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppNavigation(details.url, appUrl)) {
      callback({});
      return;
    }
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

export function createMainWindow(target: WindowTarget, dir = __dirname): BrowserWindow {
  // electronegativity: CONTEXT_ISOLATION_JS_CHECK, SANDBOX_JS_CHECK, AUXCLICK_JS_CHECK — the tool
  // does not follow windowOptions(): contextIsolation and sandbox are on and Auxclick is disabled there.
  const win = new BrowserWindow(windowOptions(dir));
  hardenSession(win.webContents.session, target.appUrl);
  hardenWebContents(win.webContents, target.appUrl);
  win.once('ready-to-show', () => win.show());
  target.load(win).catch((err: unknown) => console.error('Fönstret kunde inte laddas', err));
  return win;
}
