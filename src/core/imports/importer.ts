/**
 * What one import format is to the pipeline: how its file is opened as rows, how the preview tells whether a
 * row would change anything, how its rows are written inside the import's transaction, how an import of it
 * is undone, and how the preview shows its rows. Each format is one module in ./formats implementing
 * `Importer`, listed once in ./formats/index.ts (IMPORTERS); pipeline.ts, undo.ts and service.ts look the
 * format up there instead of switching on it.
 */
import type { Db } from '../db/connection';
import type { ImportPreview } from '../../shared/imports';
import type { Source } from '../../shared/domain';
import type { FileInput } from './file-input';
import type { ColumnMapping, MappedField } from './incidents-table';
import type { ImportFormat, ParseContext, RowStream } from './types';

export interface ImportRequest {
  fileName: string;
  /** The file's content, for small files and tests; else `path`. */
  bytes?: Uint8Array | undefined;
  /** The file on disk, read in chunks: a Polisens-händelser file of any size never sits in memory whole. */
  path?: string | undefined;
  format?: ImportFormat | undefined;
  /** "Hoppa över ogiltiga rader": invalid rows are skipped and listed instead of refusing the file. */
  skipInvalid?: boolean;
  /** Brå files do not say which year they cover. */
  year?: number | undefined;
  /** Incident spreadsheets: which column holds what (else a saved or suggested mapping). */
  mapping?: Partial<ColumnMapping> | undefined;
  /** Incident spreadsheets without a source column. */
  defaultSource?: Source | undefined;
  /** Who imports (the local user profile, or a CLI's `--user`), for the import log. */
  by?: string | undefined;
  /**
   * The user has seen and confirmed the preview's confirm-warnings (a file that may be cut short, a population
   * that changes by more than half): without it, a file with such warnings is refused.
   */
  acceptWarnings?: boolean | undefined;
}

/** Incident spreadsheets: which column each field reads. */
export interface MappingState {
  header: string[];
  mapping: Partial<ColumnMapping>;
  /** Required fields no column is mapped to yet. */
  missing: MappedField[];
}

export interface WriteCounts {
  added: number;
  updated: number;
  duplicates: number;
  /** What an update replaced, so the import can be undone. */
  previous: unknown[];
}

export const emptyCounts = (): WriteCounts => ({ added: 0, updated: 0, duplicates: 0, previous: [] });

/**
 * A function whose parameter is checked bivariantly, so that an `Importer<BraRow>` is also an
 * `Importer<unknown>` for the pipeline, which only hands a format's rows back to the same format.
 */
type Of<T, R> = { bivarianceHack(value: T): R }['bivarianceHack'];

export interface OpenArgs {
  db: Db;
  req: ImportRequest;
  input: FileInput;
  /** The kommuner, as every parser sees them. */
  ctx: ParseContext;
  /** Bytes of the file read so far, for the progress estimate of formats read chunk by chunk. */
  onRead?: ((read: number) => void) | undefined;
}

/** A file opened as rows, with what the format adds to its preview (`extra`, e.g. a column mapping). */
export interface Opened<T, X extends object = object> {
  stream: RowStream<T>;
  extra: X;
}

export interface WriteArgs<X extends object = object> {
  db: Db;
  req: ImportRequest;
  /** The import log entry being written. */
  importId: number;
  /** The import's time, UTC ISO. */
  stamp: string;
  extra: X;
}

/** Writes rows batch by batch inside the import's transaction; `finish` once all are written. */
export interface RowWriter<T> {
  write: Of<{ row: number; value: T }[], void>;
  finish(): WriteCounts;
}

export interface DisplayArgs {
  db: Db;
  kommunName: ReadonlyMap<number, string>;
}

/** The preview's columns (after "Rad"), each row's cells, and what else the preview shows. */
export interface Display<T> {
  columns: string[];
  cells: Of<T, string[]>;
  mapping?: ImportPreview['mapping'];
}

export interface Importer<T, X extends object = object> {
  /** The file's rows as a stream (read lazily where the format allows); refuses a file it cannot read. */
  open(o: OpenArgs): Promise<Opened<T, X>>;
  /** Refuses, before anything is written, a file that is not ready to import (e.g. unmapped columns). */
  readyToCommit?(extra: X): void;
  /** Whether a row would add or change something: the writer's test, without writing. */
  changes(db: Db): Of<T, boolean>;
  writer(w: WriteArgs<X>): RowWriter<T>;
  /** Removes what the import added and puts back what it changed (`previous` from its write counts). */
  undo(db: Db, importId: number, previous: unknown[] | undefined): { removed: number; restored: number };
  /** How the preview shows this format's rows; `extra` is what `open` returned with them. */
  display(d: DisplayArgs, extra: X): Display<T>;
}

/** Any format's importer, as the pipeline holds it. */
export type AnyImporter = Importer<unknown>;
