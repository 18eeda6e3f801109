/**
 * Counting incidents for a filter. When every condition is a rollup dimension (LPO, kommun, source,
 * category, days) the count comes from the rollups (whole months from the month table, the edge months
 * from the day table), so it never scans the incident table. Free text and exact places are not rollup
 * dimensions: those filters are counted on the incident table (through its indexes).
 */
import type { Db } from './connection';
import type { IncidentFilter } from '../../shared/domain';
import { monthEnd } from '../../shared/calendar';
import { ftsQuery, hasText, whereForFilter } from './incident-query';

const lastDayOfMonth = monthEnd;

/**
 * For every filter field: can the rollups count by it? A new field has to be placed here (the type
 * demands it), so a condition the rollups cannot see never goes silently uncounted.
 */
const ROLLUP_FIELDS: Record<keyof IncidentFilter, boolean> = {
  lpoIds: true,
  kommunIds: true,
  sources: true,
  categories: true,
  fromDay: true,
  toDay: true,
  text: false,
  placeNames: false,
  location: false,
  cell: false,
};

/** Whether a field narrows the rows at all (an empty list or text without a searchable word does not). */
function narrows(filter: IncidentFilter, field: string): boolean {
  if (field === 'text') return hasText(filter);
  const v = (filter as Record<string, unknown>)[field];
  return v !== undefined && !(Array.isArray(v) && v.length === 0);
}

/**
 * True when the rollups alone can count (and rank) the filter's rows: every field that narrows is a
 * rollup dimension. False for free text and exact places; those go to the incident table.
 */
export function rollupsCanCount(filter: IncidentFilter): boolean {
  return Object.keys(filter).every(
    (field) => ROLLUP_FIELDS[field as keyof IncidentFilter] === true || !narrows(filter, field),
  );
}

/** WHERE clauses over a rollup table for the filter's dimensions; `prefix` qualifies the columns. */
export function dimensionWhere(filter: IncidentFilter, params: unknown[], prefix = ''): string[] {
  if (filter.placeNames?.length || filter.location || filter.cell) {
    // The rollups have no place dimension: counting such a filter here would ignore the places.
    throw new Error('Platsfilter kan inte räknas från summeringstabellerna.');
  }
  const clauses: string[] = [];
  const list = (col: string, values: readonly unknown[]) => {
    params.push(...values);
    clauses.push(`${prefix}${col} IN (${values.map(() => '?').join(', ')})`);
  };
  if (filter.lpoIds?.length) {
    params.push(...filter.lpoIds);
    clauses.push(
      `${prefix}kommun_id IN (SELECT id FROM kommun WHERE lpo_id IN (${filter.lpoIds.map(() => '?').join(', ')}))`,
    );
  }
  if (filter.kommunIds?.length) list('kommun_id', filter.kommunIds);
  if (filter.sources?.length) list('source', filter.sources);
  if (filter.categories?.length) list('category', filter.categories);
  return clauses;
}

export type DayMonthSegment = RollupSegment & { table: 'day' | 'month' };

export interface RollupSegment {
  table: 'day' | 'week' | 'month';
  /** null = the whole table. */
  range: { op: 'between' | 'exclusive'; from: string; to: string } | null;
}

/**
 * The filter's date range as disjoint pieces of the two rollup tables: whole months from the month
 * table, partly covered edge months from the day table.
 */
export function rollupSegments(filter: IncidentFilter): DayMonthSegment[] {
  if (!filter.fromDay && !filter.toDay) return [{ table: 'month', range: null }];
  const fromDay = filter.fromDay ?? '0000-01-01';
  const toDay = filter.toDay ?? '9999-12-31';
  const fromMonth = fromDay.slice(0, 7);
  const toMonth = toDay.slice(0, 7);
  const between = (table: 'day' | 'month', from: string, to: string): DayMonthSegment => ({
    table,
    range: { op: 'between', from, to },
  });
  if (fromMonth === toMonth) return [between('day', fromDay, toDay)];
  return [
    fromDay.endsWith('-01')
      ? between('month', fromMonth, fromMonth)
      : between('day', fromDay, lastDayOfMonth(fromMonth)),
    toDay === lastDayOfMonth(toMonth) ? between('month', toMonth, toMonth) : between('day', `${toMonth}-01`, toDay),
    { table: 'month' as const, range: { op: 'exclusive' as const, from: fromMonth, to: toMonth } },
  ];
}

/** The WHERE clause (or '') over one rollup segment for the filter's dimensions; params are appended. */
export function segmentWhere(filter: IncidentFilter, seg: RollupSegment, params: unknown[]): string {
  const col = seg.table;
  const clauses: string[] = [];
  if (seg.range) {
    clauses.push(seg.range.op === 'between' ? `${col} BETWEEN ? AND ?` : `${col} > ? AND ${col} < ?`);
    params.push(seg.range.from, seg.range.to);
  }
  clauses.push(...dimensionWhere(filter, params));
  return clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
}

function sumSegment(db: Db, filter: IncidentFilter, seg: RollupSegment): number {
  const params: unknown[] = [];
  const where = segmentWhere(filter, seg, params);
  return db
    .prepare(`SELECT coalesce(sum(n), 0) FROM incident_rollup_${seg.table} ${where}`)
    .pluck()
    .get(...params) as number;
}

export function countFromRollups(db: Db, filter: IncidentFilter): number {
  return rollupSegments(filter).reduce((sum, seg) => sum + sumSegment(db, filter, seg), 0);
}

export function countIncidents(db: Db, filter: IncidentFilter): number {
  if (rollupsCanCount(filter)) return countFromRollups(db, filter);
  const onlyText = Object.entries(filter).every(
    ([k, v]) => k === 'text' || v === undefined || (Array.isArray(v) && v.length === 0),
  );
  if (onlyText) {
    // The FTS index alone knows how many rows match: no lookups into the incident table.
    return db
      .prepare('SELECT count(*) FROM incident_fts WHERE incident_fts MATCH ?')
      .pluck()
      .get(ftsQuery(filter.text!)) as number;
  }
  const where = whereForFilter(filter);
  return db
    .prepare(`SELECT count(*) FROM incident WHERE ${where.sql}`)
    .pluck()
    .get(...where.params) as number;
}
