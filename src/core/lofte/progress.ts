/**
 * Progress of a löfte's activity against its target, written out so it can be checked by hand.
 *
 * A target is "at least q per week / per month / in the period". Spread over days, each day carries
 * q / (length of its cadence unit): q/7 for a week, q/(days in that month) for a month, q/(days in the
 * period) for the period. The pro-rata expectation for any stretch of days is the sum over its days inside
 * the period, so a period that starts on 15 May expects 17/31 of May's quantity in May.
 *
 * Activities are whole, so everything shown is a whole number, by one rule: what is due by a day is the
 * whole part of the pro-rata expectation from the period's start through that day, ⌊expected⌋ (a whole
 * week or month owes exactly q; never more than the whole period's target, which is ⌊expected for the
 * period⌋). A stretch's target is what is due by its last day minus what was due the day before it
 * starts, so the stretches' targets are whole and add up exactly to the period's. An activity is behind
 * schedule when fewer were done since the start than were due by then, and each stretch's state is that
 * same comparison at its end (or today, for the stretch in progress): a stretch never reads "enligt plan"
 * where the summary on the same day says "efter plan", and early work counts for later stretches.
 */
import type { Cadence } from '../../shared/lofte';
import {
  addDays,
  daysInclusive as daysBetween,
  isoMonday,
  isoWeek,
  maxDay,
  minDay,
  monthEnd,
} from '../../shared/calendar';

export interface Period {
  fromDay: string;
  toDay: string;
}

export type Granularity = 'vecka' | 'manad' | 'kvartal' | 'period';

const EPS = 1e-9;

/** Days from..to, both counted (calendar.ts); exported here for the callers that know it by this name. */
export { daysBetween };

/** The activity's target for the days from..to (inclusive) that fall inside the period. */
export function targetBetween(
  quantity: number,
  cadence: Cadence,
  period: Period,
  fromDay: string,
  toDay: string,
): number {
  const from = maxDay(fromDay, period.fromDay);
  const to = minDay(toDay, period.toDay);
  if (from > to || quantity <= 0) return 0;
  const days = daysBetween(from, to);
  if (cadence === 'vecka') return (quantity * days) / 7;
  if (cadence === 'period') return (quantity * days) / daysBetween(period.fromDay, period.toDay);
  // Per month: each month's days count against that month's length.
  let total = 0;
  for (let start = from; start <= to; start = addDays(monthEnd(start), 1)) {
    const end = minDay(monthEnd(start), to);
    total += (quantity * daysBetween(start, end)) / daysBetween(`${start.slice(0, 8)}01`, monthEnd(start));
  }
  return total;
}

/** The whole units owed for a pro-rata expectation (a whole week or month owes exactly the quantity). */
export const required = (expected: number): number => Math.floor(expected + EPS);

/** Whole activities due from the period's start through a day (0 before the period, the total after it). */
export function dueBy(quantity: number, cadence: Cadence, period: Period, day: string): number {
  if (day < period.fromDay) return 0;
  return required(targetBetween(quantity, cadence, period, period.fromDay, minDay(day, period.toDay)));
}

export interface Bucket {
  /** "2026-W01", "2026-05", "2026 K2" or "Hela perioden". */
  label: string;
  fromDay: string;
  toDay: string;
}

/** The period cut into weeks (ISO), months, quarters or one piece; edge pieces clipped to the period. */
export function buckets(period: Period, by: Granularity): Bucket[] {
  if (by === 'period') return [{ label: 'Hela perioden', ...period }];
  const out: Bucket[] = [];
  let start = period.fromDay;
  while (start <= period.toDay) {
    let end: string;
    let label: string;
    if (by === 'vecka') {
      end = addDays(isoMonday(start), 6);
      const w = isoWeek(start);
      label = `${w.year}-W${String(w.week).padStart(2, '0')}`;
    } else if (by === 'manad') {
      end = monthEnd(start);
      label = start.slice(0, 7);
    } else {
      const [y, m] = start.split('-').map(Number) as [number, number];
      const q = Math.floor((m - 1) / 3);
      end = monthEnd(`${y}-${String(q * 3 + 3).padStart(2, '0')}-01`);
      label = `${y} K${q + 1}`;
    }
    end = minDay(end, period.toDay);
    out.push({ label, fromDay: start, toDay: end });
    start = addDays(end, 1);
  }
  return out;
}

/** Behind or on plan at the stretch's end (or today, for the stretch in progress); later ones are to come. */
export type BucketStatus = 'enligt_plan' | 'efter_plan' | 'kommande';

export interface BucketProgress extends Bucket {
  /** Whole activities this stretch adds to what is due; the stretches add up to the period's target. */
  target: number;
  /** Performed in this stretch. */
  done: number;
  /** Performed from the period's start through the stretch's end (or today). */
  doneSoFar: number;
  /** Due from the period's start through the stretch's end (or today). */
  dueSoFar: number;
  status: BucketStatus;
  /** The stretch holding today. */
  running: boolean;
}

const countBetween = (logs: readonly { day: string; count: number }[], from: string, to: string) =>
  logs.filter((l) => l.day >= from && l.day <= to).reduce((s, l) => s + l.count, 0);

/** Logged counts per stretch against the target, as of a day. */
export function progressBy(
  quantity: number,
  cadence: Cadence,
  period: Period,
  logs: readonly { day: string; count: number }[],
  by: Granularity,
  asOfDay: string,
): BucketProgress[] {
  return buckets(period, by).map((b) => {
    const target = dueBy(quantity, cadence, period, b.toDay) - dueBy(quantity, cadence, period, addDays(b.fromDay, -1));
    const done = countBetween(logs, b.fromDay, b.toDay);
    const running = b.fromDay <= asOfDay && asOfDay <= b.toDay;
    if (b.fromDay > asOfDay) return { ...b, target, done, doneSoFar: 0, dueSoFar: 0, status: 'kommande', running };
    const through = minDay(b.toDay, asOfDay);
    const doneSoFar = countBetween(logs, period.fromDay, through);
    const dueSoFar = dueBy(quantity, cadence, period, through);
    const status: BucketStatus = doneSoFar >= dueSoFar ? 'enligt_plan' : 'efter_plan';
    return { ...b, target, done, doneSoFar, dueSoFar, status, running };
  });
}

export interface Schedule {
  /** The pro-rata expectation through the day (a fraction; for the explanation, not shown as a target). */
  expected: number;
  /** Whole activities due from the period's start through the day: ⌊expected⌋. */
  required: number;
  done: number;
  /** The whole period's target in whole activities. */
  total: number;
  behind: boolean;
}

/** Whether an activity is behind schedule on a day: fewer done than the whole activities due by then. */
export function schedule(
  quantity: number,
  cadence: Cadence,
  period: Period,
  logs: readonly { day: string; count: number }[],
  asOfDay: string,
): Schedule {
  const through = minDay(asOfDay, period.toDay);
  const expected = through < period.fromDay ? 0 : targetBetween(quantity, cadence, period, period.fromDay, through);
  const done = countBetween(logs, period.fromDay, through);
  const need = dueBy(quantity, cadence, period, through);
  return {
    expected,
    required: need,
    done,
    total: dueBy(quantity, cadence, period, period.toDay),
    behind: done < need,
  };
}
