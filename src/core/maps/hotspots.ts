/**
 * Hotspots of the selection: the incidents with an exact or place position, projected to SWEREF 99 TM,
 * counted on a grid and tested with Getis-Ord Gi* and a Benjamini–Hochberg correction
 * (src/shared/geo/hotspots.ts). Each marked cell carries its corners in WGS84 for drawing and the grid
 * coordinates the register's `cell` filter selects its rows by.
 */
import type { Db } from '../db/types';
import { HOTSPOT_POINTS_SQL, LOCATION_SQL, whereForFilter } from '../db/incident-query';
import { AppError } from '../../shared/errors';
import type { IncidentFilter } from '../../shared/domain';
import { findHotspots, hotspotMethodText, type HotspotParams } from '../../shared/geo/hotspots';
import { fromSweref99tm, projectMany } from '../../shared/geo/sweref99tm';
import type { HotspotMapData } from '../../shared/maps/data';

/** The selection's positions, read in one aggregate (no object or array per row). */
function positions(db: Db, filter: IncidentFilter): { lats: Float64Array; lons: Float64Array } {
  const where = whereForFilter(filter);
  const blob = db
    .prepare(`SELECT positions_blob(lat, lon) FROM incident WHERE ${where.sql} AND ${HOTSPOT_POINTS_SQL}`)
    .pluck()
    .get(...where.params) as Buffer | null;
  const n = blob ? blob.byteLength / 16 : 0;
  const pairs = blob ? new Float64Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength)) : null;
  const lats = new Float64Array(n);
  const lons = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lats[i] = pairs![2 * i]!;
    lons[i] = pairs![2 * i + 1]!;
  }
  return { lats, lons };
}

export function hotspotData(db: Db, filter: IncidentFilter, params: Partial<HotspotParams> = {}): HotspotMapData {
  const { lats, lons } = positions(db, filter);
  const { east, north } = projectMany(lats, lons);
  let result;
  try {
    result = findHotspots(east, north, params);
  } catch (err) {
    throw new AppError('validation', err instanceof Error ? err.message : String(err));
  }
  const size = result.params.cellSize;
  const corner = (x: number, y: number): [number, number] => {
    const p = fromSweref99tm(y, x);
    return [p.lat, p.lon];
  };
  const where = whereForFilter(filter);
  const withoutOwnPosition = db
    .prepare(`SELECT count(*) FROM incident WHERE ${where.sql} AND ${LOCATION_SQL.plats} AND lat IS NULL`)
    .pluck()
    .get(...where.params) as number;
  return {
    points: result.points,
    withoutOwnPosition,
    tested: result.tested,
    params: result.params,
    method: `${hotspotMethodText(result.params, result.tested)} Bara rutor med minst en händelse markeras.`,
    // Gi* sums a cell's neighbourhood, so an empty cell beside a busy one can test significant too; a
    // marked cell that opens an empty register would say more than the data: only cells with incidents.
    cells: result.cells
      .filter((c) => c.count > 0)
      .map((c) => ({
        cell: { size, originX: result.originX, originY: result.originY, col: c.col, row: c.row },
        count: c.count,
        z: c.z,
        q: c.q,
        level: c.level === 99 ? 99 : 95,
        east: c.x0,
        north: c.y0,
        corners: [
          corner(c.x0, c.y0),
          corner(c.x0 + size, c.y0),
          corner(c.x0 + size, c.y0 + size),
          corner(c.x0, c.y0 + size),
        ],
      })),
  };
}
