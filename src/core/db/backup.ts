/**
 * Online backups of a Lägesbild database (SQLite's backup API through better-sqlite3), their listing,
 * rotation and restore. A backup is one self-contained file (rollback journal, no -wal) named
 * `<dbname>-<YYYYMMDD-HHMMSS>-<reason-slug>.sqlite`, verified with `PRAGMA quick_check` before it counts.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { DamagedDatabaseError, inspectExisting, pathProblem, sqliteReason } from './open-errors';
import type { Db } from './types';

export const BACKUP_REASONS = ['daglig', 'före migrering', 'före import', 'före återställning', 'manuell'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

const SLUGS: Record<BackupReason, string> = {
  daglig: 'daglig',
  'före migrering': 'fore-migrering',
  'före import': 'fore-import',
  'före återställning': 'fore-aterstallning',
  manuell: 'manuell',
};

/** Reasons that come before a change to the data: rotated together (`beforeChange`). */
const BEFORE_CHANGE: readonly BackupReason[] = ['före migrering', 'före import', 'före återställning'];

/** The default folder: `säkerhetskopior` beside the database. */
export const BACKUP_DIR_NAME = 'säkerhetskopior';

export interface BackupOptions {
  dir?: string | undefined;
  reason: BackupReason;
  now?: Date | undefined;
  /** better-sqlite3 addon for another ABI (Electron's main process). */
  nativeBinding?: string | undefined;
}

const binding = (nativeBinding: string | undefined) => (nativeBinding ? { nativeBinding } : {});

export interface BackupInfo {
  path: string;
  /** When the backup was taken (from its name, local time), as an ISO string. */
  takenAt: string;
  reason: BackupReason;
  /** Incidents in the backup; null when the file could not be read. */
  incidentCount: number | null;
  bytes: number;
}

export function defaultBackupDir(dbFile: string): string {
  return path.join(path.dirname(path.resolve(dbFile)), BACKUP_DIR_NAME);
}

