/** The full check of a database file (`PRAGMA integrity_check`), on its own read-only connection. */
import Database from 'better-sqlite3';

export interface IntegrityResult {
  ok: boolean;
  /** SQLite's findings (at most 20), when not ok. */
  problems: string[];
}

/** The full check of every page and index; a file that cannot even be read counts as damaged. */
export function integrityCheck(dbPath: string, nativeBinding: string | undefined): IntegrityResult {
  let ro: Database.Database | null = null;
  try {
    ro = new Database(dbPath, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const rows = ro.pragma('integrity_check(20)', { simple: false }) as Record<string, unknown>[];
    const problems = rows.map((r) => String(Object.values(r)[0]));
    return problems.length === 1 && problems[0] === 'ok' ? { ok: true, problems: [] } : { ok: false, problems };
  } catch (err) {
    return { ok: false, problems: [String((err as Error).message)] };
  } finally {
    ro?.close();
  }
}
