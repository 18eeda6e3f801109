/** Backups as the screens see them (see src/core/db/backup.ts and src/core/app/backups.ts). */
import { z } from 'zod';

export const BACKUP_LIMITS = { minKeep: 1, maxKeep: 60, minFactor: 1, maxFactor: 50 } as const;

export interface BackupSettings {
  /** The folder backups go to; null = `säkerhetskopior` beside the database. */
  dir: string | null;
  /** Daily backups kept. */
  daily: number;
  /** Backups taken before a change (migration, import, restore) kept. */
  beforeChange: number;
  /** All backups of a database together at most this many times its size (oldest removed first). */
  sizeFactor: number;
}

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { dir: null, daily: 7, beforeChange: 5, sizeFactor: 5 };

const keep = (what: string) =>
  z
    .number({ error: `${what} ska vara ett heltal.` })
    .int(`${what} ska vara ett heltal.`)
    .min(BACKUP_LIMITS.minKeep, `${what} ska vara minst ${BACKUP_LIMITS.minKeep}.`)
    .max(BACKUP_LIMITS.maxKeep, `${what} får vara högst ${BACKUP_LIMITS.maxKeep}.`);

export const backupSettingsSchema = z.object({
  dir: z.string().trim().min(1, 'Ange en mapp eller välj mappen bredvid databasen.').max(1000).nullable(),
  daily: keep('Antal dagliga kopior'),
  beforeChange: keep('Antal kopior före ändringar'),
  sizeFactor: z
    .number({ error: 'Största total storlek ska vara ett tal.' })
    .int('Största total storlek ska vara ett heltal.')
    .min(BACKUP_LIMITS.minFactor, `Största total storlek ska vara minst ${BACKUP_LIMITS.minFactor} gånger databasen.`)
    .max(BACKUP_LIMITS.maxFactor, `Största total storlek får vara högst ${BACKUP_LIMITS.maxFactor} gånger databasen.`),
});

export type BackupReasonLabel = 'daglig' | 'före migrering' | 'före import' | 'före återställning' | 'manuell';

export interface BackupEntry {
  /** The file name within the backup folder (what restore takes: never a path). */
  name: string;
  takenAt: string;
  reason: BackupReasonLabel;
  /** Null when the file cannot be read (a byte copy of a damaged database). */
  incidentCount: number | null;
  bytes: number;
}

export interface BackupOverview {
  dir: string;
  settings: BackupSettings;
  backups: BackupEntry[];
  /** Bytes of the open database (the size cap is a multiple of it). */
  dbBytes: number;
}

export interface RestoreOutcome {
  restoredFrom: string;
  /** The backup of the state before the restore. */
  safetyBackup: string;
  incidentCount: number;
}
