/**
 * The app's backups of the open database: daily (at most once a day, when a file is opened), before a
 * migration, before every import and before a restore; verified, rotated, listed and restored. The folder is
 * `säkerhetskopior` beside the database unless the user chose another (kept in `backups.json` in the user
 * data folder, like the profile: it belongs to this computer, not to the database).
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  BACKUP_LIMITS,
  DEFAULT_BACKUP_SETTINGS,
  backupSettingsSchema,
  type BackupEntry,
  type BackupOverview,
  type BackupSettings,
} from '../../shared/backups';
import { AppError } from '../../shared/errors';
import {
  backupBaseName,
  backupBeforeMigration,
  backupOpenFile,
  defaultBackupDir,
  listBackups,
  pruneBackups,
  restoreBackup,
  type BackupInfo,
  type BackupReason,
  type RestoreResult,
} from '../db/backup';
import { sqliteReason } from '../db/open-errors';
import type { Db } from '../db/types';

const FILE = 'backups.json';

export interface BackupServiceOptions {
  dataDir: string;
  nativeBinding?: string | undefined;
  now: () => Date;
}

export class BackupService {
  private readonly file: string;

  constructor(private readonly options: BackupServiceOptions) {
    this.file = path.join(options.dataDir, FILE);
  }

  settings(): BackupSettings {
    try {
      const parsed = backupSettingsSchema.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : { ...DEFAULT_BACKUP_SETTINGS };
    } catch {
      return { ...DEFAULT_BACKUP_SETTINGS };
    }
  }

  /** Saves the settings; a chosen folder must exist (or be creatable) and be writable. */
  saveSettings(settings: BackupSettings): BackupSettings {
    if (settings.dir !== null) {
      const dir = path.resolve(settings.dir);
      try {
        fs.mkdirSync(dir, { recursive: true });
        fs.accessSync(dir, fs.constants.W_OK);
      } catch {
        throw new AppError(
          'validation',
          `Mappen för säkerhetskopior kan inte användas (finns den, och får du skriva i den?): ${dir}`,
          {
            issues: [{ field: 'dir', message: `Mappen kan inte användas: ${dir}` }],
          },
        );
      }
      if (!fs.statSync(dir).isDirectory()) {
        throw new AppError('validation', `Det är inte en mapp: ${dir}`, {
          issues: [{ field: 'dir', message: `Det är inte en mapp: ${dir}` }],
        });
      }
      settings = { ...settings, dir };
    }
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(settings, null, 2));
    fs.renameSync(tmp, this.file);
    return settings;
  }

  dirFor(dbFile: string): string {
    return this.settings().dir ?? defaultBackupDir(dbFile);
  }

  overview(dbFile: string): BackupOverview {
    const dir = this.dirFor(dbFile);
    return {
      dir,
      settings: this.settings(),
      backups: listBackups(dir, backupBaseName(dbFile), this.options.nativeBinding).map(entry),
      dbBytes: fileBytes(dbFile),
    };
  }

  /**
   * The backup "före migrering", synchronously on the connection that is about to migrate (nothing written
   * yet): `VACUUM INTO` a temporary file, checked, then renamed. Throws (the open is refused) when it fails.
   */
  beforeMigration(db: Db, dbFile: string, fromVersion: number): void {
    const dir = this.dirFor(dbFile);
    try {
      backupBeforeMigration(db, {
        dir,
        reason: 'före migrering',
        now: this.options.now(),
        nativeBinding: this.options.nativeBinding,
      });
      this.prune(dbFile);
    } catch (err) {
      const why = err instanceof AppError ? err.message : sqliteReason(err);
      throw new AppError(
        'db_unreadable',
        `Databasen (schemaversion ${fromVersion}) behöver uppgraderas, men säkerhetskopian före uppgraderingen kunde inte skapas i ${dir} (${why}). Databasen har inte ändrats.`,
      );
    }
  }

  /** An online backup of the open database `dbFile` through its own read-only connection, then rotation. */
  async take(dbFile: string, reason: BackupReason): Promise<BackupInfo> {
    const info = await backupOpenFile(dbFile, {
      dir: this.dirFor(dbFile),
      reason,
      now: this.options.now(),
      nativeBinding: this.options.nativeBinding,
    });
    this.prune(dbFile);
    return info;
  }

  /** The backup before an import; when it cannot be taken, the import does not start. */
  async beforeImport(dbFile: string): Promise<void> {
    try {
      await this.take(dbFile, 'före import');
    } catch (err) {
      throw new AppError(
        err instanceof AppError ? err.code : 'internal',
        `Säkerhetskopian före importen kunde inte skapas, så importen startade inte: ${(err as Error).message}`,
      );
    }
  }

  /** The daily backup, unless one was taken today (local date). */
  async dailyIfDue(dbFile: string): Promise<BackupInfo | null> {
    const today = localDate(this.options.now());
    const dir = this.dirFor(dbFile);
    const done = listNames(dir, dbFile).some((b) => b.reason === 'daglig' && localDate(new Date(b.takenAt)) === today);
    return done ? null : this.take(dbFile, 'daglig');
  }

  /** The path of the backup named `name` in `dbFile`'s backup folder; not_found for any other name. */
  find(name: string, dbFile: string): string {
    const dir = this.dirFor(dbFile);
    const known = listNames(dir, dbFile).find((b) => path.basename(b.path) === name);
    if (!known) throw new AppError('not_found', `Säkerhetskopian finns inte (längre) i ${dir}: ${name}`);
    return known.path;
  }

  /** Restores the backup named `name` (a file in the backup folder) over `dbFile`, which must be closed. */
  async restore(name: string, dbFile: string): Promise<RestoreResult> {
    const dir = this.dirFor(dbFile);
    const result = await restoreBackup(this.find(name, dbFile), dbFile, {
      dir,
      now: this.options.now(),
      nativeBinding: this.options.nativeBinding,
    });
    this.prune(dbFile);
    return result;
  }

  prune(dbFile: string): string[] {
    const s = this.settings();
    const factor = Math.min(Math.max(s.sizeFactor, BACKUP_LIMITS.minFactor), BACKUP_LIMITS.maxFactor);
    return pruneBackups(this.dirFor(dbFile), backupBaseName(dbFile), {
      daily: s.daily,
      beforeChange: s.beforeChange,
      maxTotalBytes: factor * fileBytes(dbFile),
    });
  }
}

function entry(b: BackupInfo): BackupEntry {
  return {
    name: path.basename(b.path),
    takenAt: b.takenAt,
    reason: b.reason,
    incidentCount: b.incidentCount,
    bytes: b.bytes,
  };
}

/** The backups by name only (no file opened): for "is one due" and "is this one of them". */
function listNames(dir: string, dbFile: string): Omit<BackupInfo, 'incidentCount'>[] {
  // listBackups opens each file for its count; the scan by name is what these checks need.
  return listBackups(dir, backupBaseName(dbFile), undefined, { countIncidents: false });
}

function fileBytes(file: string): number {
  try {
    return fs.statSync(file).size + (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
  } catch {
    return 0;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
