/**
 * The import pipeline's vocabulary. Each format has a parser: a pure function from the file's bytes to
 * rows (or a refusal naming line/row and field). Parsers never touch the database; the pipeline
 * previews, validates and commits their output in one transaction.
 */
import type { NewIncident } from '../db/incident-repo';

import type { RowProblem } from '../../shared/imports';

export { IMPORT_FORMATS, type ImportFormat, type RowProblem } from '../../shared/imports';

/** What a kommun looks like to a parser: names in any case, with the SCB code. */
export interface KommunRef {
  id: number;
  name: string;
  scbCode: string;
}

export interface ParseContext {
  kommuner: readonly KommunRef[];
}

/** Yearly reported crimes per kommun (Brå). `count`/`per100k` null = suppressed (".."). */
export interface BraRow {
  kommunId: number;
  year: number;
  count: number | null;
  per100k: number | null;
}

/** Population per kommun and year (SCB). */
export interface PopulationRow {
  kommunId: number;
  year: number;
  population: number;
}

export interface ParseResult<T> {
  rows: { row: number; value: T }[];
  /** Rows left out by rule, not by error (summaries, other kommuner, "Hela landet"): always listed. */
  skipped: RowProblem[];
  /** Rows that are broken; the pipeline refuses the file unless the user chose to skip invalid rows. */
  invalid: RowProblem[];
  warnings: string[];
  /** Warnings the user must confirm before the import (the file may be cut short): see truncation.ts. */
  confirm?: string[];
}

export type IncidentParse = ParseResult<NewIncident & { sourceRef: string }>;

/** One row of a file as the parser reads it: a value, or why the row is left out. */
export type RowItem<T> =
  { kind: 'row'; row: number; value: T } | { kind: 'skipped' | 'invalid'; row: number; reason: string };

/** A file's rows read lazily (a large file never sits in memory whole); warnings once all items are read. */
export interface RowStream<T> {
  items: Iterable<RowItem<T>>;
  warnings(): string[];
  /** Warnings the user must confirm before the import, once all items are read. */
  confirm?(): string[];
}

/** A stream read to the end, as a ParseResult. */
export function collectRows<T>(stream: RowStream<T>): ParseResult<T> {
  const result: ParseResult<T> = { rows: [], skipped: [], invalid: [], warnings: [] };
  for (const item of stream.items) {
    if (item.kind === 'row') result.rows.push({ row: item.row, value: item.value });
    else result[item.kind].push({ row: item.row, reason: item.reason });
  }
  result.warnings = stream.warnings();
  const confirm = stream.confirm?.() ?? [];
  if (confirm.length > 0) result.confirm = confirm;
  return result;
}

/** A parse already read whole, as a stream (rows and problems in file order). */
export function streamOf<T>(result: ParseResult<T>): RowStream<T> {
  const items: RowItem<T>[] = [
    ...result.rows.map((r) => ({ kind: 'row' as const, ...r })),
    ...result.skipped.map((p) => ({ kind: 'skipped' as const, ...p })),
    ...result.invalid.map((p) => ({ kind: 'invalid' as const, ...p })),
  ].sort((a, b) => a.row - b.row);
  return { items, warnings: () => result.warnings, confirm: () => result.confirm ?? [] };
}
