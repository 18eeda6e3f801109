/** "Ångra denna import": what an import added is removed, what it changed is put back. */
import type { Db } from '../db/connection';
import { AppError } from '../../shared/errors';
import { toIsoUtc } from '../../shared/time';
import { importerOf } from './formats';
import type { ImportFormat } from './types';

/** "Ångra denna import": removes what the import added and puts back what it changed. */
export function undoImport(db: Db, importId: number, now = new Date()): { removed: number; restored: number } {
  return db
    .transaction(() => {
      const log = db.prepare('SELECT format, report_json, undone_at FROM import_log WHERE id = ?').get(importId) as
        { format: ImportFormat; report_json: string; undone_at: string | null } | undefined;
      if (!log) throw new AppError('not_found', `Import ${importId} finns inte.`);
      if (log.undone_at) throw new AppError('conflict', `Import ${importId} är redan ångrad (${log.undone_at}).`);
      const { previous } = JSON.parse(log.report_json) as { previous?: unknown[] };
      const { removed, restored } = importerOf(log.format).undo(db, importId, previous);
      db.prepare('UPDATE import_log SET undone_at = ? WHERE id = ?').run(toIsoUtc(now.getTime()), importId);
      return { removed, restored };
    })
    .immediate();
}
