import type { Db } from './connection';
import { isoWeek, localDay } from '../../shared/time';

/**
 * Accumulates +1/-1 changes to the per-day and per-month rollups and applies them in one go.
 * Callers flush inside the same transaction as the incident writes they summarise.
 */
export class RollupDelta {
  private readonly counts = new Map<string, number>();
  /** Local day per UTC hour ("2025-06-07T19"): bulk imports ask for the same few hours again and again. */
  private readonly dayOfHour = new Map<string, string>();

  add(kommunId: number, category: string, source: string, occurredAt: string, delta: 1 | -1): void {
    // Stockholm's offset is whole hours, so the UTC hour decides the local day.
    const hour = occurredAt.slice(0, 13);
    let day = this.dayOfHour.get(hour);
    if (day === undefined) {
      day = localDay(occurredAt);
      this.dayOfHour.set(hour, day);
    }
    const key = `${kommunId}\u0001${category}\u0001${source}\u0001${day}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + delta);
  }

  get size(): number {
    return this.counts.size;
  }

  flush(db: Db): void {
    if (this.counts.size === 0) return;
    const day = RollupDelta.table(db, 'day');
    const coarser = [
      { table: RollupDelta.table(db, 'month'), of: (d: string) => d.slice(0, 7), sums: new Map<string, number>() },
      { table: RollupDelta.table(db, 'week'), of: weekOf, sums: new Map<string, number>() },
    ];
    for (const [key, n] of this.counts) {
      if (n === 0) continue;
      const [kommun, category, source, d] = key.split('\u0001') as [string, string, string, string];
      day.apply(Number(kommun), category, source, d, n);
      for (const c of coarser) {
        const ckey = `${kommun}\u0001${category}\u0001${source}\u0001${c.of(d)}`;
        c.sums.set(ckey, (c.sums.get(ckey) ?? 0) + n);
      }
    }
    for (const c of coarser) {
      for (const [key, n] of c.sums) {
        if (n === 0) continue;
        const [kommun, category, source, period] = key.split('\u0001') as [string, string, string, string];
        c.table.apply(Number(kommun), category, source, period, n);
      }
    }
    this.counts.clear();
  }

  /** Adds n (±) to one row of a rollup table; a row that reaches 0 is removed. */
  private static table(db: Db, unit: 'day' | 'week' | 'month') {
    const upsert = db.prepare(
      `INSERT INTO incident_rollup_${unit} (kommun_id, category, source, ${unit}, n) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (${unit}, kommun_id, category, source) DO UPDATE SET n = n + excluded.n`,
    );
    // A decrement must be a plain UPDATE: an upsert's candidate row (n < 0) fails CHECK (n >= 0) before
    // SQLite ever looks at the conflict, so every delete would be refused.
    const dec = db.prepare(
      `UPDATE incident_rollup_${unit} SET n = n + ? WHERE ${unit} = ? AND kommun_id = ? AND category = ? AND source = ?`,
    );
    const drop = db.prepare(
      `DELETE FROM incident_rollup_${unit} WHERE ${unit} = ? AND kommun_id = ? AND category = ? AND source = ? AND n = 0`,
    );
    return {
      apply(kommun: number, category: string, source: string, period: string, n: number) {
        if (n > 0) upsert.run(kommun, category, source, period, n);
        else {
          dec.run(n, period, kommun, category, source);
          drop.run(period, kommun, category, source);
        }
      },
    };
  }
}

const weeks = new Map<string, string>();
/** "2026-W01": the ISO week of a local day, as strftime('%G-W%V') writes it. */
export function weekOf(day: string): string {
  let w = weeks.get(day);
  if (w === undefined) {
    const { year, week } = isoWeek(day);
    w = `${year}-W${String(week).padStart(2, '0')}`;
    if (weeks.size > 20_000) weeks.clear();
    weeks.set(day, w);
  }
  return w;
}
