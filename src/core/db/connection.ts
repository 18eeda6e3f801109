import fs from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, REBUILDS_TABLES } from './migrations';
import { syncTaxonomy } from './taxonomy-sync';
import { inspectExisting, newerVersion, pathProblem, sqliteReason } from './open-errors';
import type { Db } from './types';

export type { Db } from './types';

export interface OpenOptions {
  /** Path to a better-sqlite3 addon built for another ABI (Electron's main process). */
  nativeBinding?: string | undefined;
  /** Refuse to create a file that does not exist yet. */
  mustExist?: boolean;
  /** Check an existing file with `PRAGMA quick_check` before opening it (default true; ~1.5 s at 1M rows). */
  quickCheck?: boolean;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const problem = pathProblem(file);
  if (problem) throw new AppError('db_unreadable', problem);
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
    refuseNewer(db);
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