/** The database's name without its extension: `lagesbild.sqlite` → `lagesbild`. */
export function backupBaseName(dbFile: string): string {
  const base = path.basename(dbFile);
  const ext = path.extname(base);
  return ext ? base.slice(0, -ext.length) : base;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function stamp(d: Date): string {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}

function parseStamp(s: string): Date {
  const n = (a: number, b: number) => Number(s.slice(a, b));
  return new Date(n(0, 4), n(4, 6) - 1, n(6, 8), n(9, 11), n(11, 13), n(13, 15));
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function namePattern(dbName: string): RegExp {
  const slugs = Object.values(SLUGS).join('|');
  return new RegExp(`^${escapeRe(dbName)}-(\\d{8}-\\d{6})-(${slugs})(?:-(\\d+))?\\.sqlite$`, 'u');
}

/** Notes which -wal/-shm files of `file` are missing now; the returned function removes those that a
 * read-only connection created since (a -wal with content is kept). */
function sidecarGuard(file: string): () => void {
  const created = ['-wal', '-shm'].map((s) => file + s).filter((f) => !fs.existsSync(f));
  return () => {
    for (const f of created) {
      try {
        if (fs.existsSync(f) && (f.endsWith('-shm') || fs.statSync(f).size === 0)) fs.rmSync(f, { force: true });
      } catch {
        // Best effort: the database file itself is untouched either way.
      }
    }
  };
}

/** Runs `fn` on a read-only connection; removes the empty -wal/-shm files it created. */
export function withReadOnly<T>(file: string, fn: (ro: Db) => T, nativeBinding?: string): T {
  const cleanup = sidecarGuard(file);
  try {
    const ro = new Database(file, { readonly: true, fileMustExist: true, ...binding(nativeBinding) });
    try {
      return fn(ro);
    } finally {
      ro.close();
    }
  } finally {
    cleanup();
  }
}

const countIncidents = (ro: Db): number => ro.prepare('SELECT count(*) FROM incident').pluck().get() as number;

function removeQuietly(file: string): void {
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) {
    try {
      fs.rmSync(f, { force: true });
    } catch {
      // Best effort.
    }
  }
}

/** Copies `source` into a new file `dest` (one file, rollback journal) and checks it; removed if bad. */
async function copyVerified(source: Db, dest: string, nativeBinding?: string): Promise<void> {
  try {
    await source.backup(dest);
    const out = new Database(dest, { fileMustExist: true, ...binding(nativeBinding) });
    try {
      out.pragma('journal_mode = DELETE');
    } finally {
      out.close();
    }
    inspectExisting(dest, { quickCheck: true, nativeBinding });
  } catch (err) {
    removeQuietly(dest);
    if (err instanceof AppError) {
      throw new AppError('db_unreadable', `Säkerhetskopian blev inte hel och har tagits bort: ${err.message}`);
    }
    throw new AppError(
      'db_unreadable',
      `Säkerhetskopian kunde inte skrivas till ${dest} (${sqliteReason(err)}). Den har tagits bort.`,
    );
  }
}

/**
 * Takes a backup of the open database now (the app can keep working: SQLite's online backup) and
 * verifies it. Returns the new backup; throws a Swedish AppError and leaves no file when it failed.
 */
export async function backupDatabase(db: Db, options: BackupOptions): Promise<BackupInfo> {
  const dbFile = db.name;
  const dir = path.resolve(options.dir ?? defaultBackupDir(dbFile));
  const now = options.now ?? new Date();
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch {
    throw new AppError('db_unreadable', `Mappen för säkerhetskopior kunde inte skapas: ${dir}`);
  }
  const file = newBackupPath(dir, dbFile, options.reason, now);
  const temp = `${file}.tmp`;
  await copyVerified(db, temp, options.nativeBinding);
  fs.renameSync(temp, file);
  const incidentCount = withReadOnly(file, countIncidents, options.nativeBinding);
  return {
    path: file,
    takenAt: now.toISOString(),
    reason: options.reason,
    incidentCount,
    bytes: fs.statSync(file).size,
  };
}

/** A free name for a new backup of `dbFile` in `dir` (which must exist). */
export function newBackupPath(dir: string, dbFile: string, reason: BackupReason, now: Date): string {
  const stem = `${backupBaseName(dbFile)}-${stamp(now)}-${SLUGS[reason]}`;
  let file = path.join(dir, `${stem}.sqlite`);
  for (let i = 2; fs.existsSync(file) || fs.existsSync(`${file}.tmp`); i++)
    file = path.join(dir, `${stem}-${i}.sqlite`);
  return file;
}

/** Backups of `dbName` in `dir` by their names, newest first, without opening them. */
function scan(dir: string, dbName: string): Omit<BackupInfo, 'incidentCount'>[] {
  if (!fs.existsSync(dir)) return [];
  const re = namePattern(dbName);
  const bySlug = new Map(Object.entries(SLUGS).map(([reason, slug]) => [slug, reason as BackupReason]));
  const found: (Omit<BackupInfo, 'incidentCount'> & { seq: number })[] = [];
  for (const name of fs.readdirSync(dir)) {
    const m = re.exec(name);
    if (!m) continue;
    const file = path.join(dir, name);
    let bytes: number;
    try {
      const st = fs.statSync(file);
      if (!st.isFile()) continue;
      bytes = st.size;
    } catch {
      continue;
    }
    found.push({
      path: file,
      takenAt: parseStamp(m[1]!).toISOString(),
      reason: bySlug.get(m[2]!)!,
      bytes,
      seq: Number(m[3] ?? 1),
    });
  }
  found.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.seq - a.seq);
  return found.map(({ seq: _seq, ...rest }) => rest);
}

/** The backups of database `dbName` (name without extension) in `dir`, newest first. */
export function listBackups(
  dir: string,
  dbName: string,
  nativeBinding?: string,
  options: { countIncidents?: boolean } = {},
): BackupInfo[] {
  return scan(dir, dbName).map((b) => {
    let incidentCount: number | null = null;
    if (options.countIncidents === false) return { ...b, incidentCount };
    try {
      incidentCount = withReadOnly(b.path, countIncidents, nativeBinding);
    } catch {
      incidentCount = null;
    }
    return { ...b, incidentCount };
  });
}

