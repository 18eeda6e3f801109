/**
 * Field readers for Polisens händelser: the two clocks, the position and the link.
 * `datetime` is when the item was published, written with an
 * offset and an hour that is not zero-padded ("2025-06-07 7:32:06 +02:00"). The event's own time is in
 * `name` ("06 juni 20.41, Misshandel, Svalöv"): day, Swedish month name and HH.MM in Stockholm time,
 * with no year — the year comes from `datetime`, across new year when needed.
 */
import { localToUtc } from '../../shared/time';
import { SWEDISH_MONTHS } from '../../shared/report-text';

export { SWEDISH_MONTHS };

export interface FeedInstant {
  /** Milliseconds since the epoch, whole seconds. */
  ms: number;
  /** The year as written (the publisher's local year). */
  year: number;
}

const DATETIME_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([+-])(\d{2}):?(\d{2})|Z)$/;

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** `datetime` as an exact instant; null when it is not a real date and time with an offset. */
export function parseFeedDatetime(raw: string): FeedInstant | null {
  const m = DATETIME_RE.exec(raw.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const offsetHours = m[8] === undefined ? 0 : Number(m[8]);
  const offsetMinutes = m[9] === undefined ? 0 : Number(m[9]);
  if (offsetHours > 14 || offsetMinutes > 59) return null;
  const offsetMs = (m[7] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  return { ms: Date.UTC(year, month - 1, day, hour, minute, second) - offsetMs, year };
}

const NAME_RE = new RegExp(`^\\s*(\\d{1,2})\\s+(${SWEDISH_MONTHS.join('|')})\\s+(\\d{1,2})[.:](\\d{2})(?!\\d)`, 'i');

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The event's own time from `name`, as milliseconds, or null when `name` carries no usable time
 * (no "DD månad HH.MM" prefix, a date that does not exist, or the hour skipped when summer time starts).
 * Of the written year and its neighbours, the one closest to the publication wins, so an event on
 * 31 December published just after midnight lands in the old year. In the repeated autumn hour the
 * first (summer time) instant wins, as in localToUtc.
 */
export function parseNameTime(name: string, published: FeedInstant): number | null {
  const m = NAME_RE.exec(name);
  if (!m) return null;
  const day = Number(m[1]);
  const month = SWEDISH_MONTHS.indexOf(m[2]!.toLowerCase() as (typeof SWEDISH_MONTHS)[number]) + 1;
  const hour = Number(m[3]);
  const minute = Number(m[4]);
  // The year whose date lies closest to the publication (judged on the wall clock, which always exists).
  const wall = (year: number) => Date.UTC(year, month - 1, day, hour, minute) - 3600_000;
  const year = [published.year, published.year - 1, published.year + 1].reduce((best, y) =>
    Math.abs(wall(y) - published.ms) < Math.abs(wall(best) - published.ms) ? y : best,
  );
  const iso = localToUtc(`${year}-${pad2(month)}-${pad2(day)} ${pad2(hour)}:${pad2(minute)}`);
  return iso === null ? null : Date.parse(iso);
}

/** The part of `name` after the time: "Misshandel, Svalöv" for "06 juni 20.41, Misshandel, Svalöv". */
export function nameAfterTime(name: string): string {
  const m = NAME_RE.exec(name);
  return (m ? name.slice(m[0].length) : name).replace(/^\s*,\s*/, '').trim();
}

const GPS_RE = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/;

/** "lat,lon" (latitude first) inside Sweden's box, or null. */
export function parseGps(gps: unknown): { lat: number; lon: number } | null {
  const m = typeof gps === 'string' ? GPS_RE.exec(gps) : null;
  if (!m) return null;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  return lat >= 55 && lat <= 70 && lon >= 10 && lon <= 25 ? { lat, lon } : null;
}

/** Absolute link on polisen.se; null when there is none, undefined when it points elsewhere. */
export function sourceUrl(raw: unknown): string | null | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw.trim(), 'https://polisen.se/');
  } catch {
    return undefined;
  }
  const host = parsed.hostname.toLowerCase();
  const onPolisen = host === 'polisen.se' || host.endsWith('.polisen.se');
  return onPolisen && (parsed.protocol === 'https:' || parsed.protocol === 'http:') ? parsed.href : undefined;
}
