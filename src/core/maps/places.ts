/**
 * Counts for the place map in one pass over the selection's incidents: per kommun, per kind of location
 * (named place, position without a name, only the kommun) and per place. A kommun-precision position is
 * the kommun's centre: it counts for the kommun and never becomes a point (LOCATION_SQL).
 */
import type { Db } from '../db/connection';
import type { LocationCountRow } from '../db/sql-functions';
import { whereForFilter } from '../db/incident-query';
import type { IncidentFilter, MapLocation } from '../../shared/domain';
import type { KommunLocations, PlaceCount, PlaceMapData } from '../../shared/maps/data';

const emptyLocations = (kommunId: number): KommunLocations => ({
  kommunId,
  total: 0,
  byLocation: { plats: 0, position: 0, kommun: 0 },
  atPlacesWithoutPosition: 0,
});

export function placeMapData(db: Db, filter: IncidentFilter): PlaceMapData {
  const where = whereForFilter(filter);
  const json = db
    .prepare(
      `SELECT location_counts(kommun_id, place_id, precision IS 'kommun', lat IS NULL) FROM incident WHERE ${where.sql}`,
    )
    .pluck()
    .get(...where.params) as string | null;
  const groups = (JSON.parse(json ?? '[]') as LocationCountRow[]).map(
    ([kommunId, placeId, atKommun, noPosition, n]) => ({
      kommunId,
      placeId,
      atKommun,
      noPosition,
      n,
    }),
  );
  // The same split as LOCATION_SQL, which the register's `location` filter uses; one row per kommun, kind
  // and place (a place's incidents with and without their own position are one place).
  const merged = new Map<string, { kommunId: number; n: number; loc: MapLocation; placeId: number | null }>();
  for (const g of groups) {
    const loc: MapLocation =
      g.atKommun || (g.placeId === null && g.noPosition) ? 'kommun' : g.placeId !== null ? 'plats' : 'position';
    const placeId = loc === 'plats' ? g.placeId : null;
    const key = `${g.kommunId}|${loc}|${placeId ?? ''}`;
    const row = merged.get(key);
    if (row) row.n += g.n;
    else merged.set(key, { kommunId: g.kommunId, n: g.n, loc, placeId });
  }
  const rows = [...merged.values()];

  const placeIds = [...new Set(rows.flatMap((r) => (r.placeId === null ? [] : [r.placeId])))];
  const placeInfo = new Map<number, { name: string; lat: number | null; lon: number | null }>();
  const lookup = db.prepare('SELECT id, name, lat, lon FROM place WHERE id = ?');
  for (const id of placeIds) {
    const p = lookup.get(id) as { id: number; name: string; lat: number | null; lon: number | null } | undefined;
    if (p) placeInfo.set(id, p);
  }

  const kommuner = new Map<number, KommunLocations>();
  const totals = emptyLocations(0);
  const places: PlaceCount[] = [];
  const withoutPosition: PlaceCount[] = [];
  for (const r of rows) {
    let k = kommuner.get(r.kommunId);
    if (!k) kommuner.set(r.kommunId, (k = emptyLocations(r.kommunId)));
    for (const t of [k, totals]) {
      t.total += r.n;
      t.byLocation[r.loc] += r.n;
    }
    if (r.loc !== 'plats') continue;
    const info = r.placeId === null ? undefined : placeInfo.get(r.placeId);
    const positioned = info !== undefined && info.lat !== null && info.lon !== null;
    const entry: PlaceCount = {
      placeId: r.placeId ?? 0,
      kommunId: r.kommunId,
      name: info?.name ?? '',
      lat: positioned ? info.lat : null,
      lon: positioned ? info.lon : null,
      count: r.n,
    };
    if (positioned) places.push(entry);
    else {
      withoutPosition.push(entry);
      k.atPlacesWithoutPosition += r.n;
      totals.atPlacesWithoutPosition += r.n;
    }
  }
  const byCount = (a: PlaceCount, b: PlaceCount) => b.count - a.count || a.name.localeCompare(b.name, 'sv');
  return {
    places: places.sort(byCount),
    withoutPosition: withoutPosition.sort(byCount),
    kommuner: [...kommuner.values()].sort((a, b) => a.kommunId - b.kommunId),
    totals,
  };
}
