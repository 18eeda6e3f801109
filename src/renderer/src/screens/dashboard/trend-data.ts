/**
 * The Trend dashboard's data shaping, pure: this period's points and last year's, one row per month or
 * week, one column per series. Last year's figure for a row is null (shown "saknas"), not 0, when the data
 * do not cover that row's dates a year earlier: nothing recorded is not the same as nothing happened.
 */
import type { TrendPoint } from '../../../../shared/dashboards';
import type { IncidentFilter } from '../../../../shared/domain';
import { sameDayLastYear } from '../../../../shared/calendar';

export interface Series {
  key: string;
  label: string;
  /** What narrows the selection to this series' rows. */
  narrower: IncidentFilter;
}

export interface TrendRow {
  period: string;
  fromDay: string;
  toDay: string;
  /** Per series key: this period's count. */
  n: Record<string, number>;
  /** Per series key: the same period a year earlier; null where the data do not reach back that far. */
  previous: Record<string, number | null>;
}

/** A week label a year on ("2025-W23" → "2026-W23"; a month "2025-06" → "2026-06"). */
const yearOn = (period: string) => `${Number(period.slice(0, 4)) + 1}${period.slice(4)}`;

/**
 * `firstDataDay`: the first day the selection has data for (null: none). A row whose dates a year
 * earlier begin before it has no last-year figure.
 */
export function shapeTrend(
  now: readonly TrendPoint[],
  before: readonly TrendPoint[],
  seriesOf: (p: TrendPoint) => Series,
  firstDataDay: string | null,
): { rows: TrendRow[]; series: Series[] } {
  const series = new Map<string, Series>();
  const rows = new Map<string, TrendRow>();
  for (const p of now) {
    const s = seriesOf(p);
    series.set(s.key, s);
    let row = rows.get(p.period);
    if (!row) rows.set(p.period, (row = { period: p.period, fromDay: p.fromDay, toDay: p.toDay, n: {}, previous: {} }));
    if (p.fromDay < row.fromDay) row.fromDay = p.fromDay;
    if (p.toDay > row.toDay) row.toDay = p.toDay;
    row.n[s.key] = (row.n[s.key] ?? 0) + p.n;
  }
  for (const p of before) {
    const row = rows.get(yearOn(p.period));
    if (!row) continue;
    const s = seriesOf(p);
    if (!series.has(s.key)) series.set(s.key, s);
    row.previous[s.key] = (row.previous[s.key] ?? 0) + p.n;
  }
  const ordered = [...series.values()].sort((a, b) => a.label.localeCompare(b.label, 'sv'));
  for (const row of rows.values()) {
    const covered = firstDataDay !== null && sameDayLastYear(row.fromDay) >= firstDataDay;
    for (const s of ordered) row.previous[s.key] = covered ? (row.previous[s.key] ?? 0) : null;
  }
  return { rows: [...rows.values()].sort((a, b) => a.period.localeCompare(b.period)), series: ordered };
}
