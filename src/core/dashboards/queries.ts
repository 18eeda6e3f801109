/**
 * Dashboard figures from the rollups, never from the incident table: counts grouped by kommun, category,
 * source, month or day over any date range (whole months from the month table, edge months from the day
 * table), with populations of the right year and the change test beside them. Every figure is defined by
 * an IncidentFilter, so a click on it opens the register filtered to exactly the rows it counts.
 */
import type { Db } from '../db/connection';
import { rollupSegments, segmentWhere, type RollupSegment } from '../db/incident-count';
import type { IncidentFilter } from '../../shared/domain';
import { addDays, isoMonday, isoWeekLabel, isoWeekMonday, monthEnd } from '../../shared/calendar';
import { localDay } from '../../shared/time';
import { comparePeriods, latestDataDay, periodBefore, pinnedPeriods, sameDatesLastYear, withGaps } from './periods';
import type { CompareWith } from './periods';
import { judgeChange, per1000 } from './stats';
import type { ChangeResult, CompareResult, CompareRow, DayRange, TrendPoint } from '../../shared/dashboards';

export type Dimension = 'kommun_id' | 'category' | 'source';

export interface GroupedCount {
  kommun_id?: number;
  category?: string;
  source?: string;
  n: number;
}

/** Counts for the filter, grouped by the given dimensions (none: one total). */
export function groupedCounts(db: Db, filter: IncidentFilter, dims: readonly Dimension[]): GroupedCount[] {
  const totals = new Map<string, GroupedCount>();
  const cols = dims.join(', ');
  for (const seg of rollupSegments(filter)) {
    for (const row of segmentRows(db, filter, seg, cols)) {
      const key = dims.map((d) => row[d]).join('\u0001');
      const hit = totals.get(key);
      if (hit) hit.n += row.n;
      else totals.set(key, { ...row });
    }
  }
  return [...totals.values()].filter((r) => r.n > 0);
}

function segmentRows(db: Db, filter: IncidentFilter, seg: RollupSegment, cols: string, extra = ''): GroupedCount[] {
  const params: unknown[] = [];
  const where = segmentWhere(filter, seg, params);
  // The time column first: the rollups' primary key is (day|month, kommun_id, category, source), so the
  // GROUP BY streams in index order instead of sorting in a temporary B-tree.
  const select = [extra, cols].filter(Boolean).join(', ');
  const group = select ? `GROUP BY ${select}` : '';
  return db
    .prepare(`SELECT ${select ? `${select}, ` : ''}sum(n) AS n FROM incident_rollup_${seg.table} ${where} ${group}`)
    .all(...params) as GroupedCount[];
}

// ---------------------------------------------------------------------------------------------------
// Populations

