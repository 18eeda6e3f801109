import type { Db } from './connection';
import { localDay } from '../../shared/time';

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
    const upsertDay = db.prepare(
      `INSERT INTO incident_rollup_day (kommun_id, category, source, day, n) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (day, kommun_id, category, source) DO UPDATE SET n = n + excluded.n`,
    );
    const upsertMonth = db.prepare(
      `INSERT INTO incident_rollup_month (kommun_id, category, source, month, n) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (month, kommun_id, category, source) DO UPDATE SET n = n + excluded.n`,
    );
    // A decrement must be a plain UPDATE: an upsert's candidate row (n < 0) fails CHECK (n >= 0) before
    // SQLite ever looks at the conflict, so every delete would be refused.
    const decDay = db.prepare(
      'UPDATE incident_rollup_day SET n = n + ? WHERE day = ? AND kommun_id = ? AND category = ? AND source = ?',
    );
    const decMonth = db.prepare(
      'UPDATE incident_rollup_month SET n = n + ? WHERE month = ? AND kommun_id = ? AND category = ? AND source = ?',
    );
    const dropDay = db.prepare(
      'DELETE FROM incident_rollup_day WHERE day = ? AND kommun_id = ? AND category = ? AND source = ? AND n = 0',
    );
    const dropMonth = db.prepare(
      'DELETE FROM incident_rollup_month WHERE month = ? AND kommun_id = ? AND category = ? AND source = ? AND n = 0',
    );
    const months = new Map<string, number>();
    for (const [key, n] of this.counts) {
      if (n === 0) continue;
      const [kommun, category, source, day] = key.split('\u0001') as [string, string, string, string];
      if (n > 0) upsertDay.run(Number(kommun), category, source, day, n);
      else {
        decDay.run(n, day, Number(kommun), category, source);
        dropDay.run(day, Number(kommun), category, source);
      }
      const mkey = `${kommun}\u0001${category}\u0001${source}\u0001${day.slice(0, 7)}`;
      months.set(mkey, (months.get(mkey) ?? 0) + n);
    }
    for (const [key, n] of months) {
      if (n === 0) continue;
      const [kommun, category, source, month] = key.split('\u0001') as [string, string, string, string];
      if (n > 0) upsertMonth.run(Number(kommun), category, source, month, n);
      else {
        decMonth.run(n, month, Number(kommun), category, source);
        dropMonth.run(month, Number(kommun), category, source);
      }
    }
    this.counts.clear();
  }
}
