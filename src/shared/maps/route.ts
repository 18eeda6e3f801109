/**
 * A trygghetsvandring's route on the map: its places in order as one path through those with a position,
 * a numbered stop per place (the circle's area grows with the walk's observations there), and a note
 * naming the places on the route that have no position yet (typed in beside the map). The frame fits the
 * stops with a position (a stop over the kommun border included), so no typed position disappears unseen.
 */
import { geoTransverseMercator } from 'd3-geo';
import { formatCount } from '../format';
import { BOUNDARY_ATTRIBUTION } from './boundaries';
import { CONTEXT_FILL, FOCUS_FILL, frameOf, mapFrame, type FrameOptions, type MapFrame } from './frame';
import { symbolRadius } from './places';
import type { LegendItem, MapSpec, MapSymbol } from './spec';

export const ROUTE_FILL = '#6a3d9a';
/** A stop's circle is never smaller than this (its number must be readable and clickable). */
const STOP_R_MIN = 7;
const STOP_R_MAX = 14;

export interface RoutePlace {
  name: string;
  lat: number | null;
  lon: number | null;
}

export interface WalkRouteInput {
  /** SCB kommunkod of the walk's kommun. */
  kommunCode: string;
  /** The walk's places in route order. */
  places: readonly RoutePlace[];
  observationsByPlace: ReadonlyMap<string, number>;
  title: string;
}

export interface RouteStop extends RoutePlace {
  /** 1-based number in the route. */
  no: number;
  observations: number;
}

const positioned = (p: RoutePlace): p is RoutePlace & { lat: number; lon: number } =>
  p.lat !== null && p.lon !== null && Number.isFinite(p.lat) && Number.isFinite(p.lon);

/** The stops of a route with their numbers and observation counts (the map's table). */
export function routeStops(input: Pick<WalkRouteInput, 'places' | 'observationsByPlace'>): RouteStop[] {
  return input.places.map((p, i) => ({
    ...p,
    no: i + 1,
    observations: input.observationsByPlace.get(p.name) ?? 0,
  }));
}

export function stopRadius(observations: number, max: number): number {
  const r = max > 0 ? symbolRadius(observations, max) * (STOP_R_MAX / 24) : STOP_R_MIN;
  return Math.round(Math.max(STOP_R_MIN, r) * 10) / 10;
}

const iakttagelser = (n: number) => formatCount(n, 'iakttagelse', 'iakttagelser');

/** The smallest stretch of ground a route map shows (km): a walk's stops are a few hundred metres apart. */
const MIN_SPAN_KM = 4;

/**
 * The route's frame: fitted to its stops with a position (at least MIN_SPAN_KM across, so stops a few
 * hundred metres apart stay apart), or to the kommun while no stop has one. Kommun outlines are drawn
 * around it; the kommun's name sits at the top, clear of the stops.
 */
export function routeFrame(
  kommunCode: string,
  points: readonly { lat: number; lon: number }[],
  options: FrameOptions = {},
): MapFrame {
  if (points.length === 0) return mapFrame([kommunCode], options);
  const width = options.width ?? 640;
  const height = options.height ?? 520;
  const pad = options.pad ?? 36;
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const midLon = (Math.min(...lons) + Math.max(...lons)) / 2;
  const halfLat = Math.max((Math.max(...lats) - Math.min(...lats)) / 2, MIN_SPAN_KM / 2 / 111.2);
  const halfLon = Math.max(
    (Math.max(...lons) - Math.min(...lons)) / 2,
    MIN_SPAN_KM / 2 / (111.2 * Math.cos((midLat * Math.PI) / 180)),
  );
  const projection = geoTransverseMercator().rotate([-15, 0]);
  projection.fitExtent(
    [
      [pad, pad],
      [width - pad, height - pad],
    ],
    {
      type: 'MultiPoint',
      coordinates: [
        [midLon - halfLon, midLat - halfLat],
        [midLon + halfLon, midLat + halfLat],
      ],
    },
  );
  return frameOf(
    projection,
    width,
    height,
    (code) => code === kommunCode,
    () => [width / 2, 18],
  );
}

export function walkRouteSpec(input: WalkRouteInput, options: FrameOptions = {}): MapSpec {
  const stops = routeStops(input);
  const withPosition = input.places.filter(positioned);
  const frame = routeFrame(input.kommunCode, withPosition, options);
  const areas = frame.areas.map((a) => ({
    ...a,
    focus: a.code === input.kommunCode,
    fill: a.code === input.kommunCode ? FOCUS_FILL : CONTEXT_FILL,
  }));
  // Focus on top, as in the frame (neighbours the frame widened to are context again).
  areas.sort((a, b) => Number(a.focus) - Number(b.focus));

  const max = Math.max(0, ...stops.map((s) => s.observations));
  const symbols: MapSymbol[] = [];
  const path: string[] = [];
  const outside: string[] = [];
  for (const stop of stops) {
    if (!positioned(stop)) continue;
    const at = frame.project(stop.lat, stop.lon);
    if (!at) {
      outside.push(stop.name);
      continue;
    }
    path.push(`${path.length === 0 ? 'M' : 'L'}${at[0]} ${at[1]}`);
    symbols.push({
      key: `stop-${stop.no}`,
      x: at[0],
      y: at[1],
      r: stopRadius(stop.observations, max),
      label: `${stop.no}. ${stop.name}: ${iakttagelser(stop.observations)}`,
      text: String(stop.no),
      fill: ROUTE_FILL,
    });
  }

  const missing = stops.filter((s) => !positioned(s)).map((s) => s.name);
  const notes: string[] = [];
  if (missing.length > 0) notes.push(`Saknar position: ${missing.join(', ')} — ange koordinater nedan.`);
  if (outside.length > 0) notes.push(`Utanför kartans utsnitt: ${outside.join(', ')}.`);
  const legend: LegendItem[] =
    max > 0
      ? [...new Set([max, 1])].map((n) => ({ radius: stopRadius(n, max), color: ROUTE_FILL, label: iakttagelser(n) }))
      : [{ radius: STOP_R_MIN, color: ROUTE_FILL, label: 'Stopp (inga iakttagelser än)' }];
  const drawn = symbols.length;
  return {
    width: frame.width,
    height: frame.height,
    title: input.title,
    desc:
      drawn === 0
        ? `Rutten har ${formatCount(stops.length, 'stopp', 'stopp')}, inget med känd position.`
        : `Rutten genom ${formatCount(drawn, 'stopp', 'stopp')} med känd position, i ordning; cirkelns yta visar antalet iakttagelser.`,
    areas,
    route: path.length > 1 ? path.join(' ') : undefined,
    // Larger first, so small stops stay on top and clickable.
    symbols: symbols.sort((a, b) => b.r - a.r),
    legendTitle: 'Iakttagelser per stopp (cirkelns yta)',
    legend,
    notes,
    attribution: BOUNDARY_ATTRIBUTION,
  };
}
