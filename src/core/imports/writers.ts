/**
 * What an import writes, format by format, inside the import's transaction (new rows added, changed rows
 * updated with their previous version kept for undo, unchanged rows counted as duplicates), and the same
 * test without writing, for the preview's "nothing new to import".
 */
import { incidentRepoOf, referenceRepoOf } from '../db/repos';
import type { Db } from '../db/connection';
import type { DbIncident, IncidentRepo, NewIncident } from '../db/incident-repo';
import { RollupDelta } from '../db/rollup';
import type { SurveyValue } from '../../shared/survey';
import type { BraRow, PopulationRow } from './types';

export type IncidentRow = NewIncident & { sourceRef: string };

/** Whether an incident would be added or updated: the same test the writer makes, without writing. */
export function incidentChanges(db: Db, sheet: boolean): (value: IncidentRow) => boolean {
  const repo = incidentRepoOf(db);
  return (value) => {
    const old = repo.findBySourceRef(value.source, value.sourceRef);
    return !old || differs(old, value, sheet);
  };
}

export function braChanges(db: Db): (value: BraRow) => boolean {
  const get = db.prepare('SELECT count, per_100k FROM bra_reported_crime WHERE kommun_id = ? AND year = ?');
  return (r) => {
    const old = get.get(r.kommunId, r.year) as { count: number | null; per_100k: number | null } | undefined;
    return !old || old.count !== r.count || old.per_100k !== r.per100k;
  };
}

export function scbChanges(db: Db): (value: PopulationRow) => boolean {
  const get = db.prepare('SELECT population FROM population WHERE kommun_id = ? AND year = ?').pluck();
  return (r) => get.get(r.kommunId, r.year) !== r.population;
}

export function surveyChanges(db: Db): (value: SurveyValue) => boolean {
  const find = db.prepare(
    'SELECT value, respondents, response_rate FROM survey_result WHERE indicator = ? AND ifnull(kommun_id, 0) = ? AND ifnull(lpo_id, 0) = ? AND year = ?',
  );
  return (v) => {
    const old = find.get(
      v.indicator,
      v.area.kind === 'kommun' ? v.area.id : 0,
      v.area.kind === 'lpo' ? v.area.id : 0,
      v.year,
    ) as { value: number; respondents: number | null; response_rate: number | null } | undefined;
    return !old || old.value !== v.value || old.respondents !== v.respondents || old.response_rate !== v.responseRate;
  };
}

export interface WriteCounts {
  added: number;
  updated: number;
  duplicates: number;
  /** What an update replaced, so the import can be undone. */
  previous: unknown[];
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
export class IncidentWriter {
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

export function writeBra(db: Db, rows: { value: BraRow }[], importId: number, c: WriteCounts): void {
  const get = db.prepare('SELECT count, per_100k FROM bra_reported_crime WHERE kommun_id = ? AND year = ?');
  const put = db.prepare(
    `INSERT INTO bra_reported_crime (kommun_id, year, count, per_100k, import_id) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (kommun_id, year) DO UPDATE SET count = excluded.count, per_100k = excluded.per_100k, import_id = excluded.import_id`,
  );
  for (const { value: r } of rows) {
    const old = get.get(r.kommunId, r.year) as { count: number | null; per_100k: number | null } | undefined;
    if (old && old.count === r.count && old.per_100k === r.per100k) {
      c.duplicates++;
      continue;
    }
    c.previous.push({ kommunId: r.kommunId, year: r.year, old: old ?? null });
    put.run(r.kommunId, r.year, r.count, r.per100k, importId);
    if (old) c.updated++;
    else c.added++;
  }
}

export function writeScb(db: Db, rows: { value: PopulationRow }[], fileName: string, c: WriteCounts): void {
  const get = db.prepare('SELECT population, ref_date, source FROM population WHERE kommun_id = ? AND year = ?');
  const ref = referenceRepoOf(db);
  for (const { value: r } of rows) {
    const old = get.get(r.kommunId, r.year) as { population: number; ref_date: string; source: string } | undefined;
    if (old && old.population === r.population) {
      c.duplicates++;
      continue;
    }
    c.previous.push({ kommunId: r.kommunId, year: r.year, old: old ?? null });
    ref.setPopulation(r.kommunId, r.year, r.population, `${r.year}-12-31`, `SCB (import ${fileName})`);
    if (old) c.updated++;
    else c.added++;
  }
}

export const emptyCounts = (): WriteCounts => ({ added: 0, updated: 0, duplicates: 0, previous: [] });
