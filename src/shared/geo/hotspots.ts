/**
 * Hot spots for maps: points (already in metres, SWEREF 99 TM) are counted on a square grid, each cell
 * gets a Getis-Ord Gi* z-score over its neighbourhood, and the two-sided p-values of all cells are
 * corrected for multiple testing with Benjamini–Hochberg (false discovery rate). A cell is a hot spot
 * where z > 0 and q ≤ 0.05 (95 %) or q ≤ 0.01 (99 %).
 *
 * Study area: every cell of the grid that covers the points' bounding box, empty cells included. The
 * grid origin is floor(min / cellSize) · cellSize in each direction, so cell edges fall on multiples of
 * the cell size; a point exactly on an edge belongs to the cell whose lower-left corner it is.
 */
import { formatDecimal1, formatInteger } from '../format';
import { benjaminiHochberg, benjaminiHochbergOfSmallest } from './fdr';
import { giStar, neighbourhoodOffsets, twoSidedP } from './gi-star';

export { benjaminiHochberg, giStar };
export { erfc, neighbourhoodOffsets, normalCdf, twoSidedP } from './gi-star';

/** Cell size and neighbour distance, both in metres. */
export interface HotspotParams {
  cellSize: number;
  distance: number;
}

export const DEFAULT_HOTSPOT_PARAMS: HotspotParams = Object.freeze({ cellSize: 250, distance: 500 });

/** Largest grid (cols × rows) analysed; beyond this the memory and time are not worth it. */
export const MAX_HOTSPOT_CELLS = 4_000_000;

export interface HotspotCell {
  /** Grid indices from the grid origin. */
  col: number;
  row: number;
  /** The cell's lower-left corner in metres (east, north), same units as the input. */
  x0: number;
  y0: number;
  /** Points in the cell. */
  count: number;
  /** Gi* z-score. */
  z: number;
  /** Two-sided p from the standard normal. */
  p: number;
  /** Benjamini–Hochberg q-value over all tested cells. */
  q: number;
  /** 99 where q ≤ 0.01, 95 where q ≤ 0.05 (always with z > 0). */
  level: 0 | 95 | 99;
}

export interface HotspotResult {
  /** Only the hot spots (level > 0), highest z first. */
  cells: HotspotCell[];
  /** Cells in the study area: all cells of the grid over the points' bounding box, empty ones included. */
  tested: number;
  /** Points placed on the grid (points with a non-finite coordinate are left out). */
  points: number;
  cols: number;
  rows: number;
  originX: number;
  originY: number;
  params: HotspotParams;
  /**
   * For each input point, its cell as row · cols + col, or −1 for a point left out (non-finite
   * coordinate). Lets the caller select the rows behind a hot spot without recomputing.
   */
  cellIds: Int32Array;
}

function resolveParams(params?: Partial<HotspotParams>): HotspotParams {
  return {
    cellSize: params?.cellSize ?? DEFAULT_HOTSPOT_PARAMS.cellSize,
    distance: params?.distance ?? DEFAULT_HOTSPOT_PARAMS.distance,
  };
}

/** The cell a coordinate falls in (may lie outside 0..cols−1 / 0..rows−1 for a point outside the area). */
export function cellOf(result: HotspotResult, east: number, north: number): { col: number; row: number } {
  const size = result.params.cellSize;
  return {
    col: Math.floor((east - result.originX) / size),
    row: Math.floor((north - result.originY) / size),
  };
}

/**
 * Gi* hot spots of the points (east[i], north[i]) in metres. Throws an Error with a Swedish message when
 * the grid would have more than MAX_HOTSPOT_CELLS cells or the parameters are not positive numbers.
 */
