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
