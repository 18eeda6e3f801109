/** "Ångra denna import": what an import added is removed, what it changed is put back. */
import { incidentRepoOf, referenceRepoOf } from '../db/repos';
import type { Db } from '../db/connection';
import type { DbIncident } from '../db/incident-repo';
import { RollupDelta } from '../db/rollup';
import { AppError } from '../../shared/errors';
import { toIsoUtc } from '../../shared/time';
import { undoSurvey, type SurveyPrevious } from '../dashboards/survey';
import type { ImportFormat } from './types';

/** "Ångra denna import": removes what the import added and puts back what it changed. */
export function undoImport(db: Db, importId: number, now = new Date()): { removed: number; restored: number } {
  return db
    .transaction(() => {
      const log = db.prepare('SELECT format, report_json, undone_at FROM import_log WHERE id = ?').get(importId) as
        { format: ImportFormat; report_json: string; undone_at: string | null } | undefined;
      if (!log) throw new AppError('not_found', `Import ${importId} finns inte.`);
      if (log.undone_at) throw new AppError('conflict', `Import ${importId} är redan ångrad (${log.undone_at}).`);
      let removed = 0;
      let restored = 0;
      if (log.format === 'polisen' || log.format === 'incidents') {
        const repo = incidentRepoOf(db);
        removed = repo.removeImported(importId);
        const { previous } = JSON.parse(log.report_json) as { previous?: DbIncident[] };
        const rollup = new RollupDelta();
        restored = repo.putBack(previous ?? [], rollup);
        rollup.flush(db);
      } else if (log.format === 'trygghet') {
        ({ removed, restored } = undoSurvey(
          db,
          (JSON.parse(log.report_json) as { previous: SurveyPrevious[] }).previous,
        ));
      } else {
        const { previous } = JSON.parse(log.report_json) as {
          previous: { kommunId: number; year: number; old: Record<string, unknown> | null }[];
        };
        for (const p of previous) {
          if (log.format === 'bra') {
            if (p.old) {
              db.prepare(
                'UPDATE bra_reported_crime SET count = ?, per_100k = ?, import_id = NULL WHERE kommun_id = ? AND year = ?',
              ).run(p.old.count ?? null, p.old.per_100k ?? null, p.kommunId, p.year);
              restored++;
            } else {
              db.prepare('DELETE FROM bra_reported_crime WHERE kommun_id = ? AND year = ?').run(p.kommunId, p.year);
              removed++;
            }
          } else if (p.old) {
            referenceRepoOf(db).setPopulation(
              p.kommunId,
              p.year,
              p.old.population as number,
              p.old.ref_date as string,
              p.old.source as string,
            );
            restored++;
          } else {
            db.prepare('DELETE FROM population WHERE kommun_id = ? AND year = ?').run(p.kommunId, p.year);
            removed++;
          }
        }
      }
      db.prepare('UPDATE import_log SET undone_at = ? WHERE id = ?').run(toIsoUtc(now.getTime()), importId);
      return { removed, restored };
    })
    .immediate();
}
