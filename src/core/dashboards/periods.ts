/**
 * One rule for every period Lägesbild compares (Översikt, EST-lägesbild, Förändring, a löfte's effect):
 * - no compared period runs past the latest data;
 * - a period compared is complete, or it is compared with as many days from the start of the period it is
 *   compared with (the period just before, or the same dates last year);
 * - a reporting cycle (week, month, tertial) that is still running is replaced by the latest complete one;
 * - the result names both periods, the latest data, and any regularly reporting source silent in them.
 *
 * "Latest data" is not simply the newest day with an event: a walk observation typed in a month after the
 * last import would make every cycle after the import look empty. It is the latest day every source that
 * reported in each of the four weeks before has data for.
 */
import type { Db } from '../db/connection';
import type { Source } from '../../shared/domain';
import {
  cycleContaining,
  type DayRange,
  type EstCycle,
  type PeriodComparison,
  type SourceGap,
} from '../../shared/dashboards';
import {
  addDays,
  addMonthStarts,
  dayDiff,
  dayFromNumber,
  dayNumber,
  daysInclusive,
  isWholeMonths,
  minDay,
  monthsSpanned,
  sameDayLastYear,
} from '../../shared/calendar';
import { perConnection } from '../db/per-connection';
import { incidentRepoOf } from '../db/repos';

export type CompareWith = 'previous' | 'lastYear';

/** Weeks a source must have reported in, each of them, to count as reporting regularly. */
export const REGULAR_WEEKS = 4;
/** A regular source silent this many days in a row or more (and longer than chance explains) is named. */
export const SILENT_DAYS = 7;

// ---------------------------------------------------------------------------------------------------
// Periods

/** The period just before: as many whole months when it is whole months (a tertial), else as many days. */
export function periodBefore(p: DayRange): DayRange {
  if (isWholeMonths(p.fromDay, p.toDay)) {
    const months = monthsSpanned(p.fromDay, p.toDay);
    return { fromDay: addMonthStarts(p.fromDay, -months), toDay: addDays(p.fromDay, -1) };
  }
  const days = daysInclusive(p.fromDay, p.toDay);
  return { fromDay: addDays(p.fromDay, -days), toDay: addDays(p.fromDay, -1) };
}

/** The same dates one year earlier (29 February becomes 28 February). */
export function sameDatesLastYear(p: DayRange): DayRange {
  return { fromDay: sameDayLastYear(p.fromDay), toDay: sameDayLastYear(p.toDay) };
}

export { cycleContaining };

type Resolved = Omit<PeriodComparison, 'gaps'>;

/**
 * A chosen period against the period before it or the same dates last year. Complete in the data: both
 * whole. Running past the latest data: its days up to the latest data against as many days from the start
 * of the other. Beginning after the latest data: nothing to compare.
 */
export function comparePeriods(asked: DayRange, compareWith: CompareWith, asOfDay: string | null): Resolved {
  const other = compareWith === 'previous' ? periodBefore(asked) : sameDatesLastYear(asked);
  if (asOfDay === null || asked.fromDay > asOfDay) {
    return { current: asked, previous: other, asOfDay, rule: 'no_data', asked };
  }
  if (asked.toDay <= asOfDay) return { current: asked, previous: other, asOfDay, rule: 'whole', asked: null };
  const current = { fromDay: asked.fromDay, toDay: asOfDay };
  const days = daysInclusive(current.fromDay, current.toDay);
  const previous = { fromDay: other.fromDay, toDay: minDay(addDays(other.fromDay, days - 1), other.toDay) };
  return { current, previous, asOfDay, rule: 'first_days', asked };
}

/**
 * A reporting cycle and the one before it, never past the latest data: the cycle containing `day` (or the
 * latest data, when that is earlier) if the data covers it to its end, else the complete one before it. A
 * week ends on its day, so it is always complete.
 */
