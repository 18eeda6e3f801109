/**
 * Brå's reported crimes per kommun and year, as imported (`bra_reported_crime`, src/core/imports/bra.ts).
 * The import keeps kommun rows only: the län's and the whole country's rows are skipped ("är ett län, inte
 * en kommun", "är inte en kommun"), so they cannot be shown beside the kommun.
 */
import type { Db } from '../../db/connection';

export interface BraValue {
  kommunId: number;
  year: number;
  /** Null: suppressed in Brå's file (".."). */
  count: number | null;
  per100k: number | null;
}

/** The imported values for the kommuner in the years fromYear..toYear, by kommun and year. */
export function braValues(db: Db, kommunIds: readonly number[], fromYear: number, toYear: number): BraValue[] {
  if (kommunIds.length === 0) return [];
  return db
    .prepare(
      `SELECT kommun_id AS kommunId, year, count, per_100k AS per100k FROM bra_reported_crime
       WHERE year BETWEEN ? AND ? AND kommun_id IN (${kommunIds.map(() => '?').join(', ')})
       ORDER BY year, kommun_id`,
    )
    .all(fromYear, toYear, ...kommunIds) as BraValue[];
}