export interface PruneOptions {
  /** Daily backups kept (default 7). */
  daily?: number;
  /** Backups taken before a change (migration, import, restore) kept (default 5). */
  beforeChange?: number;
  /** Cap on the kept backups' total size; default 5 × `dbBytes`, no cap without it. */
  maxTotalBytes?: number;
  dbBytes?: number;
}

/**
 * Rotation: keeps the newest `daily` daily and `beforeChange` before-change backups (manual ones are not
 * counted), then removes the oldest until the total fits `maxTotalBytes`; the newest backup always stays.
 * Returns the removed paths.
 */
export function pruneBackups(dir: string, dbName: string, options: PruneOptions = {}): string[] {
  const daily = options.daily ?? 7;
  const beforeChange = options.beforeChange ?? 5;
  const cap = options.maxTotalBytes ?? (options.dbBytes !== undefined ? 5 * options.dbBytes : Infinity);
  const all = scan(dir, dbName);
  const remove = new Set<string>();
  const limit = (pick: (r: BackupReason) => boolean, keep: number) =>
    all
      .filter((b) => pick(b.reason))
      .slice(keep)
      .forEach((b) => remove.add(b.path));
  limit((r) => r === 'daglig', daily);
  limit((r) => BEFORE_CHANGE.includes(r), beforeChange);
  const kept = all.filter((b) => !remove.has(b.path));
  let total = kept.reduce((s, b) => s + b.bytes, 0);
  for (let i = kept.length - 1; i > 0 && total > cap; i--) {
    remove.add(kept[i]!.path);
    total -= kept[i]!.bytes;
  }
  const removed = all.filter((b) => remove.has(b.path)).map((b) => b.path);
  for (const file of removed) for (const f of [file, `${file}-wal`]) fs.rmSync(f, { force: true });
  return removed.reverse();
}

export interface RestoreResult {
  /** The backup of the replaced database, taken just before ("före återställning"). */
  safetyBackup: BackupInfo;
  restoredFrom: string;
  incidentCount: number;
}

function checkedFile(file: string, what: string, nativeBinding?: string): string {
  const resolved = path.resolve(file);
  const problem = pathProblem(resolved);
  if (problem) throw new AppError('db_unreadable', `${what}: ${problem}`);
  if (!fs.existsSync(resolved)) throw new AppError('not_found', `${what} finns inte: ${resolved}`);
  // inspectExisting leaves the sidecars a read-only connection created when the file passes.
  const cleanup = sidecarGuard(resolved);
  try {
    inspectExisting(resolved, { quickCheck: true, nativeBinding });
  } finally {
    cleanup();
  }
  return resolved;
}

export interface RestoreOptions {
  dir?: string | undefined;
  now?: Date | undefined;
  nativeBinding?: string | undefined;
}

/**
 * Replaces `target` with the content of backup `from`. The backup is checked first (a whole Lägesbild
 * database); the current `target` is backed up ("före återställning") — a damaged target byte for byte, so
 * nothing is lost even then; the copy is written to a temporary file beside `target`, verified, and renamed
 * over it. On any problem `target` is left as it was. No connection to `target` may be open while this runs.
 */
