/** The import pipeline as the app's operations see it: files by path, previews as display rows, the log. */
import { referenceRepoOf } from '../db/repos';
import path from 'node:path';
import type { Db } from '../db/connection';
import type { ImportFormat, ImportLogEntry, ImportPreview, ImportReport } from '../../shared/imports';
import { checkImportFile } from './file-errors';
import { commitImport, previewImport, type ImportRequest, type Progress } from './pipeline';
import { importerOf } from './formats';
import type { ColumnMapping } from './incidents-table';
import type { Source } from '../../shared/domain';
import { suspendRowAudit } from '../audit/install';

export interface FileImport {
  path: string;
  format?: ImportFormat | undefined;
  year?: number | undefined;
  skipInvalid?: boolean | undefined;
  mapping?: Record<string, string> | undefined;
  defaultSource?: Source | undefined;
  /** The user confirmed the preview's confirm-warnings; without it a file that has any is refused. */
  acceptWarnings?: boolean | undefined;
  /** Who imports: the workspace fills it from the local user profile, the CLI from `--user`. */
  by?: string | undefined;
  /** The name the import log records when `path` is a local copy of the user's file (see spool.ts). */
  fileName?: string | undefined;
}

const SAMPLE_ROWS = 20;

function request(file: FileImport): ImportRequest {
  checkImportFile(file.path);
  return {
    fileName: file.fileName ?? path.basename(file.path),
    path: file.path,
    format: file.format,
    year: file.year,
    skipInvalid: file.skipInvalid ?? false,
    mapping: file.mapping as Partial<ColumnMapping> | undefined,
    defaultSource: file.defaultSource,
    by: file.by,
    acceptWarnings: file.acceptWarnings ?? false,
  };
}

/** Column names and the first rows as display text, with the file's row number first. */
function sampled<T>(rows: { row: number; value: T }[], columns: string[], cells: (value: T) => string[]) {
  return {
    columns: ['Rad', ...columns],
    sample: rows.map(({ row, value }) => ({ row, cells: [String(row), ...cells(value)] })),
  };
}

export async function previewFile(db: Db, file: FileImport, onProgress?: Progress): Promise<ImportPreview> {
  const p = await previewImport(db, request(file), SAMPLE_ROWS, onProgress);
  const kommunName = new Map(
    referenceRepoOf(db)
      .kommuner()
      .map((k) => [k.id, k.name]),
  );
  const base = {
    fileName: path.basename(file.path),
    format: p.format,
    rowCount: p.rowCount,
    skipped: p.skipped,
    invalid: p.invalid,
    skippedCount: p.skippedCount,
    invalidCount: p.invalidCount,
    warnings: p.warnings,
    confirmWarnings: p.confirm,
    nothingNew: p.nothingNew,
    alreadyImported: p.alreadyImported,
    piiWarnings: p.pii,
  };
  const shown = importerOf(p.format).display({ db, kommunName }, p);
  return {
    ...base,
    ...(shown.mapping ? { mapping: shown.mapping } : {}),
    ...sampled(p.sample, shown.columns, shown.cells),
  };
}

export async function commitFile(db: Db, file: FileImport, onProgress?: Progress): Promise<ImportReport> {
  // The import logs itself as one entry (file, rows added and skipped, by whom), not one per row.
  const resumeAudit = suspendRowAudit(db);
  try {
    return await commitImport(db, request(file), new Date(), onProgress);
  } finally {
    resumeAudit();
  }
}

export function importLog(db: Db): ImportLogEntry[] {
  return (
    db
      .prepare(
        'SELECT id, file_name, format, imported_at, added, updated, duplicates, skipped, undone_at, created_by FROM import_log ORDER BY id DESC LIMIT 200',
      )
      .all() as Record<string, unknown>[]
  ).map((r) => ({
    id: r.id as number,
    fileName: r.file_name as string,
    format: r.format as ImportFormat,
    importedAt: r.imported_at as string,
    added: r.added as number,
    updated: r.updated as number,
    duplicates: r.duplicates as number,
    skipped: r.skipped as number,
    undoneAt: (r.undone_at as string | null) ?? null,
    importedBy: r.created_by as string,
  }));
}
