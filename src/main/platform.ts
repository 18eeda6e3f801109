/**
 * The desktop's PlatformServices: native open and save dialogs, in Swedish. Every path a dialog returns
 * is remembered here in main; the path policy lets the renderer use only those (and recent files).
 */
import { app, dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { PlatformServices } from '../core/app/workspace';
import type { ReportPrinter } from '../core/reports/printer';
import { createDialogPathPolicy } from './paths';

export const DATABASE_FILTER = { name: 'Lägesbild-databas', extensions: ['sqlite', 'db'] };
export const IMPORT_FILTER = { name: 'Importfil (JSON, CSV, Excel)', extensions: ['json', 'csv', 'txt', 'xlsx'] };

const EXPORT_FILTERS: Record<string, { name: string; extensions: string[] }> = {
  csv: { name: 'CSV-fil', extensions: ['csv'] },
  xlsx: { name: 'Excel-arbetsbok', extensions: ['xlsx'] },
  pdf: { name: 'PDF-dokument', extensions: ['pdf'] },
  docx: { name: 'Word-dokument', extensions: ['docx'] },
};

const EXPORT_TITLES: Record<string, string> = {
  pdf: 'Spara rapporten som PDF',
  docx: 'Spara rapporten som Word-dokument',
};

function showOpen(win: BrowserWindow | null, options: OpenDialogOptions) {
  return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options);
}

function showSave(win: BrowserWindow | null, options: SaveDialogOptions) {
  return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options);
}

export function createDesktopPlatform(
  getWindow: () => BrowserWindow | null,
  printer?: ReportPrinter,
  /** The workspace's data folder (recent list, demo file); Electron's userData folder by default. */
  dataDir: () => string = () => app.getPath('userData'),
): PlatformServices {
  const paths = createDialogPathPolicy(dataDir);
  const chosen = (file: string | null | undefined, purposes: Parameters<typeof paths.remember>[1]) => {
    if (!file) return null;
    paths.remember(file, purposes);
    return file;
  };
  return {
    printer,
    paths,
    async choosePath(mode) {
      const win = getWindow();
      if (mode === 'open' || mode === 'import') {
        const result = await showOpen(win, {
          title: mode === 'open' ? 'Öppna databas' : 'Välj fil att importera',
          buttonLabel: mode === 'open' ? 'Öppna' : 'Välj',
          filters: [mode === 'open' ? DATABASE_FILTER : IMPORT_FILTER],
          properties: ['openFile'],
        });
        return result.canceled ? null : chosen(result.filePaths[0], [mode]);
      }
      const result = await showSave(win, {
        title: 'Skapa ny databas',
        buttonLabel: 'Skapa',
        defaultPath: 'lagesbild.sqlite',
        filters: [DATABASE_FILTER],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      // A new database, or a backup written to it (the save dialog asked for that name).
      return result.canceled ? null : chosen(result.filePath, ['create', 'backup']);
    },

    async exportTarget(fileName) {
      const extension = fileName.split('.').pop() ?? '';
      const filter = EXPORT_FILTERS[extension];
      const result = await showSave(getWindow(), {
        title: EXPORT_TITLES[extension] ?? 'Exportera händelser',
        buttonLabel: 'Spara',
        defaultPath: fileName,
        filters: filter ? [filter] : [],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      const file = result.canceled ? null : chosen(result.filePath, ['backup']);
      return file ? { path: file, downloadUrl: null } : null;
    },
  };
}
