/**
 * Desktop dialogs and the Swedish menu, against a real workspace; Electron's dialog and Menu are fakes
 * that record what they were asked to show.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Workspace, type PlatformServices } from '../../src/core/app/workspace';

const fakes = vi.hoisted(() => ({
  showOpenDialog: vi.fn(),
  showSaveDialog: vi.fn(),
  showErrorBox: vi.fn(),
  setApplicationMenu: vi.fn(),
  buildFromTemplate: vi.fn((template: unknown) => ({ template })),
}));

vi.mock('electron', () => ({
  dialog: {
    showOpenDialog: fakes.showOpenDialog,
    showSaveDialog: fakes.showSaveDialog,
    showErrorBox: fakes.showErrorBox,
    showMessageBox: vi.fn(() => Promise.resolve({ response: 0 })),
  },
  Menu: { setApplicationMenu: fakes.setApplicationMenu, buildFromTemplate: fakes.buildFromTemplate },
  BrowserWindow: class {},
  shell: { openExternal: vi.fn(() => Promise.resolve()) },
}));

import { installMenu, menuTemplate, type MenuDeps } from '../../src/main/menu';
import { createDesktopPlatform, DATABASE_FILTER } from '../../src/main/platform';

beforeEach(() => {
  for (const f of Object.values(fakes)) f.mockClear();
});

describe('desktop platform services', () => {
  const platform = createDesktopPlatform(() => null);

  it('opens a database through a Swedish open dialog', async () => {
    fakes.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/data/lpo.sqlite'] });
    expect(await platform.choosePath('open')).toBe('/data/lpo.sqlite');
    expect(fakes.showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'Öppna databas', filters: [DATABASE_FILTER], properties: ['openFile'] }),
    );
    expect(DATABASE_FILTER).toEqual({ name: 'Lägesbild-databas', extensions: ['sqlite', 'db'] });
  });

  it('creates a database through a Swedish save dialog', async () => {
    fakes.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/data/ny.sqlite' });
    expect(await platform.choosePath('create')).toBe('/data/ny.sqlite');
    expect(fakes.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'Skapa ny databas', filters: [DATABASE_FILTER] }),
    );
  });

  it('returns null when a dialog is cancelled', async () => {
    fakes.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    fakes.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    fakes.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await platform.choosePath('open')).toBeNull();
    expect(await platform.choosePath('create')).toBeNull();
    expect(await platform.exportTarget('handelser.csv')).toBeNull();
  });

  it('asks where an export goes, suggesting its file name', async () => {
    fakes.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/a/handelser.xlsx' });
    expect(await platform.exportTarget('handelser-20250607-1200.xlsx')).toEqual({
      path: '/home/a/handelser.xlsx',
      downloadUrl: null,
    });
    expect(fakes.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        defaultPath: 'handelser-20250607-1200.xlsx',
        filters: [{ name: 'Excel-arbetsbok', extensions: ['xlsx'] }],
      }),
    );
  });
});

describe('application menu', () => {
  let dataDir: string;
  let workspace: Workspace;
  const platform: PlatformServices = {
    choosePath: vi.fn(() => Promise.resolve<string | null>(null)),
    exportTarget: () => Promise.resolve(null),
  };

  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-main-menu-'));
    workspace = new Workspace({ dataDir, platform, demoRows: 200 });
    await workspace.start();
    await workspace.ready();
  });

  afterEach(async () => {
    await workspace.ready();
    await workspace.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const deps = (isPackaged = true): MenuDeps => ({
    workspace,
    platform,
    isPackaged,
    appVersion: '0.1.0',
    getWindow: () => null,
  });

  function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
    const menu = template.find((m) => m.label === label);
    if (!menu) throw new Error(`no menu ${label}`);
    return menu.submenu as MenuItemConstructorOptions[];
  }

  const labels = (items: MenuItemConstructorOptions[]) => items.filter((i) => i.label).map((i) => i.label);

  it('is Swedish and has the file actions', () => {
    const template = menuTemplate(deps());
    expect(labels(template)).toEqual(expect.arrayContaining(['Arkiv', 'Redigera', 'Visa', 'Hjälp']));
    expect(labels(submenu(template, 'Arkiv'))).toEqual([
      'Öppna databas…',
      'Ny tom databas…',
      'Senaste filer',
      'Skriv ut / Spara som PDF…',
      'Exempeldatabasen',
      'Avsluta',
    ]);
  });

  it('Skriv ut (Ctrl+P) asks the window to print the open report', () => {
    const item = submenu(menuTemplate(deps()), 'Arkiv').find((i) => i.label === 'Skriv ut / Spara som PDF…')!;
    expect(item.accelerator).toBe('CmdOrCtrl+P');
    const seen = vi.fn();
    const off = workspace.events.subscribe(seen);
    (item.click as () => void)();
    off();
    expect(seen).toHaveBeenCalledWith({ type: 'menu.command', command: 'print' });
  });

  it('offers developer tools only when not packaged', () => {
    const roles = (isPackaged: boolean) => submenu(menuTemplate(deps(isPackaged)), 'Visa').map((i) => i.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
  });

  it('lists recent files (not the demo database) and opens them', async () => {
    const recentMenu = () => submenu(submenu(menuTemplate(deps()), 'Arkiv'), 'Senaste filer');
    expect(recentMenu()).toEqual([{ label: 'Inga senaste filer', enabled: false }]);

    const file = path.join(dataDir, 'lpo-city.sqlite');
    workspace.create(file);
    workspace.openDemo();
    await workspace.ready();
    const items = recentMenu();
    expect(items.map((i) => i.label)).toEqual([`lpo-city.sqlite — ${dataDir}`]);

    const changed = vi.fn();
    workspace.events.subscribe(changed);
    (items[0]!.click as () => void)();
    expect(workspace.info().path).toBe(file);
    expect(changed).toHaveBeenCalledWith(expect.objectContaining({ type: 'data.changed', what: 'database' }));
  });

  it('opens a chosen file and reports a failure in a Swedish error box', async () => {
    vi.mocked(platform.choosePath).mockResolvedValueOnce(path.join(dataDir, 'finns-inte.sqlite'));
    const item = submenu(menuTemplate(deps()), 'Arkiv').find((i) => i.label === 'Öppna databas…')!;
    (item.click as () => void)();
    await vi.waitFor(() => expect(fakes.showErrorBox).toHaveBeenCalled());
    expect(fakes.showErrorBox.mock.calls[0]![0]).toBe('Databasen kunde inte öppnas');
    expect(fakes.showErrorBox.mock.calls[0]![1]).toMatch(/^Filen finns inte/);
    expect(platform.choosePath).toHaveBeenCalledWith('open');
  });

  it('rebuilds the menu when another database is opened', async () => {
    const off = installMenu(deps());
    expect(fakes.setApplicationMenu).toHaveBeenCalledTimes(1);
    workspace.create(path.join(dataDir, 'andra.sqlite'));
    expect(fakes.setApplicationMenu).toHaveBeenCalledTimes(2);
    const last = fakes.buildFromTemplate.mock.calls.at(-1)![0] as MenuItemConstructorOptions[];
    expect(submenu(submenu(last, 'Arkiv'), 'Senaste filer')[0]!.label).toBe(`andra.sqlite — ${dataDir}`);
    off();
    workspace.openDemo();
    expect(fakes.setApplicationMenu).toHaveBeenCalledTimes(2);
  });
});
