/**
 * How the two incident formats (Polisens händelser, spreadsheets) write inside the import's transaction (new
 * rows added, changed rows updated with their previous version kept for undo, unchanged rows counted as
 * duplicates), and the same test without writing, for the preview's "nothing new to import". The other
 * formats write in their own modules in ./formats.
 */
import { incidentRepoOf } from '../db/repos';
import type { Db } from '../db/connection';
import type { DbIncident, IncidentRepo, NewIncident } from '../db/incident-repo';
import { RollupDelta } from '../db/rollup';
import type { RowWriter, WriteCounts } from './importer';

export type IncidentRow = NewIncident & { sourceRef: string };

/** Whether an incident would be added or updated: the same test the writer makes, without writing. */
export function incidentChanges(db: Db, sheet: boolean): (value: IncidentRow) => boolean {
  const repo = incidentRepoOf(db);
  return (value) => {
    const old = repo.findBySourceRef(value.source, value.sourceRef);
    return !old || differs(old, value, sheet);
  };
}

/** Source fields compared to decide whether a re-imported row changed. */
const SOURCE_FIELDS = [
  ['category', 'category'],
  ['subcategory', 'subcategory'],
  ['occurred_at', 'occurredAt'],
  ['reported_at', 'reportedAt'],
  ['kommun_id', 'kommunId'],
  ['lat', 'lat'],
  ['lon', 'lon'],
  ['precision', 'precision'],
  ['description', 'description'],
  ['source_url', 'sourceUrl'],
] as const;
/** Fields a spreadsheet states but Polisens feed does not: there, the user's values stay. */
const SHEET_FIELDS = [
  ['place_name', 'placeName'],
  ['status', 'status'],
  ['reporter_org', 'reporterOrg'],
] as const;

/**
 * Incidents, batch by batch inside the import's transaction: new rows are added, rows already there
 * (same source and source id) with the same content are duplicates, and rows the source has changed
 * since (new text, type or time) are updated in place, their previous version kept for undo.
 */
export class IncidentWriter implements RowWriter<IncidentRow> {
  private readonly repo: IncidentRepo;
  private readonly rollup = new RollupDelta();
  readonly counts: WriteCounts = { added: 0, updated: 0, duplicates: 0, previous: [] };

  constructor(
    private readonly db: Db,
    private readonly importId: number,
    private readonly stamp: string,
    private readonly format: 'polisen' | 'incidents',
  ) {
    this.repo = incidentRepoOf(db);
  }

  write(rows: { value: IncidentRow }[]): void {
    const seen = new Set<string>();
    const fresh: NewIncident[] = [];
    const sheet = this.format === 'incidents';
    for (const { value } of rows) {
      const key = `${value.source}\u0001${value.sourceRef}`;
      const old = seen.has(key) ? undefined : this.repo.findBySourceRef(value.source, value.sourceRef);
      if (seen.has(key) || (old && (old.import_id === this.importId || !differs(old, value, sheet)))) {
        this.counts.duplicates++;
      } else if (old) {
        this.counts.previous.push(old);
        this.repo.replaceFromSource(old, value, this.rollup, this.stamp, {
          placeName: !sheet,
          status: !sheet,
          reporterOrg: !sheet,
        });
        this.counts.updated++;
      } else fresh.push({ ...value, importId: this.importId });
      seen.add(key);
    }
    this.counts.added += this.repo.insertMany(fresh, this.rollup, this.stamp);
  }

  finish(): WriteCounts {
    this.rollup.flush(this.db);
    return this.counts;
  }
}

/** Whether a row read again from its source differs from the stored one (a spreadsheet also states its own fields). */
function differs(old: DbIncident, value: IncidentRow, sheet: boolean): boolean {
  const fields = sheet ? [...SOURCE_FIELDS, ...SHEET_FIELDS] : SOURCE_FIELDS;
  return fields.some(([column, key]) => (old[column] ?? null) !== (value[key] ?? null));
}
