/** What the map operations return: counts per kommun, place and kind of location, as on the map's table. */
import type { GridCell, MapLocation } from '../domain';

export interface PlaceCount {
  placeId: number;
  kommunId: number;
  name: string;
  /** WGS84; null when the place has no known position (listed beside the map, not drawn). */
  lat: number | null;
  lon: number | null;
  count: number;
}

/** Per kommun: every incident of the selection in exactly one of the three kinds of location. */
export interface KommunLocations {
  kommunId: number;
  total: number;
  byLocation: Record<MapLocation, number>;
  /** Of `plats`: those whose place has no position (not drawn). */
  atPlacesWithoutPosition: number;
}

export interface PlaceMapData {
  /** Places with a position and at least one incident, largest first. */
  places: PlaceCount[];
  /** Places without a position that have incidents in the selection. */
  withoutPosition: PlaceCount[];
  kommuner: KommunLocations[];
  totals: KommunLocations;
}

export interface HotspotCellData {
  /** The register's filter for exactly this cell's rows. */
  cell: GridCell;
  count: number;
  z: number;
  q: number;
  level: 95 | 99;
  /** Lower-left corner in SWEREF 99 TM (metres). */
  east: number;
  north: number;
  /** The four corners in WGS84 [lat, lon], counter-clockwise from the lower left. */
  corners: [number, number][];
}

export interface HotspotMapData {
  /** Incidents with an exact or place position in the selection (the points analysed). */
  points: number;
  /** Incidents at a named place without a position of their own: not analysed (the note says how many). */
  withoutOwnPosition: number;
  tested: number;
  params: { cellSize: number; distance: number };
  /** The method and its parameters in Swedish, stated on the map. */
  method: string;
  /** Marked cells only, highest z first. */
  cells: HotspotCellData[];
}
