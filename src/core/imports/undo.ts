/** "Ångra denna import": what an import added is removed, what it changed is put back. */
import type { Db } from '../db/connection';
import { AppError } from '../../shared/errors';
import { toIsoUtc } from '../../shared/time';
import { importerOf } from './formats';
import type { ImportFormat } from './types';
import { logEntry, withoutRowAudit } from '../audit/install';

/** "Ångra denna import": removes what the import added and puts back what it changed. */
export function undoImport(db: Db, importId: number, now = new Date()): { removed: number; restored: number } {
  return db
    .transaction(() => {
      const log = db
        .prepare('SELECT format, file_name, report_json, undone_at FROM import_log WHERE id = ?')
        .get(importId) as
        { format: ImportFormat; file_name: string; report_json: string; undone_at: string | null } | undefined;
      if (!log) throw new AppError('not_found', `Import ${importId} finns inte.`);
      if (log.undone_at) throw new AppError('conflict', `Import ${importId} är redan ångrad (${log.undone_at}).`);
      const { previous } = JSON.parse(log.report_json) as { previous?: unknown[] };
      // Logged as one entry, not one per row put back.
      const { removed, restored } = withoutRowAudit(db, () => importerOf(log.format).undo(db, importId, previous));
      db.prepare('UPDATE import_log SET undone_at = ? WHERE id = ?').run(toIsoUtc(now.getTime()), importId);
      logEntry(db, {
        objectType: 'import',
        objectId: importId,
        action: 'ångrad import',
        content: { after: { fil: log.file_name, borttagna: removed, aterstallda: restored } },
      });
      return { removed, restored };
    })
    .immediate();
}
