/**
 * Which sources cover which days, from the day rollup (its partial index over days with events): per source
 * the first and last day with events in a period, the days with events and the events; the latest day per
 * source; the first day with any data for the area.
 */
import type { Db } from '../../db/connection';
import { SOURCES, type Source } from '../../../shared/domain';
import { groupedCounts } from '../../dashboards/queries';

export interface SourceCoverage {
  source: Source;
  firstDay: string;
  lastDay: string;
  days: number;
  n: number;
}

const inList = (ids: readonly number[]) => `kommun_id IN (${ids.map(() => '?').join(', ')})`;

/**
 * Per source with events in from..to for the kommuner: first and last day and days with events (the distinct
 * days and sources stream from the partial index in day order), and the events as the dashboards count them.
 */
export function sourceCoverage(db: Db, kommunIds: readonly number[], fromDay: string, toDay: string): SourceCoverage[] {
  if (kommunIds.length === 0) return [];
  const days = db
    .prepare(
      `SELECT source, min(day) AS firstDay, max(day) AS lastDay, count(*) AS days FROM (
         SELECT DISTINCT day, source FROM incident_rollup_day
         WHERE day BETWEEN ? AND ? AND n > 0 AND ${inList(kommunIds)}
       ) GROUP BY source ORDER BY source`,
    )
    .all(fromDay, toDay, ...kommunIds) as Omit<SourceCoverage, 'n'>[];
  const counts = new Map(
    groupedCounts(db, { kommunIds: [...kommunIds], fromDay, toDay }, ['source']).map((r) => [r.source as Source, r.n]),
  );
  return days.map((d) => ({ ...d, n: counts.get(d.source) ?? 0 }));
}

/** The latest day (not after `today`) with events from each source, for the kommuner (one index seek each). */
export function latestPerSource(db: Db, kommunIds: readonly number[], today: string): Map<Source, string> {
  const out = new Map<Source, string>();
  if (kommunIds.length === 0) return out;
  const latest = db
    .prepare(
      `SELECT day FROM incident_rollup_day WHERE source = ? AND day <= ? AND n > 0 AND ${inList(kommunIds)}
       ORDER BY day DESC LIMIT 1`,
    )
    .pluck();
  for (const source of SOURCES) {
    const day = latest.get(source, today, ...kommunIds) as string | undefined;
    if (day) out.set(source, day);
  }
  return out;
}

/** The first day with events for the kommuner (any source); null without any. */
export function firstDataDay(db: Db, kommunIds: readonly number[]): string | null {
  if (kommunIds.length === 0) return null;
  return (
    (db
      .prepare(`SELECT min(day) FROM incident_rollup_day WHERE n > 0 AND ${inList(kommunIds)}`)
      .pluck()
      .get(...kommunIds) as string | null) ?? null
  );
}
