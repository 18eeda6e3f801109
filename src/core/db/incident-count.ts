/**
 * Counting incidents for a filter. Without free text the count comes from the rollups (whole months from
 * the month table, the edge months from the day table), so it never scans the incident table.
 */
import type { Db } from './connection';
import type { IncidentFilter } from '../../shared/domain';
import { ftsQuery, hasText, whereForFilter } from './incident-query';

function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function dimensionWhere(filter: IncidentFilter, params: unknown[]): string[] {
  const clauses: string[] = [];
  const list = (col: string, values: readonly unknown[]) => {
    params.push(...values);
    clauses.push(`${col} IN (${values.map(() => '?').join(', ')})`);
  };
  if (filter.lpoIds?.length) {
    params.push(...filter.lpoIds);
    clauses.push(`kommun_id IN (SELECT id FROM kommun WHERE lpo_id IN (${filter.lpoIds.map(() => '?').join(', ')}))`);
  }
  if (filter.kommunIds?.length) list('kommun_id', filter.kommunIds);
  if (filter.sources?.length) list('source', filter.sources);
  if (filter.categories?.length) list('category', filter.categories);
  return clauses;
}

type Range = { op: 'between' | 'exclusive'; from: string; to: string } | null;

function sumRollup(db: Db, table: 'day' | 'month', filter: IncidentFilter, range: Range): number {
  const params: unknown[] = [];
  const col = table === 'day' ? 'day' : 'month';
  const clauses: string[] = [];
  if (range) {
    clauses.push(range.op === 'between' ? `${col} BETWEEN ? AND ?` : `${col} > ? AND ${col} < ?`);
    params.push(range.from, range.to);
  }
  clauses.push(...dimensionWhere(filter, params));
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  const sql = `SELECT coalesce(sum(n), 0) FROM incident_rollup_${table} ${where}`;
  return db
    .prepare(sql)
    .pluck()
    .get(...params) as number;
}

const between = (from: string, to: string): Range => ({ op: 'between', from, to });

export function countFromRollups(db: Db, filter: IncidentFilter): number {
  const from = filter.fromDay;
  const to = filter.toDay;
  if (!from && !to) return sumRollup(db, 'month', filter, null);
  const fromDay = from ?? '0000-01-01';
  const toDay = to ?? '9999-12-31';
  const fromMonth = fromDay.slice(0, 7);
  const toMonth = toDay.slice(0, 7);
  if (fromMonth === toMonth) return sumRollup(db, 'day', filter, between(fromDay, toDay));
  let total = 0;
  // Edge months: whole when the range covers them, by day otherwise.
  total += fromDay.endsWith('-01')
    ? sumRollup(db, 'month', filter, between(fromMonth, fromMonth))
    : sumRollup(db, 'day', filter, between(fromDay, lastDayOfMonth(fromMonth)));
  total +=
    toDay === lastDayOfMonth(toMonth)
      ? sumRollup(db, 'month', filter, between(toMonth, toMonth))
      : sumRollup(db, 'day', filter, between(`${toMonth}-01`, toDay));
  // Months strictly between the edge months.
  total += sumRollup(db, 'month', filter, { op: 'exclusive', from: fromMonth, to: toMonth });
  return total;
}

export function countIncidents(db: Db, filter: IncidentFilter): number {
  if (!hasText(filter)) return countFromRollups(db, filter);
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
