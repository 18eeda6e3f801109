/**
 * When events happen: counts per local weekday and hour over a period. The rollups have days, not hours,
 * so this reads the incident table's (kommun_id, occurred_at) index only (no table rows): counts per UTC
 * hour in SQL, then each distinct hour (at most 24 a day) is moved to Stockholm time here.
 */
import type { Db } from '../../db/connection';
import { addDays } from '../../../shared/calendar';
import { localDayStartUtc, stockholmOffsetHours } from '../../../shared/time';

export const WEEKDAYS = ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'];

/** `counts[weekday][hour]`, Monday = 0, local (Stockholm) time; and the total. */
export interface WeekdayHour {
  counts: number[][];
  total: number;
}

export function weekdayHour(db: Db, kommunIds: readonly number[], fromDay: string, toDay: string): WeekdayHour {
  const counts = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  let total = 0;
  if (kommunIds.length === 0) return { counts, total };
  const rows = db
    .prepare(
      `SELECT substr(occurred_at, 1, 13) AS hour, count(*) AS n FROM incident
       WHERE kommun_id IN (${kommunIds.map(() => '?').join(', ')}) AND occurred_at >= ? AND occurred_at < ?
       GROUP BY hour`,
    )
    .all(...kommunIds, localDayStartUtc(fromDay), localDayStartUtc(addDays(toDay, 1))) as {
    hour: string;
    n: number;
  }[];
  for (const r of rows) {
    const ms = Date.parse(`${r.hour}:00:00Z`);
    const local = new Date(ms + stockholmOffsetHours(ms) * 3600_000);
    const weekday = (local.getUTCDay() + 6) % 7;
    counts[weekday]![local.getUTCHours()]! += r.n;
    total += r.n;
  }
  return { counts, total };
}
