/**
 * Which files the user may name. The browser host allows paths under its data folder and the folders the
 * user added on the Databas screen; Electron allows the paths the user chose in a dialog. The CLI has none
 * (the user typed the path on the command line).
 */
export type PathPurpose = 'open' | 'create' | 'import' | 'backup';

export interface PathPolicy {
  /**
   * The resolved absolute path when the user may use `file` for `purpose`; otherwise throws
   * AppError('forbidden_path', <Swedish message naming the path and what is allowed>).
   */
  check(file: string, purpose: PathPurpose): string;
}

export interface FolderList {
  /** False where files are chosen in a dialog (desktop) or typed on the command line (CLI). */
  supported: boolean;
  /** The data folder, always allowed; null where folders are not supported. */
  dataDir: string | null;
  /** Folders the user added, as stored (absolute, symlinks resolved). */
  folders: string[];
}

/** The platform's folder list; the browser host provides one. */
export interface FolderAccess {
  list(): FolderList;
  /** Throws AppError('validation') with a Swedish message for a missing, relative or non-folder path. */
  add(folder: string): FolderList;
  remove(folder: string): FolderList;
}
