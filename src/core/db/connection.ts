import fs from 'node:fs';
import { installSqlFunctions } from './sql-functions';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, REBUILDS_TABLES } from './migrations';
import { syncTaxonomy } from './taxonomy-sync';
import { inspectExisting, newerVersion, openExistingReadOnly, pathProblem, sqliteReason } from './open-errors';
import type { Db } from './types';
import { installAudit } from '../audit/install';

export type { Db } from './types';

export interface OpenOptions {
  /** Path to a better-sqlite3 addon built for another ABI (Electron's main process). */
  nativeBinding?: string | undefined;
  /** Refuse to create a file that does not exist yet. */
  mustExist?: boolean;
  /** Check an existing file with `PRAGMA quick_check` before opening it (default true; ~1.5 s at 1M rows). */
  quickCheck?: boolean;
  /** Who this connection's changes are recorded as in the audit log, and its clock (src/core/audit). */
  actor?: (() => string) | undefined;
  clock?: (() => Date) | undefined;
  /**
   * Called with the connection before an existing database of an older schema is migrated (nothing has been
   * written yet): the backup "före migrering". Throwing refuses the open and leaves the file as it was.
   */
  beforeMigrate?: ((db: Db, fromVersion: number) => void) | undefined;
  /** Open an existing, whole-schema file read-only: no pragma that writes, no migration (a damaged file). */
  readOnly?: boolean;
}

/** A read-only connection to an existing database of the current schema; nothing is ever written. */
function openReadOnly(file: string, options: OpenOptions): Db {
  const db = openExistingReadOnly(file, options.nativeBinding);
  try {
    const version = refuseNewer(db);
    if (version !== LATEST_SCHEMA_VERSION) {
      throw new AppError(
        'db_unreadable',
        `Databasfilen är skadad och har en äldre schemaversion (${version}): ${file}. Den kan inte visas; återställ den från en säkerhetskopia.`,
      );
    }
    db.pragma('query_only = ON');
    db.pragma('busy_timeout = 5000');
    installSqlFunctions(db);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof AppError) throw err;
    throw new AppError('db_unreadable', `Databasfilen kunde inte läsas: ${file} (${sqliteReason(err)}).`);
  }
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const problem = pathProblem(file);
  if (problem) throw new AppError('db_unreadable', problem);
  if (options.readOnly) return openReadOnly(file, options);
  // An existing file is checked read-only first: only a whole Lägesbild database is ever written to.
  // A file that does not exist yet is created (unless mustExist), and only then gets WAL and the schema.
  if (fs.existsSync(file)) {
    inspectExisting(file, { nativeBinding: options.nativeBinding, quickCheck: options.quickCheck ?? true });
  }
  let db: Db;
  try {
    db = new Database(file, {
      fileMustExist: options.mustExist ?? false,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (err) {
    throw new AppError('db_unreadable', `Databasfilen kunde inte öppnas: ${file} (${sqliteReason(err)}).`);
  }
  try {
    // Refuse a newer file before any pragma: switching to WAL already rewrites the file header.
    const version = refuseNewer(db);
    if (version >= 1 && version < LATEST_SCHEMA_VERSION) options.beforeMigrate?.(db, version);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // Deleted text (a cleared description, an erased name) is overwritten, not left in free pages.
    db.pragma('secure_delete = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -131072');
    db.pragma('temp_store = MEMORY');
    migrate(db);
    syncTaxonomy(db);
    installAudit(db, { actor: options.actor, clock: options.clock });
    installSqlFunctions(db);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof AppError) throw err;
    throw new AppError(
      'db_unreadable',
      `Filen är inte en Lägesbild-databas eller är skadad: ${file} (${sqliteReason(err)}).`,
    );
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function refuseNewer(db: Db): number {
  const current = schemaVersion(db);
  if (current > LATEST_SCHEMA_VERSION) throw newerVersion(current);
  return current;
}

/**
 * Each upgrade step runs in its own transaction; a newer database is refused, never altered. A step that
 * rebuilds a table others reference runs with foreign keys off (SQLite's documented way: the pragma cannot
 * change inside a transaction) and must leave no dangling reference before it commits.
 */
export function migrate(db: Db): void {
  const current = refuseNewer(db);
  for (let v = current; v < LATEST_SCHEMA_VERSION; v++) {
    const rebuild = REBUILDS_TABLES.has(v);
    const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
    if (rebuild) db.pragma('foreign_keys = OFF');
    try {
      const step = db.transaction(() => {
        db.exec(MIGRATIONS[v]!);
        if (rebuild) {
          const dangling = db.pragma('foreign_key_check') as unknown[];
          if (dangling.length > 0) throw new Error(`schema ${v + 1}: ${dangling.length} brutna referenser`);
        }
        db.pragma(`user_version = ${v + 1}`);
      });
      step.immediate();
    } finally {
      if (rebuild && enforced) db.pragma('foreign_keys = ON');
    }
  }
}
