/** Import DTOs that cross the boundary: formats, previews, reports and the import log. */
export const IMPORT_FORMATS = ['polisen', 'incidents', 'bra', 'scb', 'trygghet'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_FORMAT_LABELS: Record<ImportFormat, string> = {
  polisen: 'Polisens händelser (JSON)',
  incidents: 'Händelser från CSV/Excel',
  bra: 'Brå anmälda brott per kommun (CSV)',
  scb: 'SCB folkmängd (CSV)',
  trygghet: 'Trygghetsmätning (CSV/Excel)',
};

/** A row left out or broken, 1-based as in the file. */
export interface RowProblem {
  row: number;
  reason: string;
}

export interface ImportPreview {
  fileName: string;
  format: ImportFormat;
  rowCount: number;
  columns: string[];
  sample: { row: number; cells: string[] }[];
  /** Listed up to a limit (the first 1 000); the counts are for the whole file. */
  skipped: RowProblem[];
  invalid: RowProblem[];
  skippedCount: number;
  invalidCount: number;
  warnings: string[];
  /**
   * Warnings the user must confirm before importing (the file may be cut short: its last line has no line
   * ending and a number shorter than its column's others; a population that changes by more than half from
   * the year before). `imports.commit` refuses the file unless called with `acceptWarnings: true`.
   */
  confirmWarnings: string[];
  /** No row would be added or changed: every row is already in the database as it is, or there are none. */
  nothingNew: boolean;
  alreadyImported: boolean;
  /**
   * Rows whose description looks like it holds personal data ("Rad 17, Beskrivning: ett personnummer (…)"),
   * listed up to a limit with the count. A warning only: the import still runs.
   */
  piiWarnings?: { rows: string[]; count: number };
  /** Incident spreadsheets: the file's columns and which one each field reads (saved or suggested). */
  mapping?: {
    header: string[];
    fields: { field: string; label: string; required: boolean; column: string }[];
    missing: string[];
  };
}

export interface ImportReport {
  importId: number | null;
  format: ImportFormat;
  added: number;
  updated: number;
  duplicates: number;
  skipped: RowProblem[];
  warnings: string[];
}

export interface ImportLogEntry {
  id: number;
  fileName: string;
  format: ImportFormat;
  importedAt: string;
  added: number;
  updated: number;
  duplicates: number;
  skipped: number;
  undoneAt: string | null;
  /** Who imported it (the local user profile, or a CLI's `--user`); '' before schema 10. */
  importedBy: string;
}
