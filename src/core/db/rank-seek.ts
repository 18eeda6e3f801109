/**
 * Random access into a sorted, filtered incident list without counting past earlier rows.
 *
 * When the sort key starts with a rollup dimension (kommun, LPO, category, source) or with the time
 * itself, and the filter has only rollup dimensions, the rollups already know how many rows each
 * (lead value, month) and (lead value, day) holds. A position is found by walking those counts — months
 * first, then the days of one month — and the database only skips rows within a single day. Deep pages
 * then cost about as much as the first page.
 */
import type { Db } from './connection';
import type { IncidentFilter, IncidentSort, SortColumn } from '../../shared/domain';
import { addDays, localDayStartUtc } from '../../shared/time';
import { dimensionWhere, rollupSegments, rollupsCanCount } from './incident-count';

type LeadColumn = 'kommun_id' | 'lpo_id' | 'category' | 'source';

/** The sort's first key column when it is one the rollups can count by; null = time only. */
const LEAD: Partial<Record<SortColumn, LeadColumn | null>> = {
  occurredAt: null,
  kommun: 'kommun_id',
  lpo: 'lpo_id',
  category: 'category',
  source: 'source',
};

type LeadValue = string | number | null;

interface Bucket {
  lead: LeadValue;
  month: string;
  n: number;
}

export interface RankHistogram {
  /** Buckets in walking order for the sort, with the count of rows before each. */
  buckets: Bucket[];
  before: number[];
  total: number;
}

export interface SeekPoint {
  lead: LeadValue;
  day: string;
  /** Rows of (lead, day) to skip, in walking order. */
  offset: number;
}

/** Only when the rollups can count every condition of the filter (not free text, not exact places). */
export function canRankSeek(filter: IncidentFilter, sort: IncidentSort): boolean {
  return rollupsCanCount(filter) && sort.column in LEAD;
}

function leadOf(sort: IncidentSort): LeadColumn | null {
  return LEAD[sort.column] ?? null;
}

/** SELECT list and FROM clause over one rollup table, with the lead column resolved (LPO via kommun). */
function source(table: 'day' | 'month', lead: LeadColumn | null): { lead: string; from: string } {
  const from = `incident_rollup_${table} r`;
  if (lead === 'lpo_id') return { lead: 'k.lpo_id', from: `${from} JOIN kommun k ON k.id = r.kommun_id` };
  return { lead: lead ? `r.${lead}` : 'NULL', from };
}

function compareLead(a: LeadValue, b: LeadValue): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

export function buildHistogram(db: Db, filter: IncidentFilter, sort: IncidentSort): RankHistogram {
  const lead = leadOf(sort);
  // LPO buckets are summed from kommun buckets here: grouping through a join would need a sort in SQLite.
  const lpoOfKommun =
    lead === 'lpo_id'
      ? new Map(
          (db.prepare('SELECT id, lpo_id FROM kommun').all() as { id: number; lpo_id: number }[]).map((k) => [
            k.id,
            k.lpo_id,
          ]),
        )
      : null;
  const groupLead = lead === 'lpo_id' ? 'kommun_id' : lead;
  const merged = new Map<string, Bucket>();
  for (const seg of rollupSegments(filter)) {
    const src = source(seg.table, groupLead);
    const params: unknown[] = [];
    const clauses = dimensionWhere(filter, params, 'r.');
    const col = seg.table === 'day' ? 'r.day' : 'r.month';
    if (seg.range) {
      clauses.unshift(seg.range.op === 'between' ? `${col} BETWEEN ? AND ?` : `${col} > ? AND ${col} < ?`);
      params.unshift(seg.range.from, seg.range.to);
    }
    const month = seg.table === 'day' ? 'substr(r.day, 1, 7)' : 'r.month';
    const sql = `SELECT ${src.lead} AS lead, ${month} AS month, sum(r.n) AS n FROM ${src.from}
      ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} GROUP BY ${month}${groupLead ? `, r.${groupLead}` : ''}`;
    for (const b of db.prepare(sql).all(...params) as Bucket[]) {
      if (lpoOfKommun) b.lead = lpoOfKommun.get(b.lead as number) ?? null;
      const k = `${String(b.lead)}\u0001${b.month}`;
      const prev = merged.get(k);
      if (prev) prev.n += b.n;
      else merged.set(k, { ...b });
    }
  }
  const desc = sort.direction === 'desc';
  const buckets = [...merged.values()]
    .filter((b) => b.n > 0)
    .sort((a, b) => {
      const c = compareLead(a.lead, b.lead) || (a.month < b.month ? -1 : a.month > b.month ? 1 : 0);
      return desc ? -c : c;
    });
  const before: number[] = [];
  let total = 0;
  for (const b of buckets) {
    before.push(total);
    total += b.n;
  }
  return { buckets, before, total };
}

/** Where row `position` (0-based, in walking order) lies: which lead value and day, and how deep in it. */
export function seek(
  db: Db,
  filter: IncidentFilter,
  sort: IncidentSort,
  hist: RankHistogram,
  position: number,
): SeekPoint {
  let lo = 0;
  let hi = hist.buckets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (hist.before[mid]! <= position) lo = mid;
    else hi = mid - 1;
  }
  const bucket = hist.buckets[lo]!;
  let rest = position - hist.before[lo]!;
  const lead = leadOf(sort);
  const src = source('day', lead);
  const params: unknown[] = [];
  const monthStart = `${bucket.month}-01`;
  const monthEnd = `${bucket.month}-31`;
  const from = filter.fromDay && filter.fromDay > monthStart ? filter.fromDay : monthStart;
  const to = filter.toDay && filter.toDay < monthEnd ? filter.toDay : monthEnd;
  const clauses = ['r.day BETWEEN ? AND ?'];
  params.push(from, to);
  clauses.push(...dimensionWhere(filter, params, 'r.'));
  if (lead) {
    clauses.push(`${src.lead} = ?`);
    params.push(bucket.lead);
  }
  const desc = sort.direction === 'desc';
  const days = db
    .prepare(
      `SELECT r.day AS day, sum(r.n) AS n FROM ${src.from} WHERE ${clauses.join(' AND ')} GROUP BY r.day ORDER BY r.day ${desc ? 'DESC' : 'ASC'}`,
    )
    .all(...params) as { day: string; n: number }[];
  for (const d of days) {
    if (rest < d.n) return { lead: bucket.lead, day: d.day, offset: rest };
    rest -= d.n;
  }
  // Only reachable if the rollups disagree with themselves; start at the bucket's last day.
  const last = days[days.length - 1];
  return { lead: bucket.lead, day: last?.day ?? from, offset: 0 };
}

/** Condition that starts the walk at the first row of (lead, day) in walking order. */
export function startAt(sort: IncidentSort, point: SeekPoint): { sql: string; params: unknown[] } {
  const lead = leadOf(sort);
  const desc = sort.direction === 'desc';
  const bound = desc ? localDayStartUtc(addDays(point.day, 1)) : localDayStartUtc(point.day);
  const op = desc ? '<' : '>=';
  if (!lead) return { sql: `occurred_at ${op} ?`, params: [bound] };
  return { sql: `(${lead}, occurred_at) ${op} (?, ?)`, params: [point.lead, bound] };
}
