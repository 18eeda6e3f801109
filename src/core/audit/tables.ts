/** Which tables the audit log follows, and how an entry names the changed object. */

export interface AuditedTable {
  readonly table: string;
  /** The column that names the object (an entry's object_id). */
  readonly idColumn: string;
  /** A deleted row of this table kept here is put back by an INSERT: that INSERT is a restore. */
  readonly trash?: string;
}

/**
 * Incidents, löften (with their versions, comments, activities and decisions, which are löfte columns and
 * versions), agreements and their focus areas, walks and their observations, åtgärder and reports.
 */
export const AUDITED_TABLES: readonly AuditedTable[] = [
  { table: 'incident', idColumn: 'id', trash: 'incident_trash' },
  { table: 'lofte', idColumn: 'id' },
  { table: 'lofte_snapshot', idColumn: 'id' },
  { table: 'lofte_comment', idColumn: 'id' },
  { table: 'activity_log', idColumn: 'id' },
  { table: 'agreement', idColumn: 'id' },
  { table: 'focus_area', idColumn: 'id' },
  { table: 'walk', idColumn: 'id' },
  { table: 'walk_observation', idColumn: 'id' },
  { table: 'measure', idColumn: 'id' },
  { table: 'report', idColumn: 'id' },
];
