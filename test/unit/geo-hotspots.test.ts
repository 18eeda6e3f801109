/** Gi* hot spots with Benjamini–Hochberg: hand-computed Gi*, textbook BH, planted clusters and pure noise. */
import { describe, expect, it } from 'vitest';
import {
  benjaminiHochberg,
  cellOf,
  DEFAULT_HOTSPOT_PARAMS,
  erfc,
  findHotspots,
  giStar,
  hotspotMethodText,
  neighbourhoodOffsets,
  normalCdf,
  twoSidedP,
} from '../../src/shared/geo/hotspots';
import { benjaminiHochbergOfSmallest } from '../../src/shared/geo/fdr';

/** mulberry32: a small seeded PRNG so every run sees the same points. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` uniform points in [x0, x0 + width) × [y0, y0 + height). */
function uniformPoints(rand: () => number, count: number, x0: number, y0: number, width: number, height: number) {
  const east = new Float64Array(count);
  const north = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    east[i] = x0 + rand() * width;
    north[i] = y0 + rand() * height;
  }
  return { east, north };
}

// A 5 × 5 grid, row 0 at the bottom (index = row · 5 + col):
//   row 4: 0 0 1 0 0
//   row 3: 0 2 3 1 0
//   row 2: 1 4 6 2 0
//   row 1: 0 1 2 0 0
//   row 0: 3 0 0 0 1
// n = 25, Σx = 27, X̄ = 27/25 = 1.08, Σx² = 87, Σx²/n = 3.48, S² = 3.48 − 1.08² = 3.48 − 1.1664 = 2.3136.
const GRID = Float64Array.from([3, 0, 0, 0, 1, 0, 1, 2, 0, 0, 1, 4, 6, 2, 0, 0, 2, 3, 1, 0, 0, 0, 1, 0, 0]);
const at = (col: number, row: number) => row * 5 + col;

describe('giStar', () => {
  it('stämmer med handräknade värden för rook-grannskap (cell 1, avstånd 1)', () => {
    const rook = neighbourhoodOffsets(1, 1);
    expect(rook).toHaveLength(5);
    const z = giStar(GRID, 5, 5, rook);
    // Centre (2,2): x = 6, neighbours 3 (up), 2 (down), 4 (left), 2 (right). Σw = 5, Σwx = 17.
    // Numerator 17 − 1.08·5 = 11.6. Denominator S·√((25·5 − 5²)/24) = √(2.3136 · 100/24) = √9.64.
    expect(z[at(2, 2)]).toBeCloseTo(11.6 / Math.sqrt(9.64), 9); // 3.736108433
    // Edge (0,2): x = 1, neighbours 0 (up), 0 (down), 4 (right), none to the left. Σw = 4, Σwx = 5.
    // Numerator 5 − 4.32 = 0.68. Denominator √(2.3136 · (100 − 16)/24) = √(2.3136 · 3.5) = √8.0976.
    expect(z[at(0, 2)]).toBeCloseTo(0.68 / Math.sqrt(8.0976), 9); // 0.238963050
    // Corner (0,0): x = 3, neighbours 0 (up), 0 (right). Σw = 3, Σwx = 3.
    // Numerator 3 − 3.24 = −0.24. Denominator √(2.3136 · (75 − 9)/24) = √(2.3136 · 2.75) = √6.3624.
    expect(z[at(0, 0)]).toBeCloseTo(-0.24 / Math.sqrt(6.3624), 9); // −0.095148239
  });

  it('stämmer med handräknade värden för queen-grannskap (cell 1, avstånd 1,5)', () => {
    const queen = neighbourhoodOffsets(1, 1.5);
    expect(queen).toHaveLength(9);
    const z = giStar(GRID, 5, 5, queen);
    // Centre (2,2): the 3 × 3 block = (2+3+1) + (4+6+2) + (1+2+0) = 21, Σw = 9.
    // Numerator 21 − 9.72 = 11.28. Denominator √(2.3136 · (225 − 81)/24) = √(2.3136 · 6) = √13.8816.
    expect(z[at(2, 2)]).toBeCloseTo(11.28 / Math.sqrt(13.8816), 9); // 3.027536144
    // Corner (0,0): 3 + 0 + 0 + 1 = 4, Σw = 4. Numerator 4 − 4.32 = −0.32. Denominator √8.0976 (as above).
    expect(z[at(0, 0)]).toBeCloseTo(-0.32 / Math.sqrt(8.0976), 9); // −0.112453200
  });

  it('ger 13 grannar för 250 m rutor och 500 m avstånd, och z = 0 när alla rutor är lika', () => {
    expect(neighbourhoodOffsets(250, 500)).toHaveLength(13);
    expect(neighbourhoodOffsets(250, 0)).toEqual([[0, 0]]);
    const z = giStar(new Float64Array(30).fill(4), 6, 5, neighbourhoodOffsets(1, 1));
    expect([...z].every((v) => v === 0)).toBe(true);
    expect(() => neighbourhoodOffsets(0, 500)).toThrow(/positiva/);
  });
});

