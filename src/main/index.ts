/**
 * Electron main process: one instance, one workspace, one window. Everything with logic lives in the
 * modules this file wires together.
 *
 * LAGESBILD_DATA_DIR (a fresh folder per e2e run) and LAGESBILD_DEMO_ROWS (a smaller demo database)
 * exist for tests; normal starts use the user data folder and the default demo size.
 */
import { join } from 'node:path';
import { app, dialog, ipcMain, protocol, type BrowserWindow } from 'electron';
import { createHandlers } from '../core/api/handlers';
import { Workspace } from '../core/app/workspace';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { readPackageVersion, resolveNativeBinding } from './native-binding';
import { createDesktopPlatform } from './platform';
import { createElectronPrinter } from './printer';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { hardenAllWebContents } from './security';
import { CONTENT_SECURITY_POLICY } from '../shared/security';
import { createMainWindow, openExternalIfSafe, rendererDir, windowTarget } from './window';

const appRoot = join(__dirname, '../..');

function positiveInt(value: string | undefined): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}

function fatal(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  console.error(message);
  dialog.showErrorBox('Lägesbild kunde inte starta', message);
  app.exit(1);
}

function main(): void {
  const target = windowTarget(app.isPackaged);
  let win: BrowserWindow | null = null;
  const getWindow = () => win;
  let workspace: Workspace | null = null;
  let closed = false;

  // Every webContents (main window, hidden print window) is guarded as it is created.
  hardenAllWebContents(app, target.appUrl, openExternalIfSafe);
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (closed || !workspace) return;
    // Let a running demo seed finish and close the database cleanly before the process exits.
    event.preventDefault();
    const closing = workspace;
    workspace = null;
    closing
      .close()
      .catch((err: unknown) => console.error('Databasen kunde inte stängas', err))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  app
    .whenReady()
    .then(async () => {
      handleAppProtocol(protocol, rendererDir(), CONTENT_SECURITY_POLICY);
      const nativeBinding = resolveNativeBinding(appRoot, {
        electronVersion: process.versions.electron,
        betterSqliteVersion: readPackageVersion(appRoot, 'better-sqlite3'),
        platform: process.platform,
        arch: process.arch,
      });
      const platform = createDesktopPlatform(getWindow, createElectronPrinter());
      const ws = new Workspace({
        dataDir: app.getPath('userData'),
        platform,
        nativeBinding,
        demoRows: positiveInt(process.env['LAGESBILD_DEMO_ROWS']),
        importWorker: { path: join(__dirname, 'import-worker.js') },
      });
      workspace = ws;
      await ws.start();
      registerIpc(ipcMain, createHandlers(ws), ws, getWindow, target.appUrl);
      installMenu({ workspace: ws, platform, isPackaged: app.isPackaged, appVersion: app.getVersion(), getWindow });
      win = createMainWindow(target);
      win.on('closed', () => {
        win = null;
      });
    })
    .catch(fatal);
}

const dataDirOverride = process.env['LAGESBILD_DATA_DIR'];
// Before 'ready' and before the lock: Chromium's profile and the single-instance lock follow userData,
// so a test run on its own folder neither meets a running app nor leaves traces in the user's profile.
if (dataDirOverride) app.setPath('userData', dataDirOverride);

// Swedish UI locale for Chromium's own controls (date fields show ÅÅÅÅ-MM-DD, not mm/dd/yyyy).
app.commandLine.appendSwitch('lang', 'sv-SE');

// app:// must be privileged before 'ready'; it serves the built renderer (src/main/protocol.ts).
registerAppScheme(protocol);

if (app.requestSingleInstanceLock()) main();
else app.quit();
