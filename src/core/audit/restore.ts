/**
 * A restore from a backup, in the audit log. The restored file's log ends where the backup's did; the
 * entries written since (the superseded ones) are kept as a JSON file beside the backups, and the restore
 * itself becomes the restored log's next entry, naming the backup, the superseded head and that file.
 * Then the head kept outside the database is moved to the new entry (a restore may go back; nothing else).
 *
 * The restore (the lead's) calls, before replacing the file: `keepSuperseded(oldDb, fromId, file)`, with
 * `fromId` = the backup's last entry id + 1; and after: `logRestore(newDb, ...)` then `recordHead(...)`.
 */
import type { Db } from '../db/types';
import { exportEntriesJson } from './export';
import { latestHead } from './heads';
import { logEntry } from './install';
import type { ChainHead } from './verify';

/** The id of the last entry a (backup) database holds; 0 when its log is empty or it has none. */
export function lastEntryId(db: Db): number {
  try {
    return (db.prepare('SELECT coalesce(max(id), 0) FROM audit_log').pluck().get() as number) ?? 0;
  } catch {
    return 0;
  }
}

/** Writes the entries a restore will supersede (those after `backupLastId`); returns how many. */
export function keepSuperseded(current: Db, backupLastId: number, file: string, now = new Date()): number {
  return exportEntriesJson(current, backupLastId + 1, file, now);
}

export interface RestoreRecord {
  backupFile: string;
  /** The head of the log the restore replaced. */
  superseded: ChainHead | null;
  /** Where its superseded entries were kept (null when there were none). */
  supersededFile: string | null;
  supersededCount: number;
}

export function logRestore(restored: Db, r: RestoreRecord): ChainHead {
  logEntry(restored, {
    objectType: 'database',
    objectId: 'databas',
    action: 'återställning',
    content: {
      after: {
        sakerhetskopia: r.backupFile,
        ersatt_kedjehuvud: r.superseded,
        ersatta_poster: r.supersededCount,
        ersatta_poster_fil: r.supersededFile,
      },
    },
  });
  return latestHead(restored)!;
}
