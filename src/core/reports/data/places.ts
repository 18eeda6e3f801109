/**
 * Places in a period for a report: the places with most events per kommun and the places new in the period
 * (events in it, none in the NEW_PLACE_LOOKBACK_DAYS days before it, as the EST-lägesbild defines them).
 * Places are not a rollup dimension: like the EST-lägesbild, this reads the incident table through its
 * (kommun_id, occurred_at) index, one kommun at a time, and counts exactly what the register's place filter
 * selects (`place_name` equal, the day range in local time).
 */
import type { Db } from '../../db/connection';
import { addDays } from '../../../shared/calendar';
import { NEW_PLACE_LOOKBACK_DAYS, placeCategoryCounts } from '../../dashboards/est';

export interface PlaceCount {
  kommunId: number;
  placeName: string;
  n: number;
  /** Events per category at the place, largest first. */
  categories: { category: string; n: number }[];
}

const byCount = (a: PlaceCount, b: PlaceCount) => b.n - a.n || a.placeName.localeCompare(b.placeName, 'sv');

/** Every named place of the kommun with events in from..to, most events first. */
export function placeCounts(db: Db, kommunId: number, fromDay: string, toDay: string): PlaceCount[] {
  const places = new Map<string, PlaceCount>();
  for (const r of placeCategoryCounts(db, kommunId, fromDay, toDay)) {
    let p = places.get(r.place_name);
    if (!p) places.set(r.place_name, (p = { kommunId, placeName: r.place_name, n: 0, categories: [] }));
    p.n += r.n;
    p.categories.push({ category: r.category, n: r.n });
  }
  for (const p of places.values()) p.categories.sort((a, b) => b.n - a.n || a.category.localeCompare(b.category));
  return [...places.values()].sort(byCount);
}

/** Places with events in from..to and none in the NEW_PLACE_LOOKBACK_DAYS days before `fromDay`. */
export function newPlaces(db: Db, kommunId: number, fromDay: string, inPeriod: readonly PlaceCount[]): PlaceCount[] {
  const before = new Set(
    placeCategoryCounts(db, kommunId, addDays(fromDay, -NEW_PLACE_LOOKBACK_DAYS), addDays(fromDay, -1)).map(
      (r) => r.place_name,
    ),
  );
  return inPeriod.filter((p) => !before.has(p.placeName)).sort(byCount);
}

export { NEW_PLACE_LOOKBACK_DAYS };
