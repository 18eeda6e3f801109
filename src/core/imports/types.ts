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
}

export type IncidentParse = ParseResult<NewIncident & { sourceRef: string }>;
