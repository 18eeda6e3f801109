/**
 * Calendar arithmetic on local days ("YYYY-MM-DD", Europe/Stockholm wall dates): one place for month
 * ends, ISO weeks, tertials and day differences. A local day is a date, not an instant, so the arithmetic
 * runs on UTC midnights, where every day has 24 hours: a daylight-saving change never adds or loses a day.
 * Turning an instant into its local day (and back) is time.ts's job.
 */

const DAY_MS = 86_400_000;

const pad2 = (n: number): string => String(n).padStart(2, '0');

function parts(day: string): [number, number, number] {
  return day.split('-').map(Number) as [number, number, number];
}

const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Days since 1970-01-01: a day as a number, for loops over many days. */
export function dayNumber(day: string): number {
  const [y, m, d] = parts(day);
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function dayFromNumber(n: number): string {
  return fromUtc(n * DAY_MS);
}

/** A day n days later (n < 0: earlier). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = parts(day);
  return fromUtc(Date.UTC(y, m - 1, d + n));
}

/** Days from `fromDay` to `toDay` (0 for the same day; negative when toDay is earlier). */
export function dayDiff(fromDay: string, toDay: string): number {
  const [y1, m1, d1] = parts(fromDay);
  const [y2, m2, d2] = parts(toDay);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY_MS);
}

/** How many days the range from..to holds, both ends counted (a single day is 1). */
export function daysInclusive(fromDay: string, toDay: string): number {
  return dayDiff(fromDay, toDay) + 1;
}

export const minDay = (a: string, b: string): string => (a < b ? a : b);
export const maxDay = (a: string, b: string): string => (a > b ? a : b);

/**
 * The years a day given as input may have. Before 1900 the Date arithmetic misreads two-digit years; the
 * last year leaves room for what the dashboards compute from a day (a period's end, its week, its tertial),
 * so a day the schema lets through never ends in an invalid date further on.
 */
export const DAY_YEAR_MIN = 1900;
export const DAY_YEAR_MAX = 9998;

export function isValidDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const [y, m, d] = parts(day);
  if (y < DAY_YEAR_MIN || y > DAY_YEAR_MAX) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** The first day of the month a day (or "YYYY-MM") is in. */
export function monthStart(dayOrMonth: string): string {
  return `${dayOrMonth.slice(0, 7)}-01`;
}

/** The last day of the month a day (or "YYYY-MM") is in: 2024-02 → 2024-02-29. */
export function monthEnd(dayOrMonth: string): string {
  const [y, m] = parts(dayOrMonth);
  return fromUtc(Date.UTC(y, m, 0));
}

/** The first day of the month `n` months after the month of `day` (n < 0: before). */
export function addMonthStarts(day: string, n: number): string {
  const [y, m] = parts(day);
  return fromUtc(Date.UTC(y, m - 1 + n, 1));
}

/** The same day some months later; a day the target month lacks becomes its last (31 Aug + 6 → 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [, , d] = parts(day);
  const start = addMonthStarts(day, months);
  const last = Number(monthEnd(start).slice(8));
  return `${start.slice(0, 8)}${pad2(Math.min(d, last))}`;
}

/** The same date a year earlier (29 February becomes 28 February). */
export function sameDayLastYear(day: string): string {
  return addMonths(day, -12);
}

/** Monday = 0 … Sunday = 6. */
export function weekdayIndex(day: string): number {
  const [y, m, d] = parts(day);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** The Monday of the ISO week a day is in. */
export function isoMonday(day: string): string {
  return addDays(day, -weekdayIndex(day));
}

/** ISO 8601 week number and its year for a calendar day (the week's Thursday decides the year). */
export function isoWeek(day: string): { year: number; week: number } {
  // On Date values rather than day strings: imports bucket every row's day into its week.
  const [y, m, d] = parts(day);
  const date = new Date(Date.UTC(y, m - 1, d));
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7) + 3);
  const year = date.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  return { year, week: 1 + Math.round((date.getTime() - firstThursday.getTime()) / (7 * DAY_MS)) };
}

/** "2026-W01": the ISO week of a day, as SQLite's strftime('%G-W%V') writes it. */
export function isoWeekLabel(day: string): string {
  const { year, week } = isoWeek(day);
  return `${year}-W${pad2(week)}`;
}

/** The Monday of an ISO week label ("2026-W01" → "2025-12-29"). */
export function isoWeekMonday(label: string): string {
  const year = Number(label.slice(0, 4));
  const week = Number(label.slice(6));
  return addDays(isoMonday(`${year}-01-04`), (week - 1) * 7);
}

/** The tertial (four months: Jan–Apr, May–Aug, Sep–Dec) a day is in, as its first and last day. */
export function tertialOf(day: string): { fromDay: string; toDay: string } {
  const [y, m] = parts(day);
  const first = Math.floor((m - 1) / 4) * 4 + 1;
  const fromDay = `${y}-${pad2(first)}-01`;
  return { fromDay, toDay: addDays(addMonthStarts(fromDay, 4), -1) };
}

/** Whether from..to is whole calendar months (starts on a 1st, ends on a month's last day). */
export function isWholeMonths(fromDay: string, toDay: string): boolean {
  return fromDay.endsWith('-01') && toDay === monthEnd(toDay);
}

/** Whole months in from..to when it is whole months (Jan 1 – Apr 30 → 4). */
export function monthsSpanned(fromDay: string, toDay: string): number {
  const [y1, m1] = parts(fromDay);
  const [y2, m2] = parts(toDay);
  return (y2 - y1) * 12 + (m2 - m1) + 1;
}
