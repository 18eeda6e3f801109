/**
 * Instants are stored in UTC (ISO 8601 with Z); people think in Europe/Stockholm local time.
 * A 23:30 event on 31 March belongs to March, whatever the UTC date.
 */
export const TIME_ZONE = 'Europe/Stockholm';

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Stockholm wall-clock fields of an instant: computed (the EU rule) since 1996, from Intl before that. */
function localParts(ms: number): LocalParts {
  if (new Date(ms).getUTCFullYear() >= FIRST_EU_RULE_YEAR) {
    const d = new Date(ms + stockholmOffsetHours(ms) * 3600_000);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
    };
  }
  return intlParts(ms);
}

function intlParts(ms: number): LocalParts {
  const out: Record<string, number> = {};
  for (const p of partsFormatter.formatToParts(new Date(ms))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year!,
    month: out.month!,
    day: out.day!,
    hour: out.hour!,
    minute: out.minute!,
    second: out.second!,
  };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Canonical storage form: second precision, Z. */
export function toIsoUtc(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

/**
 * EU summer time (since 1996): from the last Sunday of March 01:00 UTC to the last Sunday of October
 * 01:00 UTC. Computed rather than asked of Intl because bulk work buckets millions of instants; a test
 * checks it hour by hour against the platform's time zone data.
 */
const FIRST_EU_RULE_YEAR = 1996;
const dstBounds = new Map<number, readonly [number, number]>();

function lastSundayAt01Utc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  return Date.UTC(year, monthIndex, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

export function stockholmOffsetHours(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  if (year < FIRST_EU_RULE_YEAR) {
    const p = intlParts(ms);
    return Math.round(
      (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000) / 3600_000,
    );
  }
  let bounds = dstBounds.get(year);
  if (!bounds) {
    bounds = [lastSundayAt01Utc(year, 2), lastSundayAt01Utc(year, 9)];
    dstBounds.set(year, bounds);
  }
  return ms >= bounds[0] && ms < bounds[1] ? 2 : 1;
}

/** The local (Stockholm) calendar day of a UTC instant, YYYY-MM-DD. */
export function localDay(isoUtc: string): string {
  const ms = Date.parse(isoUtc);
  return new Date(ms + stockholmOffsetHours(ms) * 3600_000).toISOString().slice(0, 10);
}

/** Local date and time for a form field, YYYY-MM-DDTHH:mm. */
export function utcToLocalInput(isoUtc: string): string {
  const p = localParts(Date.parse(isoUtc));
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}T${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** Local date and time for reading, YYYY-MM-DD HH:mm. */
export function formatLocalDateTime(isoUtc: string): string {
  return utcToLocalInput(isoUtc).replace('T', ' ');
}

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Local Stockholm wall-clock time to a UTC instant. Returns null for a time that does not exist
 * (the spring-forward hour) or a malformed string. In the repeated autumn hour the first (summer) one wins.
 */
export function localToUtc(local: string): string | null {
  const m = LOCAL_RE.exec(local.trim());
  if (!m) return null;
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1).map((v) => (v === undefined ? 0 : Number(v)));
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || h! > 23 || mi! > 59 || s! > 59) return null;
  const wallAsUtc = Date.UTC(y!, mo! - 1, d!, h, mi, s);
  for (const offsetHours of [2, 1]) {
    const candidate = wallAsUtc - offsetHours * 3600_000;
    const p = localParts(candidate);
    if (p.year === y && p.month === mo && p.day === d && p.hour === h && p.minute === mi && p.second === s) {
      return toIsoUtc(candidate);
    }
  }
  return null;
}

/** UTC instant at which a local calendar day starts. */
export function localDayStartUtc(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const noonish = Date.UTC(y, m - 1, d, 0, 0, 0);
  // Midnight always exists in Stockholm (changes happen at 02:00/03:00), so one of the two offsets fits.
  for (const offsetHours of [2, 1]) {
    const candidate = noonish - offsetHours * 3600_000;
    const p = localParts(candidate);
    if (p.year === y && p.month === m && p.day === d && p.hour === 0) return toIsoUtc(candidate);
  }
  throw new Error(`Ogiltig dag: ${day}`);
}

// Calendar arithmetic on local days lives in calendar.ts; these names stay importable from here.
export { addDays, isValidDay, isoWeek } from './calendar';