export function compareCycles(cycle: EstCycle, day: string, asOfDay: string | null): Resolved {
  const askedCycle = cycleContaining(cycle, day);
  if (asOfDay === null) {
    return { current: askedCycle, previous: periodBefore(askedCycle), asOfDay, rule: 'no_data', asked: askedCycle };
  }
  const at = cycleContaining(cycle, minDay(day, asOfDay));
  const current = at.toDay <= asOfDay ? at : cycleContaining(cycle, addDays(at.fromDay, -1));
  const same = current.fromDay === askedCycle.fromDay && current.toDay === askedCycle.toDay;
  return {
    current,
    previous: periodBefore(current),
    asOfDay,
    rule: same ? 'whole' : 'earlier_cycle',
    asked: same ? null : askedCycle,
  };
}

/** Periods saved with a view: shown as they were, whatever has been added since. */
export function pinnedPeriods(pinned: { current: DayRange; previous: DayRange }, asOfDay: string | null): Resolved {
  return { current: pinned.current, previous: pinned.previous, asOfDay, rule: 'whole', asked: null };
}

// ---------------------------------------------------------------------------------------------------
// Latest data

interface Selection {
  kommunIds?: readonly number[] | undefined;
  lpoIds?: readonly number[] | undefined;
}

function selectionWhere(sel: Selection, params: unknown[]): string {
  const parts: string[] = [];
  if (sel.kommunIds?.length) {
    parts.push(`kommun_id IN (${sel.kommunIds.map(() => '?').join(', ')})`);
    params.push(...sel.kommunIds);
  }
  if (sel.lpoIds?.length) {
    parts.push(`kommun_id IN (SELECT id FROM kommun WHERE lpo_id IN (${sel.lpoIds.map(() => '?').join(', ')}))`);
    params.push(...sel.lpoIds);
  }
  return parts.map((p) => ` AND ${p}`).join('');
}

/**
 * The days (as day numbers) each source has events on within from..to (inclusive), from the day rollup.
 * Day numbers, not strings: the loops below visit every day of two periods for every source.
 */
function sourceDays(db: Db, fromDay: string, toDay: string, sel: Selection = {}): Map<Source, Set<number>> {
  const params: unknown[] = [fromDay, toDay];
  const where = selectionWhere(sel, params);
  const rows = db
    .prepare(`SELECT DISTINCT day, source FROM incident_rollup_day WHERE day BETWEEN ? AND ? AND n > 0${where}`)
    .all(...params) as { day: string; source: Source }[];
  const out = new Map<Source, Set<number>>();
  const numbers = new Map<string, number>();
  for (const r of rows) {
    let days = out.get(r.source);
    if (!days) out.set(r.source, (days = new Set()));
    let n = numbers.get(r.day);
    if (n === undefined) numbers.set(r.day, (n = dayNumber(r.day)));
    days.add(n);
  }
  return out;
}

/** Reported on at least one day in each of the REGULAR_WEEKS weeks before day number `day`. */
function isRegular(days: Set<number>, day: number): boolean {
  for (let w = 0; w < REGULAR_WEEKS; w++) {
    let hit = false;
    for (let i = 1; i <= 7 && !hit; i++) hit = days.has(day - (w * 7 + i));
    if (!hit) return false;
  }
  return true;
}

