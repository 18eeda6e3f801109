/** What the two incident formats (Polisens händelser, spreadsheets) share: their undo and their preview rows. */
import { incidentRepoOf } from '../../db/repos';
import type { Db } from '../../db/connection';
import type { DbIncident } from '../../db/incident-repo';
import { RollupDelta } from '../../db/rollup';
import { categoryLabel, subcategoryLabel } from '../../../shared/taxonomy';
import { formatLocalDateTime } from '../../../shared/time';
import type { Display, DisplayArgs } from '../importer';
import type { IncidentRow } from '../writers';

/** Removes the incidents the import added and puts back the ones it changed. */
export function undoIncidents(
  db: Db,
  importId: number,
  previous: unknown[] | undefined,
): { removed: number; restored: number } {
  const repo = incidentRepoOf(db);
  const removed = repo.removeImported(importId);
  const rollup = new RollupDelta();
  const restored = repo.putBack((previous as DbIncident[] | undefined) ?? [], rollup);
  rollup.flush(db);
  return { removed, restored };
}

export function incidentDisplay({ kommunName }: DisplayArgs): Display<IncidentRow> {
  return {
    columns: ['Inträffade', 'Kommun', 'Kategori', 'Beskrivning'],
    cells: (r) => [
      formatLocalDateTime(r.occurredAt),
      kommunName.get(r.kommunId) ?? '',
      `${categoryLabel(r.category)} – ${subcategoryLabel(r.subcategory)}`,
      r.description,
    ],
  };
}
