/**
 * A restore as the audit log sees it: before the file is replaced, the entries the restore will supersede
 * (those written after the backup) are kept in a JSON file beside the backups; after, the restore is the
 * restored log's next entry and the chain head kept outside the database moves to it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/types';
import { withReadOnly } from '../db/backup';
import { latestHead } from '../audit/heads';
import { keepSuperseded, lastEntryId, logRestore, type RestoreRecord } from '../audit/restore';

const pad = (n: number) => String(n).padStart(2, '0');
const stamp = (d: Date) =>
  `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;

/** What is known of the current log before the restore replaces it (a damaged file may not tell). */
export function beforeRestore(
  current: Db,
  backupFile: string,
  backupDir: string,
  now: Date,
  nativeBinding: string | undefined,
): Omit<RestoreRecord, 'backupFile'> {
  try {
    const backupLast = withReadOnly(backupFile, lastEntryId, nativeBinding);
    const superseded = latestHead(current);
    const file = path.join(backupDir, `ersatta-poster-${stamp(now)}.json`);
    const count = keepSuperseded(current, backupLast, file, now);
    if (count === 0) fs.rmSync(file, { force: true });
    return { superseded, supersededFile: count > 0 ? file : null, supersededCount: count };
  } catch {
    return { superseded: null, supersededFile: null, supersededCount: 0 };
  }
}

export { logRestore };
