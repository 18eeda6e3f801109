/**
 * "Sök och radera" (a data subject request): every place free text is kept is one source that can find a
 * term and erase or mask the chosen hits. The incidents, the trash, the import history, löfte snapshots,
 * walks and comments live in src/core/privacy; the audit log adds its own source (src/core/audit).
 */
import type { Db } from '../db/types';

export interface TextHit {
  /** The source's key, e.g. 'incident', 'audit'. */
  readonly source: string;
  /** Swedish name of the source for the screen, e.g. "Händelser". */
  readonly sourceLabel: string;
  /** Row id within the source. */
  readonly id: number;
  /** Column or JSON field that holds the text. */
  readonly field: string;
  /** Swedish name of the field, e.g. "Beskrivning". */
  readonly fieldLabel: string;
  /** The text around the hit (at most ~120 characters). */
  readonly excerpt: string;
}

export interface ErasableSource {
  readonly source: string;
  readonly label: string;
  /** Hits of `term` (case-insensitive) in this source's free text. */
  find(db: Db, term: string): TextHit[];
  /**
   * 'mask' replaces each occurrence of `term` in the hit's field with "[raderat]"; 'erase' empties the field.
   * Returns the number of rows changed. Runs inside the caller's transaction.
   */
  erase(db: Db, hits: readonly TextHit[], term: string, mode: 'mask' | 'erase'): number;
}
