/**
 * WGS84 (SWEREF 99 latitude/longitude) ↔ SWEREF 99 TM (EPSG:3006), Sweden's national grid.
 *
 * Why: distances and hotspot grids are computed in metres, not degrees (DOMAIN.md, "Where things are").
 * A degree of longitude is about 62 km in Skåne and 40 km in Kiruna; in SWEREF 99 TM a 250 m cell is 250 m
 * everywhere in the country. SWEREF 99 and WGS84 agree to within about half a metre, far below the accuracy
 * of any reported position, so GPS coordinates are taken as SWEREF 99 directly.
 *
 * The formulas are Lantmäteriet's "Gauss Krüger-projektion" (Krüger's series to n⁴, the conformal latitude
 * to e⁸), which give mm accuracy or better across Sweden: GRS 80 (a = 6 378 137 m, f = 1/298.257222101),
 * central meridian 15°E, scale 0.9996, false northing 0, false easting 500 000 m. Constants are computed once
 * at module load; a point costs a handful of trigonometric calls and arithmetic, nothing allocated in
 * `projectMany`. Non-finite input gives NaN; meaningful for Sweden and its surroundings (about 54–70°N,
 * 9–26°E), not for the whole globe.
 */

const A = 6378137;
const F = 1 / 298.257222101;
const K0 = 0.9996;
const LON0 = (15 * Math.PI) / 180;
const FALSE_NORTHING = 0;
const FALSE_EASTING = 500000;

const DEG = Math.PI / 180;
const RAD = 180 / Math.PI;

const E2 = F * (2 - F);
const E4 = E2 * E2;
const E6 = E4 * E2;
const E8 = E6 * E2;
const N = F / (2 - F);
const N2 = N * N;
const N3 = N2 * N;
const N4 = N3 * N;
/** Rectifying radius times the scale factor. */
const KA = K0 * (A / (1 + N)) * (1 + N2 / 4 + N4 / 64);

// Geodetic → conformal latitude.
const CA = E2;
const CB = (5 * E4 - E6) / 6;
const CC = (104 * E6 - 45 * E8) / 120;
const CD = (1237 * E8) / 1260;

// Conformal → geodetic latitude.
const IA = E2 + E4 + E6 + E8;
const IB = -(7 * E4 + 17 * E6 + 30 * E8) / 6;
const IC = (224 * E6 + 889 * E8) / 120;
const ID = (-4279 * E8) / 1260;

// Krüger's series, forward (β) and inverse (δ).
const B1 = N / 2 - (2 * N2) / 3 + (5 * N3) / 16 + (41 * N4) / 180;
const B2 = (13 * N2) / 48 - (3 * N3) / 5 + (557 * N4) / 1440;
const B3 = (61 * N3) / 240 - (103 * N4) / 140;
const B4 = (49561 * N4) / 161280;
const D1 = N / 2 - (2 * N2) / 3 + (37 * N3) / 96 - N4 / 360;
const D2 = N2 / 48 + N3 / 15 - (437 * N4) / 1440;
const D3 = (17 * N3) / 480 - (37 * N4) / 840;
const D4 = (4397 * N4) / 161280;

/** Where `series` leaves its two sums (module scratch: no allocation per point). */
let sumSinCosh = 0;
let sumCosSinh = 0;

/**
 * Σ cⱼ·sin(2jξ)·cosh(2jη) and Σ cⱼ·cos(2jξ)·sinh(2jη) for j = 1..4, the multiple angles by the addition
 * formulas from one sin/cos and one exp.
 */
function series(xi: number, eta: number, c1: number, c2: number, c3: number, c4: number): void {
  const s1 = Math.sin(2 * xi);
  const co1 = Math.cos(2 * xi);
  const ex = Math.exp(2 * eta);
  const sh1 = (ex - 1 / ex) / 2;
  const ch1 = (ex + 1 / ex) / 2;
  const s2 = 2 * s1 * co1;
  const co2 = 2 * co1 * co1 - 1;
  const sh2 = 2 * sh1 * ch1;
  const ch2 = 2 * ch1 * ch1 - 1;
  const s3 = s2 * co1 + co2 * s1;
  const co3 = co2 * co1 - s2 * s1;
  const sh3 = sh2 * ch1 + ch2 * sh1;
  const ch3 = ch2 * ch1 + sh2 * sh1;
  const s4 = 2 * s2 * co2;
  const co4 = 2 * co2 * co2 - 1;
  const sh4 = 2 * sh2 * ch2;
  const ch4 = 2 * ch2 * ch2 - 1;
  sumSinCosh = c1 * s1 * ch1 + c2 * s2 * ch2 + c3 * s3 * ch3 + c4 * s4 * ch4;
  sumCosSinh = c1 * co1 * sh1 + c2 * co2 * sh2 + c3 * co3 * sh3 + c4 * co4 * sh4;
}

let outNorth = 0;
let outEast = 0;

function forward(latDeg: number, lonDeg: number): void {
  const phi = latDeg * DEG;
  const sinPhi = Math.sin(phi);
  const s2 = sinPhi * sinPhi;
  const phiC = phi - sinPhi * Math.cos(phi) * (CA + s2 * (CB + s2 * (CC + s2 * CD)));
  const dLon = lonDeg * DEG - LON0;
  const cosPhiC = Math.cos(phiC);
  const xi = Math.atan2(Math.sin(phiC), cosPhiC * Math.cos(dLon));
  const eta = Math.atanh(cosPhiC * Math.sin(dLon));
  series(xi, eta, B1, B2, B3, B4);
  outNorth = KA * (xi + sumSinCosh) + FALSE_NORTHING;
  outEast = KA * (eta + sumCosSinh) + FALSE_EASTING;
}

/** Latitude and longitude in degrees (SWEREF 99 ≈ WGS84) → SWEREF 99 TM northing and easting in metres. */
export function toSweref99tm(lat: number, lon: number): { north: number; east: number } {
  forward(lat, lon);
  return { north: outNorth, east: outEast };
}

/** SWEREF 99 TM northing and easting in metres → latitude and longitude in degrees (SWEREF 99 ≈ WGS84). */
export function fromSweref99tm(north: number, east: number): { lat: number; lon: number } {
  const xi = (north - FALSE_NORTHING) / KA;
  const eta = (east - FALSE_EASTING) / KA;
  series(xi, eta, D1, D2, D3, D4);
  const xiP = xi - sumSinCosh;
  const etaP = eta - sumCosSinh;
  const phiC = Math.asin(Math.sin(xiP) / Math.cosh(etaP));
  const dLon = Math.atan2(Math.sinh(etaP), Math.cos(xiP));
  const sinPhiC = Math.sin(phiC);
  const s2 = sinPhiC * sinPhiC;
  const phi = phiC + sinPhiC * Math.cos(phiC) * (IA + s2 * (IB + s2 * (IC + s2 * ID)));
  return { lat: phi * RAD, lon: (LON0 + dLon) * RAD };
}

/**
 * Many points at once (hotspot grids: up to a million): the i-th latitude/longitude in degrees → the i-th
 * northing/easting in metres. Same figures as `toSweref99tm`, without an object per point.
 */
export function projectMany(lats: Float64Array, lons: Float64Array): { north: Float64Array; east: Float64Array } {
  if (lats.length !== lons.length) {
    throw new Error(`Lika många latituder som longituder krävs (${lats.length} mot ${lons.length}).`);
  }
  const count = lats.length;
  const north = new Float64Array(count);
  const east = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    forward(lats[i] ?? NaN, lons[i] ?? NaN);
    north[i] = outNorth;
    east[i] = outEast;
  }
  return { north, east };
}
