/**
 * Progress of a löfte's activity against its target, written out so it can be checked by hand.
 *
 * A target is "at least q per week / per month / in the period". Spread over days, each day carries
 * q / (length of its cadence unit): q/7 for a week, q/(days in that month) for a month, q/(days in the
 * period) for the period. The target for any stretch of days is the sum over its days inside the period, so
 * a period that starts on 15 May owes 17/31 of May's quantity in May, and a period that ends on a
 * Wednesday owes 3/7 of that week's. What counts as done is whole units: a stretch is reached when the
 * performed count is at least the whole part of its target (⌊target⌋; a whole month or week owes exactly
 * q), and an activity is behind schedule when, up to a day, fewer were done than the whole part of what
 * was due by then.
 */
import type { Cadence } from '../../shared/lofte';
import { addDays, isoWeek } from '../../shared/time';

export interface Period {
  fromDay: string;
  toDay: string;
}

export type Granularity = 'vecka' | 'manad' | 'kvartal' | 'period';

const DAY_MS = 86_400_000;
const EPS = 1e-9;

export function daysBetween(fromDay: string, toDay: string): number {
  return Math.round((Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / DAY_MS) + 1;
}

const monthEnd = (day: string) => {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
const maxDay = (a: string, b: string) => (a > b ? a : b);
const minDay = (a: string, b: string) => (a < b ? a : b);

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

/** The whole units a stretch owes (a whole week or month owes exactly the quantity). */
export const required = (target: number): number => Math.floor(target + EPS);

export interface Bucket {
  /** "2026-W01", "2026-05", "2026 K2" or "Hela perioden". */
  label: string;
  fromDay: string;
  toDay: string;
}

function isoMonday(day: string): string {
  const dow = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(day, -dow);
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

export type BucketStatus = 'uppnatt' | 'ej_uppnatt' | 'pagar' | 'kommande';

export interface BucketProgress extends Bucket {
  target: number;
  required: number;
  done: number;
  status: BucketStatus;
}

/** Logged counts per stretch against the target, as of a day (the stretch holding it is "pågår"). */
export function progressBy(
  quantity: number,
  cadence: Cadence,
  period: Period,
  logs: readonly { day: string; count: number }[],
  by: Granularity,
  asOfDay: string,
): BucketProgress[] {
  return buckets(period, by).map((b) => {
    const target = targetBetween(quantity, cadence, period, b.fromDay, b.toDay);
    const done = logs.filter((l) => l.day >= b.fromDay && l.day <= b.toDay).reduce((s, l) => s + l.count, 0);
    const need = required(target);
    const status: BucketStatus =
      b.toDay < asOfDay
        ? done >= need
          ? 'uppnatt'
          : 'ej_uppnatt'
        : b.fromDay <= asOfDay
          ? done >= need
            ? 'uppnatt'
            : 'pagar'
          : 'kommande';
    return { ...b, target, required: need, done, status };
  });
}

export interface Schedule {
  /** Target from the period's start through the day (or the period's end). */
  due: number;
  required: number;
  done: number;
  /** The whole period's target. */
  total: number;
  behind: boolean;
}

/** Whether an activity is behind schedule on a day: fewer done than the whole units due by then. */
export function schedule(
  quantity: number,
  cadence: Cadence,
  period: Period,
  logs: readonly { day: string; count: number }[],
  asOfDay: string,
): Schedule {
  const through = minDay(asOfDay, period.toDay);
  const due = through < period.fromDay ? 0 : targetBetween(quantity, cadence, period, period.fromDay, through);
  const done = logs.filter((l) => l.day >= period.fromDay && l.day <= through).reduce((s, l) => s + l.count, 0);
  const need = required(due);
  return {
    due,
    required: need,
    done,
    total: targetBetween(quantity, cadence, period, period.fromDay, period.toDay),
    behind: done < need,
  };
}
