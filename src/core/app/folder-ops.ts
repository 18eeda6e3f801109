/**
 * The folders the browser host may use besides its data folder (Databas screen). Only the browser host
 * keeps such a list; on the desktop the user picks each file in a dialog, so the list reports
 * `supported: false` and adding or removing answers `unsupported`.
 */
import { AppError } from '../../shared/errors';
import { defineOps } from '../api/ops';
import type { PlatformServices } from './workspace';
import type { FolderAccess } from './path-policy';

export type { FolderAccess, FolderList } from './path-policy';

const UNSUPPORTED =
  'I skrivbordsappen väljer du filer i en dialog: du behöver inte lägga till mappar som Lägesbild får använda.';

/** The platform's folder list, when it keeps one (`PlatformServices.folders`). */
export function folderAccess(platform: PlatformServices): FolderAccess | null {
  return platform.folders ?? null;
}

function required(platform: PlatformServices): FolderAccess {
  const folders = folderAccess(platform);
  if (!folders) throw new AppError('unsupported', UNSUPPORTED);
  return folders;
}

export const folderOps = defineOps({
  'folders.list': (ws) => folderAccess(ws.platform)?.list() ?? { supported: false, dataDir: null, folders: [] },
  'folders.add': (ws, { path }) => required(ws.platform).add(path),
  'folders.remove': (ws, { path }) => required(ws.platform).remove(path),
});
