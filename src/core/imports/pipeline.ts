/**
 * One pipeline for every format: detect → parse → preview → commit in one transaction → report, with an
 * import log and "ångra denna import". Used by the UI (through the API) and by `npm run import`.
 */
import crypto from 'node:crypto';
import type { Db } from '../db/connection';
import { IncidentRepo, type NewIncident } from '../db/incident-repo';
import { ReferenceRepo } from '../db/reference-repo';
import { RollupDelta } from '../db/rollup';
import { AppError } from '../../shared/errors';
import { toIsoUtc } from '../../shared/time';
import { parseBra } from './bra';
import { parsePolisen } from './polisen';
import { parseScb } from './scb';
import {
  FIELD_LABELS,
  parseIncidents,
  readTable,
  suggestMapping,
  type ColumnMapping,
  type MappedField,
} from './incidents';
import { REQUIRED } from './incidents-table';
import type { Source } from '../../shared/domain';
import type { ImportReport } from '../../shared/imports';
import type { BraRow, ImportFormat, ParseContext, ParseResult, PopulationRow, RowProblem } from './types';

export interface ImportRequest {
  fileName: string;
  bytes: Uint8Array;
  format?: ImportFormat | undefined;
  /** "Hoppa över ogiltiga rader": invalid rows are skipped and listed instead of refusing the file. */
  skipInvalid?: boolean;
  /** Brå files do not say which year they cover. */
  year?: number | undefined;
  /** Incident spreadsheets: which column holds what (else a saved or suggested mapping). */
  mapping?: Partial<ColumnMapping> | undefined;
  /** Incident spreadsheets without a source column. */
  defaultSource?: Source | undefined;
}

export type { ImportReport };

type IncidentRow = NewIncident & { sourceRef: string };
type Parsed =
  | { format: 'polisen'; result: ParseResult<IncidentRow> }
  | { format: 'incidents'; result: ParseResult<IncidentRow>; mapping: MappingState }
  | { format: 'bra'; result: ParseResult<BraRow> }
  | { format: 'scb'; result: ParseResult<PopulationRow> };

