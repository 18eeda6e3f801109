/**
 * SWEREF 99 TM (EPSG:3006) against Lantmäteriet's published control points, against proj4 on a grid across
 * Sweden, round trips as a property, and the points in our area. Checked by breaking the module: scale factor
 * 0.9997 or central meridian 15.001°E fail the control-point, proj4 and local-point tests; a wrong Krüger
 * coefficient (β2) fails the forward tests and the round trip; a wrong inverse latitude coefficient (D*) fails
 * the round trip.
 */
import fc from 'fast-check';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { fromSweref99tm, projectMany, toSweref99tm } from '../../src/shared/geo/sweref99tm';

const EPSG_3006 = '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const toProj = proj4('WGS84', EPSG_3006);

function proj4Forward(lat: number, lon: number): { north: number; east: number } {
  const [east, north] = toProj.forward([lon, lat]);
  return { north: north ?? NaN, east: east ?? NaN };
}

function proj4Inverse(north: number, east: number): { lat: number; lon: number } {
  const [lon, lat] = toProj.inverse([east, north]);
  return { lat: lat ?? NaN, lon: lon ?? NaN };
}

const dms = (d: number, m: number, s: number): number => d + m / 60 + s / 3600;

/**
 * Lantmäteriet, I-divisionen Geodesi: "Samband och parametrar. Kontrollpunkter RT 90 <-> SWEREF 99",
 * 2006-05-03 (lantmateriet.se/upload/filer/kartor/geodesi_gps_och_detaljmatning/Transformationer/
 * SWEREF99_RT90_Samband/kontrollpunkter.pdf), section "Direktprojektion": latitude and longitude in SWEREF 99
 * and the same points' plane coordinates in SWEREF 99 TM (x = northing, y = easting). Transcribed in the
 * public repository github.com/kjgrahn/rt90, file `kontrollpunkter`. Published to the mm, so a correct
 * projection is within 0.5 mm plus the rounding of the seconds (1e-6″ ≈ 0.03 mm).
 */
const LANTMATERIET_CONTROL_POINTS = [
  { name: 'A', lat: dms(67, 5, 26.452769), lon: dms(21, 2, 5.101575), north: 7454204.638, east: 761811.242 },
  { name: 'B', lat: dms(63, 32, 14.761735), lon: dms(16, 14, 59.594626), north: 7046077.605, east: 562140.337 },
  { name: 'C', lat: dms(60, 9, 33.882413), lon: dms(14, 45, 28.167152), north: 6669189.376, east: 486557.055 },
  { name: 'D', lat: dms(56, 21, 17.199245), lon: dms(13, 52, 23.754022), north: 6246136.458, east: 430374.835 },
] as const;

const MM = 0.001;
/** About 1 mm on the ground, in degrees of latitude (and less than that in longitude). */
const MM_IN_DEGREES = 1e-8;

function gridAcrossSweden(step: number): { lat: number; lon: number }[] {
  const points: { lat: number; lon: number }[] = [];
  for (let lat = 55; lat <= 69 + 1e-9; lat += step) {
    for (let lon = 10; lon <= 24 + 1e-9; lon += step) points.push({ lat, lon });
  }
  return points;
}

describe('SWEREF 99 TM against published coordinates', () => {
  it.each(LANTMATERIET_CONTROL_POINTS)("projects Lantmäteriet's control point $name to within 1 mm", (p) => {
    const got = toSweref99tm(p.lat, p.lon);
    expect(Math.abs(got.north - p.north)).toBeLessThan(MM);
    expect(Math.abs(got.east - p.east)).toBeLessThan(MM);
  });

  it.each(LANTMATERIET_CONTROL_POINTS)("inverts Lantmäteriet's control point $name to within 1 mm", (p) => {
    const got = fromSweref99tm(p.north, p.east);
    expect(Math.abs(got.lat - p.lat)).toBeLessThan(MM_IN_DEGREES);
    expect(Math.abs(got.lon - p.lon)).toBeLessThan(MM_IN_DEGREES * 2);
  });
});

