/**
 * Benjamini–Hochberg false-discovery-rate adjustment (Benjamini & Hochberg 1995), the same numbers as
 * R's p.adjust(p, method = "BH"): sort p ascending, q_(k) = min over j ≥ k of p_(j) · n / j, capped at 1.
 */

function checkP(p: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`benjaminiHochberg: p-value ${p} outside [0, 1]`);
}

/**
 * q-values for the `m` smallest p-values of a family of `n` tests (m ≤ n), in the order of `pValues`.
 * If every one of the n − m tests left out has p > some bound b, each returned q ≤ b is exact, and a
 * returned q > b means the true q is above b too (the left-out tests can only lower a q to
 * something above b). So a caller who only asks "q ≤ 0.05?" need only sort the cells with
 * p ≤ 0.05. With m = n this is plain BH.
 */
export function benjaminiHochbergOfSmallest(pValues: ArrayLike<number>, n: number): Float64Array {
  const m = pValues.length;
  if (m > n) throw new RangeError('benjaminiHochberg: more p-values than tests');
  const sorted = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const p = pValues[i]!;
    checkP(p);
    sorted[i] = p;
  }
  sorted.sort(); // typed-array sort is numeric and fast
  // Step-up: running minimum of p_(j) · n / j from the largest rank down.
  const qSorted = new Float64Array(m);
  let running = 1;
  for (let j = m; j >= 1; j--) {
    const v = (sorted[j - 1]! * n) / j;
    if (v < running) running = v;
    qSorted[j - 1] = running;
  }
  // Tied p-values share the q of their highest rank: find it by binary search (upper bound − 1).
  const q = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const p = pValues[i]!;
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! <= p) lo = mid + 1;
      else hi = mid;
    }
    q[i] = qSorted[lo - 1]!;
  }
  return q;
}

/** Benjamini–Hochberg q-values (monotone in p, ≤ 1), in the order of `pValues`. */
export function benjaminiHochberg(pValues: ArrayLike<number>): Float64Array {
  return benjaminiHochbergOfSmallest(pValues, pValues.length);
}
