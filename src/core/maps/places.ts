/**
 * Counts for the place map in one pass over the selection's incidents: per kommun, per kind of location
 * (named place, position without a name, only the kommun) and per place. A kommun-precision position is
 * the kommun's centre: it counts for the kommun and never becomes a point (LOCATION_SQL).
 */
import type { Db } from '../db/connection';
import { LOCATION_SQL, whereForFilter } from '../db/incident-query';
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
  const rows = db
    .prepare(
      `SELECT kommun_id AS kommunId,
              CASE WHEN ${LOCATION_SQL.kommun} THEN 'kommun' WHEN place_name <> '' THEN 'plats' ELSE 'position' END AS loc,
              CASE WHEN ${LOCATION_SQL.plats} THEN place_id END AS placeId,
              count(*) AS n
         FROM incident WHERE ${where.sql}
        GROUP BY 1, 2, 3`,
    )
    .all(...where.params) as { kommunId: number; loc: MapLocation; placeId: number | null; n: number }[];

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