describe('SWEREF 99 TM against proj4 (EPSG:3006)', () => {
  it('agrees within 1 mm on a grid across Sweden, lat 55–69, lon 10–24, both directions', () => {
    const grid = gridAcrossSweden(0.25);
    expect(grid).toHaveLength(57 * 57);
    let maxForward = 0;
    let maxInverse = 0;
    for (const { lat, lon } of grid) {
      const ours = toSweref99tm(lat, lon);
      const theirs = proj4Forward(lat, lon);
      maxForward = Math.max(maxForward, Math.hypot(ours.north - theirs.north, ours.east - theirs.east));
      const back = fromSweref99tm(theirs.north, theirs.east);
      const theirsBack = proj4Inverse(theirs.north, theirs.east);
      maxInverse = Math.max(maxInverse, Math.abs(back.lat - theirsBack.lat), Math.abs(back.lon - theirsBack.lon));
    }
    expect(maxForward).toBeLessThan(MM);
    expect(maxInverse).toBeLessThan(MM_IN_DEGREES);
  });

  it('places Klippan and Kävlinge where proj4 does, in the northing 6 2xx xxx / easting 38x xxx region', () => {
    for (const [lat, lon] of [
      [56.134, 13.131], // Klippan
      [55.79, 13.11], // Kävlinge
    ] as const) {
      const ours = toSweref99tm(lat, lon);
      const theirs = proj4Forward(lat, lon);
      expect(Math.abs(ours.north - theirs.north)).toBeLessThan(MM);
      expect(Math.abs(ours.east - theirs.east)).toBeLessThan(MM);
      expect(ours.north).toBeGreaterThan(6_150_000);
      expect(ours.north).toBeLessThan(6_250_000);
      expect(ours.east).toBeGreaterThan(370_000);
      expect(ours.east).toBeLessThan(395_000);
    }
    const klippan = toSweref99tm(56.134, 13.131);
    const kavlinge = toSweref99tm(55.79, 13.11);
    // Klippan lies about 38 km north of Kävlinge and a couple of km east.
    expect(klippan.north - kavlinge.north).toBeGreaterThan(37_000);
    expect(klippan.north - kavlinge.north).toBeLessThan(39_000);
    expect(klippan.east - kavlinge.east).toBeGreaterThan(1_000);
    expect(klippan.east - kavlinge.east).toBeLessThan(4_000);
  });
});

describe('SWEREF 99 TM round trip', () => {
  it('from(to(p)) returns p within 1e-9° over lat 55–69.5, lon 10–25', () => {
    let maxError = 0;
    fc.assert(
      fc.property(
        fc.double({ min: 55, max: 69.5, noNaN: true }),
        fc.double({ min: 10, max: 25, noNaN: true }),
        (lat, lon) => {
          const grid = toSweref99tm(lat, lon);
          const back = fromSweref99tm(grid.north, grid.east);
          const error = Math.max(Math.abs(back.lat - lat), Math.abs(back.lon - lon));
          maxError = Math.max(maxError, error);
          return error < 1e-9;
        },
      ),
      { numRuns: 5000 },
    );
    expect(maxError).toBeLessThan(1e-9);
  });
});

describe('projectMany', () => {
  it('gives exactly what toSweref99tm gives, point by point', () => {
    const grid = gridAcrossSweden(0.5);
    const lats = Float64Array.from(grid, (p) => p.lat);
    const lons = Float64Array.from(grid, (p) => p.lon);
    const { north, east } = projectMany(lats, lons);
    expect(north).toHaveLength(grid.length);
    grid.forEach((p, i) => {
      const one = toSweref99tm(p.lat, p.lon);
      expect(north[i]).toBe(one.north);
      expect(east[i]).toBe(one.east);
    });
  });

  it('projects a million points, NaN in gives NaN out, and refuses arrays of different length', () => {
    const count = 1_000_000;
    const lats = new Float64Array(count);
    const lons = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      lats[i] = 55 + (14 * i) / count;
      lons[i] = 10 + ((i * 7919) % count) / (count / 14);
    }
    lats[17] = NaN;
    const { north, east } = projectMany(lats, lons);
    expect(north[17]).toBeNaN();
    expect(east[17]).toBeNaN();
    for (const i of [0, 1, 123_456, 654_321, count - 1]) {
      const theirs = proj4Forward(lats[i] ?? NaN, lons[i] ?? NaN);
      expect(Math.abs((north[i] ?? NaN) - theirs.north)).toBeLessThan(MM);
      expect(Math.abs((east[i] ?? NaN) - theirs.east)).toBeLessThan(MM);
    }
    expect(() => projectMany(new Float64Array(2), new Float64Array(3))).toThrow(/Lika många/);
  });
});