export async function restoreBackup(
  from: string,
  target: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const nb = options.nativeBinding;
  const source = checkedFile(from, 'Säkerhetskopian', nb);
  const dest = path.resolve(target);
  if (source === dest) throw new AppError('validation', 'Säkerhetskopian och databasen är samma fil.');
  const safetyBackup = await safetyCopy(dest, options);
  const temp = path.join(path.dirname(dest), `.${path.basename(dest)}.${process.pid}.aterstalls`);
  removeQuietly(temp);
  await withReadOnlyAsync(source, (ro) => copyVerified(ro, temp, nb), nb);
  const incidentCount = withReadOnly(temp, countIncidents, nb);
  try {
    // Stale -wal/-shm first: a -wal left beside the new file would be replayed into it.
    for (const s of ['-wal', '-shm']) fs.rmSync(dest + s, { force: true });
    fs.renameSync(temp, dest);
  } catch (err) {
    removeQuietly(temp);
    throw new AppError(
      'db_unreadable',
      `Databasen kunde inte ersättas (${(err as Error).message}). Säkerhetskopian före återställningen finns i ${safetyBackup.path}.`,
    );
  }
  return { safetyBackup, restoredFrom: source, incidentCount };
}

/** The current target before a restore: an online backup when whole, else its bytes (with its -wal). */
async function safetyCopy(dest: string, options: RestoreOptions): Promise<BackupInfo> {
  const nb = options.nativeBinding;
  try {
    checkedFile(dest, 'Databasen', nb);
  } catch (err) {
    if (!(err instanceof DamagedDatabaseError)) throw err;
    const dir = path.resolve(options.dir ?? defaultBackupDir(dest));
    const now = options.now ?? new Date();
    fs.mkdirSync(dir, { recursive: true });
    const file = newBackupPath(dir, dest, 'före återställning', now);
    fs.copyFileSync(dest, file);
    // Its -wal too when it holds pages (they are part of the database); removed with it by the rotation.
    if (fs.existsSync(`${dest}-wal`) && fs.statSync(`${dest}-wal`).size > 0)
      fs.copyFileSync(`${dest}-wal`, `${file}-wal`);
    return {
      path: file,
      takenAt: now.toISOString(),
      reason: 'före återställning',
      incidentCount: null,
      bytes: fs.statSync(file).size,
    };
  }
  return withReadOnlyAsync(
    dest,
    (ro) => backupDatabase(ro, { dir: options.dir, reason: 'före återställning', now: options.now, nativeBinding: nb }),
    nb,
  );
}

/**
 * Backs up a database file that may not be open anywhere in this process (the CLI): it is checked
 * (a whole Lägesbild database) and only read.
 */
export async function backupFile(file: string, options: BackupOptions): Promise<BackupInfo> {
  const resolved = checkedFile(file, 'Databasen', options.nativeBinding);
  return withReadOnlyAsync(resolved, (ro) => backupDatabase(ro, options), options.nativeBinding);
}

/** Backs up the database file that this process has open (already checked when opened): no new check. */
export async function backupOpenFile(file: string, options: BackupOptions): Promise<BackupInfo> {
  return withReadOnlyAsync(file, (ro) => backupDatabase(ro, options), options.nativeBinding);
}

/**
 * A backup taken synchronously through `db` itself (`VACUUM INTO`), for the moment before a migration when
 * nothing has been written yet; checked, then given its name. Throws and leaves no file when it failed.
 */
export function backupBeforeMigration(db: Db, options: BackupOptions & { dir: string }): string {
  fs.mkdirSync(options.dir, { recursive: true });
  const file = newBackupPath(options.dir, db.name, options.reason, options.now ?? new Date());
  const temp = `${file}.tmp`;
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    const out = new Database(temp, { fileMustExist: true, ...binding(options.nativeBinding) });
    try {
      out.pragma('journal_mode = DELETE');
    } finally {
      out.close();
    }
    inspectExisting(temp, { quickCheck: true, nativeBinding: options.nativeBinding });
    fs.renameSync(temp, file);
    return file;
  } catch (err) {
    removeQuietly(temp);
    throw err;
  }
}

async function withReadOnlyAsync<T>(file: string, fn: (ro: Db) => Promise<T>, nativeBinding?: string): Promise<T> {
  const cleanup = sidecarGuard(file);
  try {
    const ro = new Database(file, { readonly: true, fileMustExist: true, ...binding(nativeBinding) });
    try {
      return await fn(ro);
    } finally {
      ro.close();
    }
  } finally {
    cleanup();
  }
}