export function contentHash(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** Format from the file name and its first bytes, when the user did not say. */
export function detectFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  const head = Buffer.from(bytes.subarray(0, 2000))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (/\.json$/i.test(fileName) || head.startsWith('[')) return 'polisen';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'incidents'; // ZIP: an xlsx workbook
  const firstLine = (head.split(/\r?\n/)[0] ?? '').toLocaleLowerCase('sv-SE');
  if (/^"?kommun"?[;,\t]"?antal/.test(firstLine)) return 'bra';
  if (/region/.test(firstLine) || /folkmängd/.test(firstLine)) return 'scb';
  if (/[;,\t]/.test(firstLine) || /\.(csv|txt|xlsx)$/i.test(fileName)) return 'incidents';
  throw new AppError(
    'validation',
    `Formatet för ${fileName} gick inte att känna igen. Välj format: Polisens händelser (JSON), händelser (CSV/Excel), Brå eller SCB.`,
  );
}

export interface MappingState {
  header: string[];
  mapping: Partial<ColumnMapping>;
  /** Required fields no column is mapped to yet. */
  missing: MappedField[];
}

function mappingKey(header: string[]): string {
  return `import.mapping.${crypto.createHash('sha1').update(header.join('\u0001')).digest('hex')}`;
}

/** The user's mapping, else the one saved for a file with the same columns, else a suggestion. */
function chooseMapping(db: Db, header: string[], given: Partial<ColumnMapping> | undefined): MappingState {
  const saved = new ReferenceRepo(db).getSetting(mappingKey(header));
  const mapping: Partial<ColumnMapping> =
    given ?? (saved ? (JSON.parse(saved) as Partial<ColumnMapping>) : suggestMapping(header));
  const missing = REQUIRED.filter((f) => !mapping[f]);
  return { header, mapping, missing };
}

export function saveMapping(db: Db, header: string[], mapping: Partial<ColumnMapping>): void {
  new ReferenceRepo(db).setSetting(mappingKey(header), JSON.stringify(mapping));
}

function context(db: Db): ParseContext {
  return { kommuner: new ReferenceRepo(db).kommuner().map((k) => ({ id: k.id, name: k.name, scbCode: k.scbCode })) };
}

export async function parseFile(db: Db, req: ImportRequest): Promise<Parsed> {
  const format = req.format ?? detectFormat(req.fileName, req.bytes);
  const ctx = context(db);
  switch (format) {
    case 'polisen':
      return { format, result: parsePolisen(req.bytes, ctx) };
    case 'bra': {
      if (!req.year) throw new AppError('validation', 'Ange vilket år Brå-filen gäller (t.ex. --year 2024).');
      return { format, result: parseBra(req.bytes, ctx, { year: req.year }) };
    }
    case 'scb':
      return { format, result: parseScb(req.bytes, ctx) };
    case 'incidents': {
      const table = await readTable(req.bytes, req.fileName);
      const state = chooseMapping(db, table.header, req.mapping);
      if (state.missing.length > 0) {
        const empty: ParseResult<IncidentRow> = { rows: [], skipped: [], invalid: [], warnings: [] };
        return { format, result: empty, mapping: state };
      }
      const result = parseIncidents(table, state.mapping as ColumnMapping, ctx, { source: req.defaultSource ?? 'est' });
      return { format, result, mapping: state };
    }
  }
}

function refuseInvalid(invalid: RowProblem[]): never {
  const shown = invalid
    .slice(0, 5)
    .map((p) => `rad ${p.row}: ${p.reason}`)
    .join('; ');
  const more = invalid.length > 5 ? ` (och ${invalid.length - 5} till)` : '';
  throw new AppError(
    'validation',
    `Filen har ${invalid.length} ogiltiga rader och importerades inte: ${shown}${more}. Välj "hoppa över ogiltiga rader" för att importera resten.`,
  );
}

/** Parses and checks without writing: what the preview shows. */
export async function previewImport(
  db: Db,
  req: ImportRequest,
): Promise<Parsed & { hash: string; alreadyImported: boolean }> {
  const parsed = await parseFile(db, req);
  const hash = contentHash(req.bytes);
  const alreadyImported =
    db.prepare('SELECT 1 FROM import_log WHERE content_hash = ? AND undone_at IS NULL').get(hash) !== undefined;
  return { ...parsed, hash, alreadyImported };
}

interface WriteCounts {
  added: number;
  updated: number;
  duplicates: number;
  /** What an update replaced, so the import can be undone. */
  previous: unknown[];
}

function writeIncidents(
  db: Db,
  rows: { value: IncidentRow }[],
  importId: number,
  now: Date,
  stamp: string,
  onProgress?: Progress,
): WriteCounts {
  const exists = db.prepare('SELECT 1 FROM incident WHERE source = ? AND source_ref = ?').pluck();
  const seen = new Set<string>();
  const fresh: NewIncident[] = [];
  let duplicates = 0;
  for (const { value } of rows) {
    const key = `${value.source}\u0001${value.sourceRef}`;
    if (seen.has(key) || exists.get(value.source, value.sourceRef) !== undefined) duplicates++;
    else fresh.push({ ...value, importId });
    seen.add(key);
  }
  const rollup = new RollupDelta();
  const repo = new IncidentRepo(db, () => now);
  let added = 0;
  for (let i = 0; i < fresh.length; i += PROGRESS_CHUNK) {
    added += repo.insertMany(fresh.slice(i, i + PROGRESS_CHUNK), rollup, stamp);
    onProgress?.(added, fresh.length);
  }
  rollup.flush(db);
  return { added, updated: 0, duplicates, previous: [] };
}

function writeBra(db: Db, rows: { value: BraRow }[], importId: number): WriteCounts {
  const get = db.prepare('SELECT count, per_100k FROM bra_reported_crime WHERE kommun_id = ? AND year = ?');
  const put = db.prepare(
    `INSERT INTO bra_reported_crime (kommun_id, year, count, per_100k, import_id) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (kommun_id, year) DO UPDATE SET count = excluded.count, per_100k = excluded.per_100k, import_id = excluded.import_id`,
  );
  const c: WriteCounts = { added: 0, updated: 0, duplicates: 0, previous: [] };
  for (const { value: r } of rows) {
    const old = get.get(r.kommunId, r.year) as { count: number | null; per_100k: number | null } | undefined;
    if (old && old.count === r.count && old.per_100k === r.per100k) {
      c.duplicates++;
      continue;
    }
    c.previous.push({ kommunId: r.kommunId, year: r.year, old: old ?? null });
    put.run(r.kommunId, r.year, r.count, r.per100k, importId);
    if (old) c.updated++;
    else c.added++;
  }
  return c;
}

function writeScb(db: Db, rows: { value: PopulationRow }[], fileName: string): WriteCounts {
  const get = db.prepare('SELECT population, ref_date, source FROM population WHERE kommun_id = ? AND year = ?');
  const ref = new ReferenceRepo(db);
  const c: WriteCounts = { added: 0, updated: 0, duplicates: 0, previous: [] };
  for (const { value: r } of rows) {
    const old = get.get(r.kommunId, r.year) as { population: number; ref_date: string; source: string } | undefined;
    if (old && old.population === r.population) {
      c.duplicates++;
      continue;
    }
    c.previous.push({ kommunId: r.kommunId, year: r.year, old: old ?? null });
    ref.setPopulation(r.kommunId, r.year, r.population, `${r.year}-12-31`, `SCB (import ${fileName})`);
    if (old) c.updated++;
    else c.added++;
  }
  return c;
}

/** All or nothing: one transaction for the rows, the rollups and the import log entry. */
export type Progress = (done: number, total: number) => void;
const PROGRESS_CHUNK = 2000;

export async function commitImport(
  db: Db,
  req: ImportRequest,
  now = new Date(),
  onProgress?: Progress,
): Promise<ImportReport> {
  const parsed = await parseFile(db, req);
  const { result } = parsed;
  if (parsed.format === 'incidents' && parsed.mapping.missing.length > 0) {
    const labels = parsed.mapping.missing.map((f) => FIELD_LABELS[f]).join(', ');
    throw new AppError('validation', `Koppla filens kolumner till fälten först: ${labels} saknar kolumn.`);
  }
  if (result.invalid.length > 0 && !req.skipInvalid) refuseInvalid(result.invalid);
  const skipped = [...result.skipped, ...result.invalid].sort((a, b) => a.row - b.row);
  const stamp = toIsoUtc(now.getTime());
  return db
    .transaction((): ImportReport => {
      const importId = Number(
        db
          .prepare(
            `INSERT INTO import_log (file_name, content_hash, format, imported_at, added, updated, duplicates, skipped, report_json)
             VALUES (?, ?, ?, ?, 0, 0, 0, 0, '{}')`,
          )
          .run(req.fileName, contentHash(req.bytes), parsed.format, stamp).lastInsertRowid,
      );
      const counts =
        parsed.format === 'bra'
          ? writeBra(db, parsed.result.rows, importId)
          : parsed.format === 'scb'
            ? writeScb(db, parsed.result.rows, req.fileName)
            : writeIncidents(db, parsed.result.rows, importId, now, stamp, onProgress);
      const { added, updated, duplicates, previous } = counts;
      if (parsed.format === 'incidents') saveMapping(db, parsed.mapping.header, parsed.mapping.mapping);
      const report: ImportReport = {
        importId,
        format: parsed.format,
        added,
        updated,
        duplicates,
        skipped,
        warnings: result.warnings,
      };
      db.prepare(
        'UPDATE import_log SET added = ?, updated = ?, duplicates = ?, skipped = ?, report_json = ? WHERE id = ?',
      ).run(added, updated, duplicates, skipped.length, JSON.stringify({ ...report, previous }), importId);
      return report;
    })
    .immediate();
}

/** "Ångra denna import": removes what the import added and puts back what it changed. */
export function undoImport(db: Db, importId: number, now = new Date()): { removed: number; restored: number } {
  return db
    .transaction(() => {
      const log = db.prepare('SELECT format, report_json, undone_at FROM import_log WHERE id = ?').get(importId) as
        { format: ImportFormat; report_json: string; undone_at: string | null } | undefined;
      if (!log) throw new AppError('not_found', `Import ${importId} finns inte.`);
      if (log.undone_at) throw new AppError('conflict', `Import ${importId} är redan ångrad (${log.undone_at}).`);
      let removed = 0;
      let restored = 0;
      if (log.format === 'polisen' || log.format === 'incidents') {
        const repo = new IncidentRepo(db, () => now);
        removed = repo.removeImported(importId);
      } else {
        const { previous } = JSON.parse(log.report_json) as {
          previous: { kommunId: number; year: number; old: Record<string, unknown> | null }[];
        };
        for (const p of previous) {
          if (log.format === 'bra') {
            if (p.old) {
              db.prepare(
                'UPDATE bra_reported_crime SET count = ?, per_100k = ?, import_id = NULL WHERE kommun_id = ? AND year = ?',
              ).run(p.old.count ?? null, p.old.per_100k ?? null, p.kommunId, p.year);
              restored++;
            } else {
              db.prepare('DELETE FROM bra_reported_crime WHERE kommun_id = ? AND year = ?').run(p.kommunId, p.year);
              removed++;
            }
          } else if (p.old) {
            new ReferenceRepo(db).setPopulation(
              p.kommunId,
              p.year,
              p.old.population as number,
              p.old.ref_date as string,
              p.old.source as string,
            );
            restored++;
          } else {
            db.prepare('DELETE FROM population WHERE kommun_id = ? AND year = ?').run(p.kommunId, p.year);
            removed++;
          }
        }
      }
      db.prepare('UPDATE import_log SET undone_at = ? WHERE id = ?').run(toIsoUtc(now.getTime()), importId);
      return { removed, restored };
    })
    .immediate();
}