describe('normalfördelningen', () => {
  it('stämmer med kända värden, även långt ut i svansen', () => {
    // Reference values from mpmath (30 digits).
    expect(normalCdf(1.96)).toBeCloseTo(0.97500210485178, 6);
    expect(normalCdf(2.5758)).toBeCloseTo(0.994999576262221, 6);
    expect(normalCdf(-1)).toBeCloseTo(1 - 0.841344746068543, 6);
    expect(twoSidedP(0)).toBe(1);
    const rel = (got: number, want: number) => Math.abs(got / want - 1);
    expect(rel(twoSidedP(1.96), 0.0499957902964409)).toBeLessThan(2e-7);
    expect(rel(twoSidedP(-3), 0.00269979606326019)).toBeLessThan(2e-7);
    expect(rel(twoSidedP(5), 5.73303143758388e-7)).toBeLessThan(2e-7);
    expect(rel(twoSidedP(8), 1.24419211485436e-15)).toBeLessThan(2e-7);
    expect(rel(erfc(0.1), 0.887537083981715)).toBeLessThan(2e-7);
    expect(rel(erfc(3), 2.20904969985854e-5)).toBeLessThan(2e-7);
    expect(rel(erfc(5), 1.53745979442803e-12)).toBeLessThan(2e-7);
  });
});

describe('benjaminiHochberg', () => {
  it('förkastar exakt de fyra första i Benjamini & Hochbergs exempel (1995) vid q = 0,05', () => {
    const p = [
      0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1.0,
    ];
    const q = benjaminiHochberg(p);
    // p_(k)·15/k: 0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.0695 → min with the next 0.0298·15/7 = 0.063857…,
    // 0.063857…, 0.0645, 0.0765, 0.486, 0.581818…, 0.714875, 0.753231…, 0.813214…, 1.
    const want = [
      0.0015,
      0.003,
      0.0095,
      0.035625,
      0.0603,
      (0.0298 * 15) / 7,
      (0.0298 * 15) / 7,
      0.0645,
      0.0765,
      0.486,
      (0.4262 * 15) / 11,
      0.714875,
      (0.6528 * 15) / 13,
      (0.759 * 15) / 14,
      1,
    ];
    want.forEach((w, i) => expect(q[i]).toBeCloseTo(w, 12));
    expect(q.filter((v) => v <= 0.05)).toHaveLength(4);
  });

  it("ger samma värden som R:s p.adjust(method = 'BH'), i indataordning och med lika p", () => {
    // Sorted 0.005, 0.01, 0.03, 0.04 → ·4/k: 0.02, 0.02, 0.04, 0.04 (cumulative minimum from the top).
    expect([...benjaminiHochberg([0.01, 0.04, 0.03, 0.005])]).toEqual([0.02, 0.04, 0.04, 0.02]);
    // Sorted 0.001, 0.02, 0.02, 0.5, 0.9 → ·5/k: 0.005, 0.05, 0.0333…, 0.625, 0.9; the tie shares 0.0333….
    const q = benjaminiHochberg([0.02, 0.02, 0.5, 0.001, 0.9]);
    [0.1 / 3, 0.1 / 3, 0.625, 0.005, 0.9].forEach((w, i) => expect(q[i]).toBeCloseTo(w, 12));
    expect(benjaminiHochberg([])).toHaveLength(0);
    expect(() => benjaminiHochberg([0.5, Number.NaN])).toThrow(RangeError);
  });

  it('är monoton och ≤ 1, och genvägen med bara de minsta p ger samma q under gränsen', () => {
    const rand = mulberry32(7);
    for (let run = 0; run < 20; run++) {
      const p = Float64Array.from({ length: 500 }, () => (rand() < 0.1 ? rand() * 0.001 : rand()));
      const q = benjaminiHochberg(p);
      const order = [...p.keys()].sort((a, b) => p[a]! - p[b]!);
      for (let k = 1; k < order.length; k++) expect(q[order[k]!]).toBeGreaterThanOrEqual(q[order[k - 1]!]!);
      for (let k = 0; k < q.length; k++) expect(q[k]).toBeLessThanOrEqual(1);
      const small = [...p.keys()].filter((i) => p[i]! <= 0.05);
      const qs = benjaminiHochbergOfSmallest(
        small.map((i) => p[i]!),
        p.length,
      );
      small.forEach((i, k) => {
        expect(qs[k]! <= 0.05).toBe(q[i]! <= 0.05);
        if (q[i]! <= 0.05) expect(qs[k]).toBe(q[i]);
      });
    }
  });
});