export function findHotspots(east: Float64Array, north: Float64Array, params?: Partial<HotspotParams>): HotspotResult {
  const p = resolveParams(params);
  const offsets = neighbourhoodOffsets(p.cellSize, p.distance); // validates the parameters too
  if (east.length !== north.length) throw new Error('findHotspots: east and north differ in length');
  const size = p.cellSize;
  const total = east.length;
  const cellIds = new Int32Array(total).fill(-1);

  let minE = Infinity;
  let minN = Infinity;
  let maxE = -Infinity;
  let maxN = -Infinity;
  let points = 0;
  for (let i = 0; i < total; i++) {
    const e = east[i]!;
    const nn = north[i]!;
    if (!Number.isFinite(e) || !Number.isFinite(nn)) continue;
    points++;
    if (e < minE) minE = e;
    if (e > maxE) maxE = e;
    if (nn < minN) minN = nn;
    if (nn > maxN) maxN = nn;
  }
  const empty: HotspotResult = {
    cells: [],
    tested: 0,
    points: 0,
    cols: 0,
    rows: 0,
    originX: 0,
    originY: 0,
    params: p,
    cellIds,
  };
  if (points === 0) return empty;

  const originX = Math.floor(minE / size) * size;
  const originY = Math.floor(minN / size) * size;
  const cols = Math.floor((maxE - originX) / size) + 1;
  const rows = Math.floor((maxN - originY) / size) + 1;
  if (cols * rows > MAX_HOTSPOT_CELLS) {
    throw new Error(
      `Området är för stort för rutnätet: ${formatInteger(cols * rows)} rutor om ${formatInteger(size)} m ` +
        `(högst ${formatInteger(MAX_HOTSPOT_CELLS)}). Välj ett mindre område eller större rutor.`,
    );
  }

  const n = cols * rows;
  const counts = new Float64Array(n);
  for (let i = 0; i < total; i++) {
    const e = east[i]!;
    const nn = north[i]!;
    if (!Number.isFinite(e) || !Number.isFinite(nn)) continue;
    // Same arithmetic as cellOf; the clamps only guard against rounding at the edges.
    const c = Math.max(0, Math.min(cols - 1, Math.floor((e - originX) / size)));
    const r = Math.max(0, Math.min(rows - 1, Math.floor((nn - originY) / size)));
    const id = r * cols + c;
    cellIds[i] = id;
    counts[id]!++;
  }

  const z = giStar(counts, cols, rows, offsets);

  // BH over all n cells, but only cells with p ≤ 0.05 can reach q ≤ 0.05: sort just those.
  const candidates: number[] = [];
  const candidateP: number[] = [];
  for (let i = 0; i < n; i++) {
    const zi = z[i]!;
    if (Math.abs(zi) < 1.9) continue; // p > 0.057: cannot be a candidate, skip the erfc
    const pi = twoSidedP(zi);
    if (pi <= 0.05) {
      candidates.push(i);
      candidateP.push(pi);
    }
  }
  const q = benjaminiHochbergOfSmallest(candidateP, n);

  const cells: HotspotCell[] = [];
  for (let k = 0; k < candidates.length; k++) {
    const i = candidates[k]!;
    const zi = z[i]!;
    const qi = q[k]!;
    if (!(zi > 0) || qi > 0.05) continue;
    const col = i % cols;
    const row = (i - col) / cols;
    cells.push({
      col,
      row,
      x0: originX + col * size,
      y0: originY + row * size,
      count: counts[i]!,
      z: zi,
      p: candidateP[k]!,
      q: qi,
      level: qi <= 0.01 ? 99 : 95,
    });
  }
  cells.sort((a, b) => b.z - a.z || a.row - b.row || a.col - b.col);

  return { cells, tested: n, points, cols, rows, originX, originY, params: p, cellIds };
}

const metres = (v: number) => (Number.isInteger(v) ? formatInteger(v) : formatDecimal1(v));

/** The method in Swedish, for the map's caption and the report's method note. */
export function hotspotMethodText(params: HotspotParams, tested: number): string {
  return (
    `Getis-Ord Gi* på ett rutnät i SWEREF 99 TM, rutor om ${metres(params.cellSize)} m, ` +
    `grannar inom ${metres(params.distance)} m, korrigerat för många test ` +
    `(Benjamini–Hochberg, FDR). Markerat där resultatet är signifikant på 95 % eller 99 % nivå. ` +
    `${formatInteger(tested)} ${tested === 1 ? 'ruta testad' : 'rutor testade'}.`
  );
}
