/**
 * Coordinates as people paste them: "55,9586, 13,1253" (Swedish decimal commas) or "55.9586, 13.1253",
 * latitude first (as Google Maps and Eniro copy them). WGS84 degrees.
 */

/** Sweden with a margin: a position outside is almost certainly a typo or swapped numbers. */
const BOUNDS = { latMin: 55, latMax: 69.2, lonMin: 10.5, lonMax: 24.3 } as const;

export function positionProblem(lat: number, lon: number): string | null {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return 'Latitud och longitud måste vara tal.';
  const inLat = lat >= BOUNDS.latMin && lat <= BOUNDS.latMax;
  const inLon = lon >= BOUNDS.lonMin && lon <= BOUNDS.lonMax;
  if (inLat && inLon) return null;
  if (lon >= BOUNDS.latMin && lon <= BOUNDS.latMax && lat >= BOUNDS.lonMin && lat <= BOUNDS.lonMax)
    return 'Latitud och longitud verkar ha bytt plats: ange latitud först (t.ex. 55,9586, 13,1253).';
  return `Positionen ${lat}, ${lon} ligger utanför Sverige (latitud 55–69, longitud 10,5–24,3).`;
}

export type ParsedPosition = { ok: true; lat: number; lon: number } | { ok: false; message: string };

export function parseCoordinates(text: string): ParsedPosition {
  const t = text.trim().replace(/[−–]/g, '-');
  if (t === '') return { ok: false, message: 'Ange latitud och longitud, t.ex. 55,9586, 13,1253.' };
  const numbers = t.includes('.') ? t.match(/-?\d+(?:\.\d+)?/g) : t.match(/-?\d+(?:,\d+)?/g);
  const rest = t.replace(t.includes('.') ? /-?\d+(?:\.\d+)?/g : /-?\d+(?:,\d+)?/g, '').replace(/[\s,;°NEnoØÖ]/g, '');
  if (!numbers || numbers.length !== 2 || rest !== '')
    return {
      ok: false,
      message: `"${text.trim()}" är inte två koordinater. Skriv latitud och longitud, t.ex. 55,9586, 13,1253 eller 55.9586, 13.1253.`,
    };
  const [lat, lon] = numbers.map((n) => Number(n.replace(',', '.'))) as [number, number];
  const problem = positionProblem(lat, lon);
  return problem ? { ok: false, message: problem } : { ok: true, lat, lon };
}

/** 55.9586 → "55,9586" (Swedish decimal comma, as typed). */
export function formatCoordinates(lat: number, lon: number): string {
  const f = (n: number) => String(Math.round(n * 1e6) / 1e6).replace('.', ',');
  return `${f(lat)}, ${f(lon)}`;
}
