/** Why a database file could not be opened, in Swedish: no English system text reaches a person. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { LATEST_SCHEMA_VERSION } from './migrations';

/** A reason known before SQLite is asked: a folder, a missing folder. Null when the path looks usable. */
export function pathProblem(file: string): string | null {
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(file);
  } catch {
    stat = null;
  }
  if (stat?.isDirectory()) return `Det är en mapp, inte en databasfil: ${file}`;
  if (stat && !stat.isFile()) return `Det är inte en vanlig fil: ${file}`;
  if (!stat && !fs.existsSync(path.dirname(path.resolve(file)))) {
    return `Mappen finns inte: ${path.dirname(path.resolve(file))}. Välj en befintlig mapp.`;
  }
  return null;
}

const SQLITE_REASONS: Record<string, string> = {
  SQLITE_NOTADB: 'filen är inte en SQLite-databas',
  SQLITE_CORRUPT: 'filen är skadad',
  SQLITE_CANTOPEN: 'filen kunde inte öppnas (saknas behörighet, eller är mappen skrivskyddad?)',
  SQLITE_READONLY: 'filen är skrivskyddad',
  SQLITE_PERM: 'behörighet saknas',
  SQLITE_BUSY: 'ett annat program håller filen låst',
  SQLITE_LOCKED: 'ett annat program håller filen låst',
  SQLITE_FULL: 'disken är full',
  SQLITE_IOERR: 'ett läs- eller skrivfel på disken',
};

/** SQLite's error as a Swedish reason (its code decides; its English message is never shown). */
export function sqliteReason(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    const base = Object.keys(SQLITE_REASONS).find((k) => code === k || code.startsWith(`${k}_`));
    if (base) return SQLITE_REASONS[base]!;
  }
  const message = (err as Error).message ?? '';
  if (/directory does not exist/i.test(message)) return 'mappen finns inte';
  if (/file is not a database/i.test(message)) return SQLITE_REASONS.SQLITE_NOTADB!;
  if (/unable to open/i.test(message)) return SQLITE_REASONS.SQLITE_CANTOPEN!;
  return 'okänt fel i databasmotorn';
}

export const notLagesbild = (file: string): AppError =>
  new AppError('db_unreadable', `Filen är inte en Lägesbild-databas: ${file}. Den har inte ändrats.`);

export const emptyFile = (file: string): AppError =>
  new AppError('db_unreadable', `Filen är tom (0 byte) och är ingen Lägesbild-databas: ${file}. Den har inte ändrats.`);

/** A Lägesbild database whose pages fail `quick_check`: the app may still open it read-only. */
export class DamagedDatabaseError extends AppError {
  constructor(readonly file: string) {
    super(
      'db_unreadable',
      `Databasfilen är skadad: ${file}. Den har inte ändrats. Återställ den från en säkerhetskopia.`,
    );
  }
}

export const damaged = (file: string): AppError => new DamagedDatabaseError(file);

export const newerVersion = (version: number): AppError =>
  new AppError(
    'db_newer_version',
    `Databasen har schemaversion ${version}, men den här versionen av Lägesbild känner bara till version ${LATEST_SCHEMA_VERSION}. Uppdatera programmet för att öppna filen; den har inte ändrats.`,
  );

export interface InspectOptions {
  nativeBinding?: string | undefined;
  /** Run `PRAGMA quick_check` (about 0.2 s per 100 000 incidents). */
  quickCheck?: boolean;
}

/** Tables migration 001 creates: together with user_version >= 1 they make a file a Lägesbild database. */
const MARKER_TABLES = ['incident', 'setting'];

const isCorrupt = (err: unknown): boolean => {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_CORRUPT');
};

/**
 * Checks an existing file through a read-only connection before anything may write to it: it must be a
 * whole Lägesbild database of a known version. Refusals throw an AppError and leave the file as it was
 * (a read-only connection to a WAL file creates empty -wal/-shm files; those it created are removed).
 */
export function inspectExisting(file: string, options: InspectOptions = {}): void {
  if (fs.statSync(file).size === 0) throw emptyFile(file);
  const created = ['-wal', '-shm'].map((s) => file + s).filter((f) => !fs.existsSync(f));
  try {
    checkReadOnly(file, options);
  } catch (err) {
    removeCreatedSidecars(created);
    throw err;
  }
}

/** A read-only connection to an existing file; a Swedish reason when SQLite cannot open it. */
export function openExistingReadOnly(file: string, nativeBinding: string | undefined): Database.Database {
  try {
    return new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (err) {
    throw new AppError('db_unreadable', `Databasfilen kunde inte öppnas: ${file} (${sqliteReason(err)}).`);
  }
}

function checkReadOnly(file: string, options: InspectOptions): void {
  const ro = openExistingReadOnly(file, options.nativeBinding);
  try {
    let version: number;
    let markers: number;
    try {
      version = ro.pragma('user_version', { simple: true }) as number;
      markers = ro
        .prepare(
          `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN (${MARKER_TABLES.map(() => '?').join(', ')})`,
        )
        .pluck()
        .get(...MARKER_TABLES) as number;
    } catch (err) {
      throw isCorrupt(err) ? damaged(file) : notLagesbild(file);
    }
    if (version > LATEST_SCHEMA_VERSION) throw newerVersion(version);
    if (version < 1 || markers < MARKER_TABLES.length) throw notLagesbild(file);
    if (options.quickCheck ?? true) {
      let result: unknown[];
      try {
        result = ro.pragma('quick_check', { simple: false }) as unknown[];
      } catch {
        throw damaged(file);
      }
      const whole = result.length === 1 && Object.values(result[0] as object)[0] === 'ok';
      if (!whole) throw damaged(file);
    }
  } finally {
    ro.close();
  }
}

/** Removes -wal/-shm files this check created; a -wal with content is never removed. */
function removeCreatedSidecars(created: string[]): void {
  const wal = created.find((f) => f.endsWith('-wal'));
  try {
    if (wal && fs.existsSync(wal)) {
      if (fs.statSync(wal).size > 0) return;
      fs.unlinkSync(wal);
    }
    const shm = created.find((f) => f.endsWith('-shm'));
    if (shm && fs.existsSync(shm)) fs.unlinkSync(shm);
  } catch {
    // Best effort: the database file itself is untouched either way.
  }
}
