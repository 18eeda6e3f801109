/**
 * Getis-Ord Gi* on a square grid of counts (Getis & Ord 1992, Ord & Getis 1995), and the normal tail
 * it is read against. Pure and dependency-free; typed arrays throughout so a few hundred thousand cells
 * take milliseconds.
 */

/** A neighbour as a grid offset: [dCol, dRow]. */
export type GridOffset = [number, number];

/** More offsets than this means a distance far too large for the cell size (the sums would crawl). */
const MAX_OFFSETS = 10_000;

/**
 * Every offset whose cell centre lies within `distance` of the centre cell, the cell itself included
 * (binary weights, w_ii = 1 as Gi* has it). 250 m cells and 500 m distance → 13 offsets.
 */
export function neighbourhoodOffsets(cellSize: number, distance: number): GridOffset[] {
  if (!(cellSize > 0) || !Number.isFinite(cellSize) || !(distance >= 0) || !Number.isFinite(distance)) {
    throw new Error('Rutstorlek och grannavstånd måste vara positiva tal.');
  }
  const reach = Math.floor(distance / cellSize + 1e-9);
  // Centres on the circle count as inside; the small slack absorbs rounding in distance / cellSize.
  const limit = (distance / cellSize) ** 2 * (1 + 1e-12);
  const offsets: GridOffset[] = [];
  for (let dr = 0 - reach; dr <= reach; dr++) {
    for (let dc = 0 - reach; dc <= reach; dc++) {
      if (dc * dc + dr * dr <= limit) offsets.push([dc, dr]);
    }
  }
  if (offsets.length > MAX_OFFSETS) {
    throw new Error('Grannavståndet är för stort i förhållande till rutstorleken.');
  }
  return offsets;
}

/**
 * Gi* z-score per cell of a `cols` × `rows` grid (row-major: index = row * cols + col).
 *
 * G*_i = (Σ_j w_ij x_j − X̄ Σ_j w_ij) / (S · √((n Σ_j w_ij² − (Σ_j w_ij)²) / (n − 1))),
 * with X̄ and S = √(Σx²/n − X̄²) over all n cells. Weights are binary (w² = w), taken from
 * `neighbourhood` (which should include [0, 0]); neighbours outside the grid do not exist, so Σw is
 * smaller at the edge. If S = 0 (every cell equal) or the neighbourhood covers the whole grid, z = 0.
 */
export function giStar(
  counts: Float64Array,
  cols: number,
  rows: number,
  neighbourhood: ReadonlyArray<readonly [number, number]>,
): Float64Array {
  const n = cols * rows;
  if (counts.length !== n) throw new Error(`giStar: ${counts.length} counts for a ${cols}×${rows} grid`);
  const z = new Float64Array(n);
  if (n < 2) return z;

  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const x = counts[i]!;
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / n;
  const meanSq = sumSq / n;
  const variance = meanSq - mean * mean;
  // Equal cells give exactly 0 for integer counts; the relative guard catches rounding dust otherwise.
  if (!(variance > meanSq * 1e-14)) return z;
  const s = Math.sqrt(variance);

  // Neighbourhood sums offset by offset over the rows/columns where the neighbour exists: no branch
  // per cell, and the inner loop walks memory in order.
  const sumX = new Float64Array(n);
  const sumW = new Float64Array(n);
  for (const [dc, dr] of neighbourhood) {
    const r0 = Math.max(0, -dr);
    const r1 = Math.min(rows, rows - dr);
    const c0 = Math.max(0, -dc);
    const c1 = Math.min(cols, cols - dc);
    if (r0 >= r1 || c0 >= c1) continue;
    const shift = dr * cols + dc;
    for (let r = r0; r < r1; r++) {
      const base = r * cols;
      for (let i = base + c0, end = base + c1; i < end; i++) {
        sumX[i]! += counts[i + shift]!;
        sumW[i]! += 1;
      }
    }
  }

  for (let i = 0; i < n; i++) {
    const w = sumW[i]!;
    const spread = (n * w - w * w) / (n - 1);
    z[i] = spread > 0 ? (sumX[i]! - mean * w) / (s * Math.sqrt(spread)) : 0;
  }
  return z;
}

/** Numerical Recipes' erfcc coefficients, lowest power of t first. */
const ERFC_COEFFICIENTS = [
  -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223,
  0.17087277,
];

/**
 * Complementary error function, Chebyshev fit from Numerical Recipes (erfcc): fractional error below
 * 1.2e-7 everywhere, tails included (no cancellation as with 1 − erf).
 */
export function erfc(x: number): number {
  const a = Math.abs(x);
  const t = 1 / (1 + 0.5 * a);
  let poly = 0;
  for (let k = ERFC_COEFFICIENTS.length - 1; k >= 0; k--) poly = poly * t + ERFC_COEFFICIENTS[k]!;
  const r = t * Math.exp(-a * a + poly);
  return x >= 0 ? r : 2 - r;
}

/** Standard normal distribution function Φ(z). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Two-sided p-value of a standard normal z: P(|Z| ≥ |z|), capped at 1. */
export function twoSidedP(z: number): number {
  if (Number.isNaN(z)) return 1;
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}