/** Every cell's z, p and full BH q, recomputed from the result's cellIds (to check the shortcut). */
function fullBh(result: ReturnType<typeof findHotspots>) {
  const counts = new Float64Array(result.tested);
  for (const id of result.cellIds) if (id >= 0) counts[id]!++;
  const z = giStar(
    counts,
    result.cols,
    result.rows,
    neighbourhoodOffsets(result.params.cellSize, result.params.distance),
  );
  const p = z.map(twoSidedP);
  return { counts, z, p, q: benjaminiHochberg(p) };
}

describe('findHotspots', () => {
  it('hittar ett planterat kluster på 99 % nivå och markerar inget långt därifrån', () => {
    const rand = mulberry32(2024);
    const [x0, y0] = [400_000, 6_150_000];
    const bg = uniformPoints(rand, 20_000, x0, y0, 20_000, 20_000);
    const centre = { e: x0 + 12_345, n: y0 + 7_777 };
    const clusterSize = 300;
    const east = new Float64Array(bg.east.length + clusterSize);
    const north = new Float64Array(east.length);
    east.set(bg.east);
    north.set(bg.north);
    for (let i = 0; i < clusterSize; i++) {
      const r = 150 * Math.sqrt(rand());
      const a = 2 * Math.PI * rand();
      east[bg.east.length + i] = centre.e + r * Math.cos(a);
      north[bg.east.length + i] = centre.n + r * Math.sin(a);
    }
    const result = findHotspots(east, north);
    expect(result.points).toBe(20_300);
    expect(result.tested).toBe(result.cols * result.rows);
    expect(result.tested).toBeGreaterThanOrEqual(80 * 80);
    const home = cellOf(result, centre.e, centre.n);
    const hit = result.cells.find((c) => c.col === home.col && c.row === home.row);
    expect(hit?.level).toBe(99);
    for (const c of result.cells) {
      const d = Math.hypot(c.x0 + 125 - centre.e, c.y0 + 125 - centre.n);
      expect(d).toBeLessThan(1000);
    }
    for (let k = 1; k < result.cells.length; k++) {
      expect(result.cells[k]!.z).toBeLessThanOrEqual(result.cells[k - 1]!.z);
    }
    // The shortcut BH (only p ≤ 0.05 sorted) marks the same cells with the same q as BH over everything.
    const full = fullBh(result);
    const marked = [...full.q.keys()].filter((i) => full.z[i]! > 0 && full.q[i]! <= 0.05);
    expect(result.cells.map((c) => c.row * result.cols + c.col).sort((a, b) => a - b)).toEqual(marked);
    for (const c of result.cells) expect(c.q).toBe(full.q[c.row * result.cols + c.col]);
    console.log(
      `planted cluster: ${result.cells.length} cells marked (${result.cells.filter((c) => c.level === 99).length} at 99 %),` +
        ` home cell count ${hit?.count} z ${hit?.z.toFixed(2)} q ${hit?.q.toExponential(2)}; tested ${result.tested}`,
    );
  });

  it('markerar samma rutor som BH över alla rutor, även när en stor del av rutorna är heta', () => {
    // A gradient: density rising west → east, so hot cells span every q from tiny to just under 0.05
    // (with many discoveries BH accepts p well above 0.01: the shortcut must still sort all p ≤ 0.05).
    const rand = mulberry32(11);
    const count = 8_000;
    const east = new Float64Array(count);
    const north = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      east[i] = 500_000 + 5_000 * Math.sqrt(rand());
      north[i] = 6_200_000 + 5_000 * rand();
    }
    const result = findHotspots(east, north);
    const full = fullBh(result);
    const marked = [...full.q.keys()].filter((i) => full.z[i]! > 0 && full.q[i]! <= 0.05);
    expect(result.cells.map((c) => c.row * result.cols + c.col).sort((a, b) => a - b)).toEqual(marked);
    for (const c of result.cells) {
      const i = c.row * result.cols + c.col;
      expect([c.z, c.p, c.q, c.count]).toEqual([full.z[i], full.p[i], full.q[i], full.counts[i]]);
      expect(c.level).toBe(c.q <= 0.01 ? 99 : 95);
    }
    const levels = { 95: result.cells.filter((c) => c.level === 95).length, 99: 0 };
    levels[99] = result.cells.length - levels[95];
    expect(levels[95]).toBeGreaterThan(0);
    expect(result.cells.some((c) => c.p > 0.01)).toBe(true);
    console.log(`gradient: ${result.tested} tested, ${levels[99]} at 99 %, ${levels[95]} at 95 %`);
  });

  it('markerar nästan inget i rent brus, men utan korrigering blir det tydligt fler', () => {
    let tested = 0;
    let markedBh = 0;
    let markedRaw = 0;
    let runsWithAny = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const { east, north } = uniformPoints(mulberry32(seed), 5_000, 500_000, 6_200_000, 10_000, 10_000);
      const result = findHotspots(east, north);
      expect(result.cells.length).toBeLessThanOrEqual(0.05 * result.tested);
      const full = fullBh(result);
      let raw = 0;
      for (let i = 0; i < result.tested; i++) if (full.z[i]! > 0 && full.p[i]! <= 0.05) raw++;
      tested += result.tested;
      markedBh += result.cells.length;
      if (result.cells.length > 0) runsWithAny++;
      markedRaw += raw;
    }
    const bhRate = markedBh / tested;
    const rawRate = markedRaw / tested;
    console.log(
      `uniform noise, 20 runs: ${tested} cells tested, with BH ${markedBh} marked (${(100 * bhRate).toFixed(3)} %, in ${runsWithAny} runs),` +
        ` without correction ${markedRaw} (${(100 * rawRate).toFixed(2)} %)`,
    );
    expect(bhRate).toBeLessThan(0.002);
    expect(rawRate).toBeGreaterThan(0.01);
    expect(markedRaw).toBeGreaterThan(10 * Math.max(1, markedBh));
  });

  it('klarar inga punkter, en punkt och alla punkter i en ruta', () => {
    const none = findHotspots(new Float64Array(0), new Float64Array(0));
    expect(none).toMatchObject({ tested: 0, points: 0, cols: 0, rows: 0, cells: [] });
    expect(none.params).toEqual(DEFAULT_HOTSPOT_PARAMS);

    const one = findHotspots(Float64Array.of(500_100), Float64Array.of(6_200_100));
    expect(one).toMatchObject({ tested: 1, points: 1, cols: 1, rows: 1, originX: 500_000, originY: 6_200_000 });
    expect(one.cells).toEqual([]);

    const e = new Float64Array(50).fill(500_010);
    const same = findHotspots(
      e.map((v, i) => v + i),
      new Float64Array(50).fill(6_200_240),
    );
    expect(same).toMatchObject({ tested: 1, points: 50, cells: [] });
    expect([...same.cellIds].every((id) => id === 0)).toBe(true);

    // Non-finite coordinates are left out (cellId −1) and do not stretch the grid.
    const nan = findHotspots(Float64Array.of(500_100, Number.NaN), Float64Array.of(6_200_100, 7e6));
    expect(nan).toMatchObject({ tested: 1, points: 1 });
    expect([...nan.cellIds]).toEqual([0, -1]);
  });

  it('lägger en punkt på en rutgräns i rutan vars nedre vänstra hörn den är, som cellOf', () => {
    const east = Float64Array.of(500_123, 500_250, 500_499.9, 501_000);
    const north = Float64Array.of(6_200_000, 6_200_500, 6_200_250, 6_200_749.99);
    const r = findHotspots(east, north, { cellSize: 250 });
    expect(r).toMatchObject({ originX: 500_000, originY: 6_200_000, cols: 5, rows: 3, tested: 15 });
    expect(r.params).toEqual({ cellSize: 250, distance: 500 });
    expect(cellOf(r, 500_250, 6_200_500)).toEqual({ col: 1, row: 2 });
    expect(cellOf(r, 500_249.999, 6_200_499.999)).toEqual({ col: 0, row: 1 });
    expect(cellOf(r, 501_000, 6_200_749.99)).toEqual({ col: 4, row: 2 });
    for (let i = 0; i < east.length; i++) {
      const { col, row } = cellOf(r, east[i]!, north[i]!);
      expect(r.cellIds[i]).toBe(row * r.cols + col);
    }
    // Negative coordinates floor downwards too.
    const neg = findHotspots(Float64Array.of(-10, 10), Float64Array.of(-250, 0), { cellSize: 250 });
    expect(neg).toMatchObject({ originX: -250, originY: -250, cols: 2, rows: 2 });
  });

  it('vägrar ett för stort rutnät med ett svenskt fel', () => {
    expect(() => findHotspots(Float64Array.of(0, 1_000_000), Float64Array.of(6_000_000, 7_000_000))).toThrow(
      /Området är för stort för rutnätet/,
    );
  });

  it('klarar 1 000 000 punkter över 40 × 40 km (tid i utskriften)', () => {
    const { east, north } = uniformPoints(mulberry32(99), 1_000_000, 380_000, 6_100_000, 40_000, 40_000);
    findHotspots(east, north); // warm-up
    const t0 = performance.now();
    const result = findHotspots(east, north);
    const ms = performance.now() - t0;
    console.log(`1 000 000 points, ${result.tested} cells: ${ms.toFixed(1)} ms, ${result.cells.length} marked`);
    expect(result.points).toBe(1_000_000);
    expect(result.tested).toBe(160 * 160);
    // A wide area: 150 × 150 km at 250 m = 360 000 cells.
    const wide = uniformPoints(mulberry32(98), 1_000_000, 380_000, 6_100_000, 150_000, 150_000);
    const t1 = performance.now();
    const wideResult = findHotspots(wide.east, wide.north);
    const wideMs = performance.now() - t1;
    console.log(
      `1 000 000 points, ${wideResult.tested} cells: ${wideMs.toFixed(1)} ms, ${wideResult.cells.length} marked`,
    );
    expect(wideResult.tested).toBe(600 * 600);
  });
});

describe('hotspotMethodText', () => {
  it('beskriver metoden på svenska med svenska tusentalsavgränsare', () => {
    expect(hotspotMethodText(DEFAULT_HOTSPOT_PARAMS, 12_345)).toBe(
      'Getis-Ord Gi* på ett rutnät i SWEREF 99 TM, rutor om 250 m, grannar inom 500 m, korrigerat för många ' +
        'test (Benjamini–Hochberg, FDR). Markerat där resultatet är signifikant på 95 % eller 99 % nivå. ' +
        '12\u00a0345 rutor testade.',
    );
    expect(hotspotMethodText({ cellSize: 1000, distance: 2000 }, 1)).toContain('rutor om 1\u00a0000 m');
    expect(hotspotMethodText({ cellSize: 1000, distance: 2000 }, 1)).toContain('1 ruta testad.');
  });
});