/** The longest run of days without events in the REGULAR_WEEKS weeks before day number `day`. */
function longestSilence(days: Set<number>, day: number): number {
  let longest = 0;
  let run = 0;
  for (let i = REGULAR_WEEKS * 7; i >= 1; i--) {
    run = days.has(day - i) ? 0 : run + 1;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** How far back latestDataDay looks for a day every regular source reached, before it gives up. */
const SEARCH_DAYS = 3 * 366;
const WINDOW_DAYS = 63;

/**
 * Latest data: the latest day (not after today) with events on which every source that reported in each of
 * the four weeks before has data, allowing each source the longest silence it had in those weeks (a source
 * with events on most days may be quiet a day, one that reports daily may not). A lone entry after the
 * last import therefore never moves it. Without any regularly reporting source (a young database), the
 * latest day with events.
 */
export function latestDataDay(db: Db, today: string): string | null {
  // Asked by every dashboard answer; cached under the one version every cache keys on (the DbContext's,
  // which every write moves), so no write can leave it behind.
  const memo = perConnection(db, 'latestDataDay', () => ({ key: '', value: null as string | null }));
  const key = `${incidentRepoOf(db).version()}|${today}`;
  if (memo.key !== key) {
    memo.value = computeLatestDataDay(db, today);
    memo.key = key;
  }
  return memo.value;
}

function computeLatestDataDay(db: Db, today: string): string | null {
  const newest = db.prepare('SELECT max(day) FROM incident_rollup_day WHERE day <= ? AND n > 0').pluck().get(today) as
    string | null;
  if (!newest) return null;
  const lookback = REGULAR_WEEKS * 7;
  for (let end = newest; dayDiff(end, newest) < SEARCH_DAYS; end = addDays(end, -WINDOW_DAYS)) {
    const from = addDays(end, -(WINDOW_DAYS + lookback));
    const bySource = sourceDays(db, from, end);
    const withData = new Set([...bySource.values()].flatMap((s) => [...s]));
    if (withData.size === 0) {
      const older = db.prepare('SELECT max(day) FROM incident_rollup_day WHERE day < ? AND n > 0').pluck().get(from) as
        string | null;
      if (!older) break;
      end = addDays(older, WINDOW_DAYS);
      continue;
    }
    const last = dayNumber(end);
    for (let day = last; day > last - WINDOW_DAYS; day--) {
      if (!withData.has(day)) continue;
      const regular = [...bySource.values()].filter((days) => isRegular(days, day));
      if (regular.length === 0) continue;
      const reached = regular.every((days) => {
        const allowed = longestSilence(days, day);
        for (let i = 0; i <= allowed; i++) if (days.has(day - i)) return true;
        return false;
      });
      if (reached) return dayFromNumber(day);
    }
  }
  return newest;
}

// ---------------------------------------------------------------------------------------------------
// Silent sources

/**
 * The silence that is worth a note for a source with events on a share `p` of days, in a period of
 * `days` days: at least SILENT_DAYS, and long enough that chance alone would give one that long in the
 * period less than one time in a hundred ((1 − p)^run · days < 0.01). A source with events most days may not
 * be silent four days running; one with events every other day may be silent a week and a half.
 */
export function silenceWorthNoting(p: number, days: number): number {
  if (p >= 1) return SILENT_DAYS;
  if (p <= 0) return Infinity;
  return Math.max(SILENT_DAYS, Math.ceil(Math.log(0.01 / days) / Math.log(1 - p)));
}

/**
 * Sources that reported in the selection in each of the four weeks before a compared period and then fall
 * silent inside it for longer than chance explains (silenceWorthNoting): a missing delivery is the likely
 * reason, and the comparison is only as good as the data.
 */
export function sourceGaps(db: Db, sel: Selection, current: DayRange, previous: DayRange): SourceGap[] {
  const periods = [
    ['previous', previous],
    ['current', current],
  ] as const;
  const lookback = REGULAR_WEEKS * 7;
  const from = addDays(minDay(previous.fromDay, current.fromDay), -lookback);
  const to = current.toDay > previous.toDay ? current.toDay : previous.toDay;
  const bySource = sourceDays(db, from, to, sel);
  const gaps: SourceGap[] = [];
  for (const [source, days] of [...bySource].sort((a, b) => a[0].localeCompare(b[0]))) {
    for (const [which, p] of periods) {
      const first = dayNumber(p.fromDay);
      const last = dayNumber(p.toDay);
      if (!isRegular(days, first)) continue;
      let reported = 0;
      for (let day = first - lookback; day <= last; day++) if (days.has(day)) reported++;
      const threshold = silenceWorthNoting(reported / (last - first + 1 + lookback), last - first + 1);
      let runFrom: number | null = null;
      for (let day = first; day <= last + 1; day++) {
        const silent = day <= last && !days.has(day);
        if (silent && runFrom === null) runFrom = day;
        if (!silent && runFrom !== null) {
          if (day - runFrom >= threshold) {
            gaps.push({ source, period: which, fromDay: dayFromNumber(runFrom), toDay: dayFromNumber(day - 1) });
          }
          runFrom = null;
        }
      }
    }
  }
  return gaps;
}

/** The resolved periods with the sources silent in them, for a selection. */
export function withGaps(db: Db, sel: Selection, r: Resolved): PeriodComparison {
  return { ...r, gaps: r.rule === 'no_data' ? [] : sourceGaps(db, sel, r.current, r.previous) };
}
