/** The import pipeline as the app's operations see it: files by path, previews as display rows, the log. */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/connection';
import { ReferenceRepo } from '../db/reference-repo';
import { AppError } from '../../shared/errors';
import type { ImportFormat, ImportLogEntry, ImportPreview, ImportReport } from '../../shared/imports';
import { formatInteger } from '../../shared/format';
import { categoryLabel, subcategoryLabel } from '../../shared/taxonomy';
import { formatLocalDateTime } from '../../shared/time';
import { commitImport, previewImport, type ImportRequest } from './pipeline';

export interface FileImport {
  path: string;
  format?: ImportFormat | undefined;
  year?: number | undefined;
  skipInvalid?: boolean | undefined;
}

const SAMPLE_ROWS = 20;

function request(file: FileImport): ImportRequest {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file.path);
  } catch {
    throw new AppError('not_found', `Filen kunde inte läsas: ${file.path}`);
  }
  return {
    fileName: path.basename(file.path),
    bytes,
    format: file.format,
    year: file.year,
    skipInvalid: file.skipInvalid ?? false,
  };
}

export function previewFile(db: Db, file: FileImport): ImportPreview {
  const p = previewImport(db, request(file));
  const kommunName = new Map(new ReferenceRepo(db).kommuner().map((k) => [k.id, k.name]));
  const base = {
    fileName: path.basename(file.path),
    format: p.format,
    skipped: p.result.skipped,
    invalid: p.result.invalid,
    warnings: p.result.warnings,
    alreadyImported: p.alreadyImported,
  };
  if (p.format === 'bra') {
    return {
      ...base,
      rowCount: p.result.rows.length,
      columns: ['Rad', 'Kommun', 'År', 'Antal', 'Per 100 000 inv.'],
      sample: p.result.rows.slice(0, SAMPLE_ROWS).map(({ row, value: r }) => ({
        row,
        cells: [
          String(row),
          kommunName.get(r.kommunId) ?? '',
          String(r.year),
          r.count === null ? '..' : formatInteger(r.count),
          r.per100k === null ? '..' : String(r.per100k).replace('.', ','),
        ],
      })),
    };
  }
  if (p.format === 'scb') {
    return {
      ...base,
      rowCount: p.result.rows.length,
      columns: ['Rad', 'Kommun', 'År', 'Folkmängd'],
      sample: p.result.rows.slice(0, SAMPLE_ROWS).map(({ row, value: r }) => ({
        row,
        cells: [String(row), kommunName.get(r.kommunId) ?? '', String(r.year), formatInteger(r.population)],
      })),
    };
  }
  return {
    ...base,
    rowCount: p.result.rows.length,
    columns: ['Rad', 'Inträffade', 'Kommun', 'Kategori', 'Beskrivning'],
    sample: p.result.rows.slice(0, SAMPLE_ROWS).map(({ row, value: r }) => ({
      row,
      cells: [
        String(row),
        formatLocalDateTime(r.occurredAt),
        kommunName.get(r.kommunId) ?? '',
        `${categoryLabel(r.category)} – ${subcategoryLabel(r.subcategory)}`,
        r.description,
      ],
    })),
  };
}

export function commitFile(db: Db, file: FileImport): ImportReport {
  return commitImport(db, request(file));
}

export function importLog(db: Db): ImportLogEntry[] {
  return (
    db
      .prepare(
        'SELECT id, file_name, format, imported_at, added, updated, duplicates, skipped, undone_at FROM import_log ORDER BY id DESC LIMIT 200',
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
  }));
}
