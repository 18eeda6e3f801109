/**
 * The Swedish application menu. File actions go through the workspace, which emits
 * { type: 'data.changed', what: 'database' }; that event reaches the window over IPC and rebuilds the
 * menu here, so "Senaste filer" always matches the recent list.
 */
import path from 'node:path';
import { dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { PlatformServices, Workspace } from '../core/app/workspace';
import { openExternalIfSafe } from './window';

export interface MenuDeps {
  workspace: Workspace;
  platform: PlatformServices;
  isPackaged: boolean;
  appVersion: string;
  getWindow: () => BrowserWindow | null;
}

function attempt(title: string, action: () => unknown): void {
  try {
    action();
  } catch (err) {
    dialog.showErrorBox(title, (err as Error).message);
  }
}

async function openChosen(deps: MenuDeps, mode: 'open' | 'create'): Promise<void> {
  const file = await deps.platform.choosePath(mode);
  if (!file) return;
  if (mode === 'open') attempt('Databasen kunde inte öppnas', () => deps.workspace.open(file));
  else attempt('Databasen kunde inte skapas', () => deps.workspace.create(file));
}

function recentItems(deps: MenuDeps): MenuItemConstructorOptions[] {
  const demo = deps.workspace.demoPath();
  const files = deps.workspace.recent.list().filter((r) => r.path !== demo);
  if (files.length === 0) return [{ label: 'Inga senaste filer', enabled: false }];
  return files.map((r) => ({
    label: `${path.basename(r.path)} — ${path.dirname(r.path)}`,
    click: () => attempt('Databasen kunde inte öppnas', () => deps.workspace.open(r.path)),
  }));
}

export function menuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const fileMenu: MenuItemConstructorOptions = {
    label: 'Arkiv',
    submenu: [
      { label: 'Öppna databas…', accelerator: 'CmdOrCtrl+O', click: () => void openChosen(deps, 'open') },
      { label: 'Ny tom databas…', accelerator: 'CmdOrCtrl+N', click: () => void openChosen(deps, 'create') },
      { label: 'Senaste filer', submenu: recentItems(deps) },
      { type: 'separator' },
      {
        // The open report (Rapporter) starts its export: personal-data review, then the save dialog.
        label: 'Skriv ut / Spara som PDF…',
        accelerator: 'CmdOrCtrl+P',
        click: () => deps.workspace.events.emit({ type: 'menu.command', command: 'print' }),
      },
      { type: 'separator' },
      {
        label: 'Exempeldatabasen',
        click: () => attempt('Exempeldatabasen kunde inte öppnas', () => deps.workspace.openDemo()),
      },
      { type: 'separator' },
      { role: 'quit', label: 'Avsluta' },
    ],
  };
  const editMenu: MenuItemConstructorOptions = {
    label: 'Redigera',
    submenu: [
      { role: 'undo', label: 'Ångra' },
      { role: 'redo', label: 'Gör om' },
      { type: 'separator' },
      { role: 'cut', label: 'Klipp ut' },
      { role: 'copy', label: 'Kopiera' },
      { role: 'paste', label: 'Klistra in' },
      { role: 'selectAll', label: 'Markera allt' },
    ],
  };
  const devTools: MenuItemConstructorOptions[] = deps.isPackaged
    ? []
    : [{ role: 'toggleDevTools', label: 'Utvecklarverktyg' }];
  const viewMenu: MenuItemConstructorOptions = {
    label: 'Visa',
    submenu: [
      { role: 'reload', label: 'Ladda om' },
      ...devTools,
      { type: 'separator' },
      { role: 'resetZoom', label: 'Normal storlek' },
      { role: 'zoomIn', label: 'Zooma in' },
      { role: 'zoomOut', label: 'Zooma ut' },
      { type: 'separator' },
      { role: 'togglefullscreen', label: 'Helskärm' },
    ],
  };
  const helpMenu: MenuItemConstructorOptions = {
    label: 'Hjälp',
    submenu: [
      {
        label: 'Polisens händelser (polisen.se)',
        click: () => openExternalIfSafe('https://polisen.se/aktuellt/handelser/'),
      },
      { label: 'Brottsstatistik (bra.se)', click: () => openExternalIfSafe('https://bra.se/') },
      { type: 'separator' },
      {
        label: 'Om Lägesbild',
        click: () => {
          const options = {
            type: 'info' as const,
            title: 'Om Lägesbild',
            message: `Lägesbild ${deps.appVersion}`,
            detail: 'Lägesbild, medborgarlöften och uppföljning för lokalt brottsförebyggande arbete.',
          };
          const win = deps.getWindow();
          void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
        },
      },
    ],
  };
  const appMenu: MenuItemConstructorOptions[] = process.platform === 'darwin' ? [{ role: 'appMenu' }] : [];
  return [...appMenu, fileMenu, editMenu, viewMenu, helpMenu];
}

/** Sets the menu now and again whenever another database is opened; returns the unsubscribe. */
export function installMenu(deps: MenuDeps): () => void {
  const apply = () => Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(deps)));
  apply();
  return deps.workspace.events.subscribe((event) => {
    if (event.type === 'data.changed' && event.kinds.includes('database')) apply();
  });
}
