/** What the map operations return: counts per kommun, place and kind of location, as on the map's table. */
import type { MapLocation } from '../domain';

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
