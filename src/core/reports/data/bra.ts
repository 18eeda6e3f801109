/**
 * Brå's reported crimes per kommun and year, as imported (`bra_reported_crime`, src/core/imports/bra.ts), and
 * per län and for the whole country (`bra_region`, schema 14): a kommun beside its län and Hela landet. A
 * kommun's län is the first two digits of its SCB code (src/shared/lan.ts).
 */
import type { Db } from '../../db/connection';
import { lanOfKommun, regionName, RIKET_CODE } from '../../../shared/lan';

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

export interface BraRegionValue {
  /** SCB's two-digit län code; 00 = the whole country. */
  regionCode: string;
  year: number;
  count: number | null;
  per100k: number | null;
}

/** The imported values for the regions (län codes, 00 for riket) in fromYear..toYear, by region and year. */
export function braRegionValues(
  db: Db,
  regionCodes: readonly string[],
  fromYear: number,
  toYear: number,
): BraRegionValue[] {
  if (regionCodes.length === 0) return [];
  return db
    .prepare(
      `SELECT region_code AS regionCode, year, count, per_100k AS per100k FROM bra_region
       WHERE year BETWEEN ? AND ? AND region_code IN (${regionCodes.map(() => '?').join(', ')})
       ORDER BY region_code, year`,
    )
    .all(fromYear, toYear, ...regionCodes) as BraRegionValue[];
}

/** One year's value for an area; null count or rate: suppressed by Brå (".."). */
export interface BraCell {
  count: number | null;
  per100k: number | null;
}

export interface BraArea {
  kind: 'kommun' | 'lan' | 'riket';
  /** The kommun's SCB code, or the region's code. */
  code: string;
  name: string;
  /** By year; a year missing here is not imported for the area. */
  values: Map<number, BraCell>;
}

export interface BraComparison {
  /** The years any of the kommuner has a value for, ascending. */
  years: number[];
  /** The kommuner in the order given, then their län (by code), then Hela landet. */
  areas: BraArea[];
  /** Regions (län, Hela landet) without a value in one of `years`: "Skåne län 2023". */
  missing: { name: string; year: number }[];
}

/**
 * The kommuner's reported crimes per 100 000 beside their län's and the whole country's, for the years in
 * fromYear..toYear that any of the kommuner has imported.
 */
export function braComparison(
  db: Db,
  kommuner: readonly { id: number; scbCode: string; name: string }[],
  fromYear: number,
  toYear: number,
): BraComparison {
  const own = braValues(
    db,
    kommuner.map((k) => k.id),
    fromYear,
    toYear,
  );
  const years = [...new Set(own.map((v) => v.year))].sort((a, b) => a - b);
  const lanCodes = [...new Set(kommuner.flatMap((k) => lanOfKommun(k.scbCode)?.code ?? []))].sort();
  const regions = braRegionValues(db, [...lanCodes, RIKET_CODE], fromYear, toYear);
  const cell = (v: BraCell): BraCell => ({ count: v.count, per100k: v.per100k });
  const areas: BraArea[] = [
    ...kommuner.map((k) => ({
      kind: 'kommun' as const,
      code: k.scbCode,
      name: k.name,
      values: new Map(own.filter((v) => v.kommunId === k.id).map((v) => [v.year, cell(v)])),
    })),
    ...[...lanCodes, RIKET_CODE].map((code) => ({
      kind: code === RIKET_CODE ? ('riket' as const) : ('lan' as const),
      code,
      name: regionName(code),
      values: new Map(regions.filter((v) => v.regionCode === code).map((v) => [v.year, cell(v)])),
    })),
  ];
  const missing = areas
    .filter((a) => a.kind !== 'kommun')
    .flatMap((a) => years.filter((y) => !a.values.has(y)).map((year) => ({ name: a.name, year })));
  return { years, areas, missing };
}