/** Population per kommun for a year: that year's figure, else the latest earlier one, else the earliest. */
export function populations(db: Db, year: number): Map<number, { population: number; year: number }> {
  const rows = db.prepare('SELECT kommun_id, year, population FROM population ORDER BY kommun_id, year').all() as {
    kommun_id: number;
    year: number;
    population: number;
  }[];
  const out = new Map<number, { population: number; year: number }>();
  for (const r of rows) {
    // Rows come in year order: the first row, then each later one up to the year asked for.
    if (!out.has(r.kommun_id) || r.year <= year) out.set(r.kommun_id, { population: r.population, year: r.year });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Jämför kommuner

/**
 * Incidents per 1 000 inhabitants by kommun and category for a period. The population is that of the
 * year the period ends in (SCB's 31 December figure), or the nearest earlier year the database has.
 */
export function compareKommuner(db: Db, filter: IncidentFilter & { fromDay: string; toDay: string }): CompareResult {
  const kommuner = db.prepare('SELECT id, lpo_id FROM kommun ORDER BY id').all() as { id: number; lpo_id: number }[];
  const chosen = kommuner.filter(
    (k) =>
      (!filter.kommunIds?.length || filter.kommunIds.includes(k.id)) &&
      (!filter.lpoIds?.length || filter.lpoIds.includes(k.lpo_id)),
  );
  const pops = populations(db, Number(filter.toDay.slice(0, 4)));
  const counts = groupedCounts(db, filter, ['kommun_id', 'category']);
  const rows: CompareRow[] = chosen.map((k) => {
    const pop = pops.get(k.id);
    const byCategory: Record<string, number> = {};
    let total = 0;
    for (const c of counts) {
      if (c.kommun_id !== k.id) continue;
      byCategory[c.category!] = c.n;
      total += c.n;
    }
    return {
      kommunId: k.id,
      lpoId: k.lpo_id,
      population: pop?.population ?? null,
      populationYear: pop?.year ?? null,
      total,
      per1000: per1000(total, pop?.population),
      byCategory,
    };
  });
  const lpoTotals = [...new Set(rows.map((r) => r.lpoId))].map((lpoId) => {
    const members = rows.filter((r) => r.lpoId === lpoId);
    const known = members.every((m) => m.population !== null);
    const population = known ? members.reduce((s, m) => s + m.population!, 0) : null;
    const byCategory: Record<string, number> = {};
    for (const m of members)
      for (const [c, n] of Object.entries(m.byCategory)) byCategory[c] = (byCategory[c] ?? 0) + n;
    const total = members.reduce((s, m) => s + m.total, 0);
    const years = members.map((m) => m.populationYear).filter((y): y is number => y !== null);
    return {
      lpoId,
      kommunIds: members.map((m) => m.kommunId),
      population,
      populationYear: years.length ? Math.max(...years) : null,
      total,
      per1000: per1000(total, population),
      byCategory,
    };
  });
  return { rows, lpoTotals };
}

// ---------------------------------------------------------------------------------------------------
// Förändring

/** The period just before from..to: as many whole months when it is whole months, else as many days. */
export function previousPeriod(fromDay: string, toDay: string): DayRange {
  return periodBefore({ fromDay, toDay });
}

/** The same dates one year earlier (29 February becomes 28 February). */
export function sameTimeLastYear(fromDay: string, toDay: string): DayRange {
  return sameDatesLastYear({ fromDay, toDay });
}

/**
 * Each kommun × category: this period vs the comparison period, both counts and the change test. The
 * periods follow periods.ts: a period running past the latest data is cut there and compared with as many
 * days from the start of the other; `pinned` periods (a saved view) are used as they are.
 */
export function changeTable(
  db: Db,
  filter: IncidentFilter & { fromDay: string; toDay: string },
  compareWith: CompareWith = 'previous',
  options: { pinned?: { current: DayRange; previous: DayRange } | undefined; clock?: Date } = {},
): ChangeResult {
  const asOfDay = latestDataDay(db, localDay((options.clock ?? new Date()).toISOString()));
  const resolved = options.pinned
    ? pinnedPeriods(options.pinned, asOfDay)
    : comparePeriods({ fromDay: filter.fromDay, toDay: filter.toDay }, compareWith, asOfDay);
  const comparison = withGaps(db, { kommunIds: filter.kommunIds, lpoIds: filter.lpoIds }, resolved);
  const { current, previous } = comparison;
  if (comparison.rule === 'no_data') return { previous, current, comparison, rows: [] };
  const now = groupedCounts(db, { ...filter, ...current }, ['kommun_id', 'category']);
  const before = groupedCounts(db, { ...filter, ...previous }, ['kommun_id', 'category']);
  const keyed = new Map<string, { kommunId: number; category: string; current: number; previous: number }>();
  const at = (r: GroupedCount) => {
    const key = `${r.kommun_id}\u0001${r.category}`;
    let hit = keyed.get(key);
    if (!hit) keyed.set(key, (hit = { kommunId: r.kommun_id!, category: r.category!, current: 0, previous: 0 }));
    return hit;
  };
  for (const r of now) at(r).current = r.n;
  for (const r of before) at(r).previous = r.n;
  const rows = [...keyed.values()]
    .map((r) => ({ kommunId: r.kommunId, category: r.category, ...judgeChange(r.current, r.previous) }))
    .sort((a, b) => a.kommunId - b.kommunId || a.category.localeCompare(b.category));
  return { previous, current, comparison, rows };
}

// ---------------------------------------------------------------------------------------------------
// Trend

/** Counts per month or ISO week, kommun and category, within the filter's date range. */
export function trend(
  db: Db,
  filter: IncidentFilter & { fromDay: string; toDay: string },
  by: 'month' | 'week',
): TrendPoint[] {
  const points = new Map<string, TrendPoint>();
  const add = (period: string, fromDay: string, toDay: string, kommunId: number, category: string, n: number) => {
    const key = `${period}\u0001${kommunId}\u0001${category}`;
    const hit = points.get(key);
    if (hit) {
      hit.n += n;
      if (fromDay < hit.fromDay) hit.fromDay = fromDay;
      if (toDay > hit.toDay) hit.toDay = toDay;
    } else points.set(key, { period, fromDay, toDay, kommunId, category, n });
  };
  const clamp = (from: string, to: string): [string, string] => [
    from < filter.fromDay ? filter.fromDay : from,
    to > filter.toDay ? filter.toDay : to,
  ];
  /** Each week's days within the range, worked out once per week (not once per row). */
  const weekSpans = new Map<string, [string, string]>();
  for (const seg of by === 'month' ? rollupSegments(filter) : weekSegments(filter)) {
    for (const r of segmentRows(db, filter, seg, 'kommun_id, category', seg.table) as (GroupedCount &
      Record<string, string>)[]) {
      const time = r[seg.table]!;
      if (by === 'month') {
        const month = time.slice(0, 7);
        const [from, to] = clamp(`${month}-01`, monthEnd(month));
        add(month, from, to, r.kommun_id!, r.category!, r.n);
      } else {
        const label = seg.table === 'week' ? time : isoWeekLabel(time);
        let span = weekSpans.get(label);
        if (!span) {
          const monday = isoWeekMonday(label);
          span = clamp(monday, addDays(monday, 6));
          weekSpans.set(label, span);
        }
        add(label, span[0], span[1], r.kommun_id!, r.category!, r.n);
      }
    }
  }
  return [...points.values()].sort(
    (a, b) => a.period.localeCompare(b.period) || a.kommunId - b.kommunId || a.category.localeCompare(b.category),
  );
}

/** The Monday of an ISO week label ("2026-W01" → "2025-12-29"). */
export { isoWeekMonday };

/**
 * The range as pieces of the rollups for a weekly trend: whole ISO weeks from the week table, the partly
 * covered first and last weeks from the day table.
 */
export function weekSegments(filter: { fromDay: string; toDay: string }): RollupSegment[] {
  const between = (table: 'day' | 'week', from: string, to: string): RollupSegment => ({
    table,
    range: { op: 'between', from, to },
  });
  const firstWhole =
    filter.fromDay === isoMonday(filter.fromDay) ? filter.fromDay : addDays(isoMonday(filter.fromDay), 7);
  const lastWhole = addDays(isoMonday(addDays(filter.toDay, 1)), -1); // the last Sunday on or before toDay
  if (firstWhole > lastWhole) return [between('day', filter.fromDay, filter.toDay)];
  const out = [between('week', isoWeekLabel(firstWhole), isoWeekLabel(lastWhole))];
  if (filter.fromDay < firstWhole) out.push(between('day', filter.fromDay, addDays(firstWhole, -1)));
  if (lastWhole < filter.toDay) out.push(between('day', addDays(lastWhole, 1), filter.toDay));
  return out;
}
