/**
 * The frame of a map: a transverse Mercator on 15° E (the projection SWEREF 99 TM uses, so shapes and
 * distances look as they do on Lantmäteriet's maps) fitted to the kommuner in focus, with the kommuner
 * around them drawn for orientation. Coordinates are rounded to 0.1 px to keep the SVG small.
 */
import { geoPath, geoTransverseMercator, type GeoProjection } from 'd3-geo';
import { kommunFeatures, type KommunFeature } from './boundaries';

/** A kommun in focus without data of its own to colour it, and the kommuner around the focus. */
export const FOCUS_FILL = '#f7f7f7';
export const CONTEXT_FILL = '#e4e4e4';

export interface FrameArea {
  /** SCB kommunkod. */
  code: string;
  name: string;
  /** SVG path data in the frame's pixels. */
  d: string;
  /** In the selection (drawn with data) or around it (grey, for orientation). */
  focus: boolean;
  /** Where a label can sit (the area's centroid in pixels). */
  labelAt: [number, number];
}

export interface MapFrame {
  width: number;
  height: number;
  areas: FrameArea[];
  /** Pixel position of a WGS84 point, or null when it falls outside the frame. */
  project(lat: number, lon: number): [number, number] | null;
}

export interface FrameOptions {
  width?: number;
  height?: number;
  /** Room kept around the focus, in px. */
  pad?: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function fitted(focus: KommunFeature[], width: number, height: number, pad: number): GeoProjection {
  const projection = geoTransverseMercator().rotate([-15, 0]);
  projection.fitExtent(
    [
      [pad, pad],
      [width - pad, height - pad],
    ],
    { type: 'FeatureCollection', features: focus },
  );
  return projection;
}

/**
 * The frame a fitted projection draws: every kommun in view (clipped to the frame), the focus on top, and
 * a projector for points. `labelAt` places a kommun's name (default: its centroid).
 */
export function frameOf(
  projection: GeoProjection,
  width: number,
  height: number,
  isFocus: (code: string) => boolean,
  labelAt?: (code: string) => [number, number],
): MapFrame {
  projection.clipExtent([
    [0, 0],
    [width, height],
  ]);
  const path = geoPath(projection).digits(1);
  const areas: FrameArea[] = [];
  for (const f of kommunFeatures()) {
    const [[x0, y0], [x1, y1]] = path.bounds(f);
    // Areas wholly outside the frame are left out: they would only add bytes.
    if (!(x1 >= 0 && y1 >= 0 && x0 <= width && y0 <= height)) continue;
    const d = path(f);
    if (!d) continue;
    const [cx, cy] = path.centroid(f);
    const at = labelAt?.(f.id) ?? [round1(cx), round1(cy)];
    areas.push({ code: f.id, name: f.properties.name, d, focus: isFocus(f.id), labelAt: at });
  }
  // Context first, focus on top: the focus outlines are never hidden under a neighbour's.
  areas.sort((a, b) => Number(a.focus) - Number(b.focus));
  return {
    width,
    height,
    areas,
    project(lat, lon) {
      const p = projection([lon, lat]);
      if (!p) return null;
      const [x, y] = p;
      return x >= 0 && y >= 0 && x <= width && y <= height ? [round1(x), round1(y)] : null;
    },
  };
}

/** A frame around the kommuner with these SCB codes (all of Sweden when none is known). */
export function mapFrame(focusCodes: readonly string[], options: FrameOptions = {}): MapFrame {
  const width = options.width ?? 640;
  const height = options.height ?? 520;
  const pad = options.pad ?? 24;
  const all = kommunFeatures();
  const wanted = new Set(focusCodes);
  const focus = all.filter((f) => wanted.has(f.id));
  return frameOf(fitted(focus.length > 0 ? focus : all, width, height, pad), width, height, (c) => wanted.has(c));
}
