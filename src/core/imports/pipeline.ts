/**
 * One pipeline for every format: detect → parse → preview → commit in one transaction → report, with an
 * import log and "ångra denna import". Used by the UI (through the API) and by `npm run import`.
 */
import { referenceRepoOf } from '../db/repos';
import crypto from 'node:crypto';
import type { Db } from '../db/connection';
import { AppError } from '../../shared/errors';
import { toIsoUtc } from '../../shared/time';
import { parseBra } from './bra';
import { polisenRows } from './polisen';
import { parseScb, populationJumps } from './scb';
import { CHUNK_BYTES, FileInput } from './file-input';
import { listWarnings } from './truncation';
import { parseTrygghet } from './trygghet';
import { writeSurvey, type SurveyWriteCounts } from '../dashboards/survey';
import type { SurveyValue } from '../../shared/survey';
import {
  FIELD_LABELS,
  incidentRows,
  openTable,
  suggestMapping,
  type ColumnMapping,
  type MappedField,
} from './incidents';
import { REQUIRED } from './incidents-table';
import type { Source } from '../../shared/domain';
import type { ImportReport } from '../../shared/imports';
import {
  streamOf,
  type BraRow,
  type ImportFormat,
  type ParseContext,
  type PopulationRow,
  type RowProblem,
  type RowStream,
} from './types';
import {
  braChanges,
  emptyCounts,
  incidentChanges,
  IncidentWriter,
  scbChanges,
  surveyChanges,
  writeBra,
  writeScb,
  type IncidentRow,
  type WriteCounts,
} from './writers';

export { contentHash } from './file-input';
export { undoImport } from './undo';

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

/** A file refused because its confirm-warnings were not confirmed (`acceptWarnings`); nothing was written. */
export class UnconfirmedWarningsError extends AppError {
  constructor(readonly warnings: string[]) {
    super(
      'validation',
      `Filen har inte importerats: ${warnings.length === 1 ? 'en varning' : `${warnings.length} varningar`} måste bekräftas först. ${listWarnings(warnings)}`,
    );
  }
}

export type { ImportReport };

type Parsed =
  | { format: 'polisen'; stream: RowStream<IncidentRow> }
  | { format: 'incidents'; stream: RowStream<IncidentRow>; mapping: MappingState }
  | { format: 'bra'; stream: RowStream<BraRow> }
  | { format: 'scb'; stream: RowStream<PopulationRow> }
  | { format: 'trygghet'; stream: RowStream<SurveyValue> };

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
  // Survey results: a header with an indicator column, possibly under a title line.
  const lines = head.toLocaleLowerCase('sv-SE').split(/\r?\n/).slice(0, 10);
  if (lines.some((l) => /(^|[;,\t"])\s*indikator\s*("|[;,\t]|$)/.test(l))) return 'trygghet';
  if (/region/.test(firstLine) || /folkmängd/.test(firstLine)) return 'scb';
  if (/[;,\t]/.test(firstLine) || /\.(csv|txt|xlsx)$/i.test(fileName)) return 'incidents';
  throw new AppError(
    'validation',
    `Formatet för ${fileName} gick inte att känna igen. Välj format: Polisens händelser (JSON), händelser (CSV/Excel), Brå, SCB eller trygghetsmätning.`,
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
  const saved = referenceRepoOf(db).getSetting(mappingKey(header));
  const mapping: Partial<ColumnMapping> =
    given ?? (saved ? (JSON.parse(saved) as Partial<ColumnMapping>) : suggestMapping(header));
  const missing = REQUIRED.filter((f) => !mapping[f]);
  return { header, mapping, missing };
}

export function saveMapping(db: Db, header: string[], mapping: Partial<ColumnMapping>): void {
  referenceRepoOf(db).setSetting(mappingKey(header), JSON.stringify(mapping));
}

function context(db: Db): ParseContext {
  return {
    kommuner: referenceRepoOf(db)
      .kommuner()
      .map((k) => ({ id: k.id, name: k.name, scbCode: k.scbCode })),
  };
}

/** The file's rows as a stream; Polisens händelser are read lazily, chunk by chunk, as the stream is. */
async function openRows(
  db: Db,
  req: ImportRequest,
  input: FileInput,
  onRead?: (read: number) => void,
): Promise<Parsed> {
  const format = req.format ?? detectFormat(req.fileName, input.head());
  const ctx = context(db);
  switch (format) {
    case 'polisen':
      return { format, stream: polisenRows(input.chunks(CHUNK_BYTES, onRead), ctx) };
    case 'bra': {
      if (!req.year) throw new AppError('validation', 'Ange vilket år Brå-filen gäller (t.ex. --year 2024).');
      return { format, stream: streamOf(parseBra(input.whole(), ctx, { year: req.year })) };
    }
    case 'scb': {
      const result = parseScb(input.whole(), ctx);
      const stored = db.prepare('SELECT population FROM population WHERE kommun_id = ? AND year = ?').pluck();
      const names = new Map(ctx.kommuner.map((k) => [k.id, k.name]));
      const jumps = populationJumps(
        result.rows,
        (kommunId, year) => stored.get(kommunId, year) as number | undefined,
        (kommunId) => names.get(kommunId) ?? String(kommunId),
      );
      result.confirm = [...(result.confirm ?? []), ...jumps];
      return { format, stream: streamOf(result) };
    }
    case 'trygghet': {
      const lpos = referenceRepoOf(db)
        .lpos()
        .map((l) => ({ id: l.id, name: l.name }));
      return { format, stream: streamOf(await parseTrygghet(input.whole(), req.fileName, { ...ctx, lpos })) };
    }
    case 'incidents': {
      const table = await openTable(
        { head: () => input.head(), whole: () => input.whole(), chunks: () => input.chunks(CHUNK_BYTES, onRead) },
        req.fileName,
      );
      const state = chooseMapping(db, table.header, req.mapping);
      if (state.missing.length > 0) {
        return {
          format,
          stream: streamOf<IncidentRow>({ rows: [], skipped: [], invalid: [], warnings: [] }),
          mapping: state,
        };
      }
      const stream = incidentRows(table, state.mapping as ColumnMapping, ctx, { source: req.defaultSource ?? 'est' });
      return { format, stream, mapping: state };
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

/** At most this many skipped or invalid rows are listed in a preview (all are counted). */
export const PREVIEW_PROBLEMS = 1000;

interface Sampled<T> {
  rowCount: number;
  /** The first rows, for the preview table. */
  sample: { row: number; value: T }[];
  skipped: RowProblem[];
  invalid: RowProblem[];
  skippedCount: number;
  invalidCount: number;
  warnings: string[];
  /** Warnings the user must confirm before the import (`acceptWarnings`). */
  confirm: string[];
  /** No row would be added or changed: every row is already in the database as it is, or there are none. */
  nothingNew: boolean;
}

export type PreviewResult = { hash: string; alreadyImported: boolean } & (
  | ({ format: 'polisen' } & Sampled<IncidentRow>)
  | ({ format: 'incidents'; mapping: MappingState } & Sampled<IncidentRow>)
  | ({ format: 'bra' } & Sampled<BraRow>)
  | ({ format: 'scb' } & Sampled<PopulationRow>)
  | ({ format: 'trygghet' } & Sampled<SurveyValue>)
);

/**
 * Reads every row, keeping the first few and the problems (counted all, listed up to a limit). `changes`
 * says whether a row would add or change something; it is asked until one does.
 */
function sampleStream<T>(
  stream: RowStream<T>,
  sampleRows: number,
  changes: (value: T) => boolean,
  progress?: (records: number) => void,
): Sampled<T> {
  const p: Sampled<T> = {
    rowCount: 0,
    sample: [],
    skipped: [],
    invalid: [],
    skippedCount: 0,
    invalidCount: 0,
    warnings: [],
    confirm: [],
    nothingNew: true,
  };
  let records = 0;
  for (const item of stream.items) {
    if (++records % PROGRESS_EVERY === 0) progress?.(records);
    if (item.kind === 'row') {
      if (p.rowCount++ < sampleRows) p.sample.push({ row: item.row, value: item.value });
      if (p.nothingNew && changes(item.value)) p.nothingNew = false;
    } else {
      const count = item.kind === 'skipped' ? p.skippedCount++ : p.invalidCount++;
      if (count < PREVIEW_PROBLEMS) p[item.kind].push({ row: item.row, reason: item.reason });
    }
  }
  p.warnings = stream.warnings();
  p.confirm = stream.confirm?.() ?? [];
  progress?.(records);
  return p;
}

const PROGRESS_EVERY = 2000;

/** Rows in the whole file, estimated from the share of its bytes read so far (exact once all is read). */
function estimateTotal(records: number, bytesRead: number, size: number): number {
  const estimate = bytesRead > 0 && bytesRead < size ? Math.round((records * size) / bytesRead) : records;
  return Math.max(records, estimate);
}

/** Reads the whole file and checks every row without writing: what the preview shows. */
export async function previewImport(
  db: Db,
  req: ImportRequest,
  sampleRows = 20,
  onProgress?: Progress,
): Promise<PreviewResult> {
  const input = new FileInput(req);
  const size = input.size();
  let bytesRead = 0;
  const parsed = await openRows(db, req, input, (read) => (bytesRead = read));
  const progress = onProgress && ((records: number) => onProgress(records, estimateTotal(records, bytesRead, size)));
  const body =
    parsed.format === 'polisen'
      ? { format: parsed.format, ...sampleStream(parsed.stream, sampleRows, incidentChanges(db, false), progress) }
      : parsed.format === 'incidents'
        ? {
            format: parsed.format,
            mapping: parsed.mapping,
            ...sampleStream(parsed.stream, sampleRows, incidentChanges(db, true), progress),
          }
        : parsed.format === 'bra'
          ? { format: parsed.format, ...sampleStream(parsed.stream, sampleRows, braChanges(db), progress) }
          : parsed.format === 'trygghet'
            ? { format: parsed.format, ...sampleStream(parsed.stream, sampleRows, surveyChanges(db), progress) }
            : { format: parsed.format, ...sampleStream(parsed.stream, sampleRows, scbChanges(db), progress) };
  const hash = input.hash();
  const alreadyImported =
    db.prepare('SELECT 1 FROM import_log WHERE content_hash = ? AND undone_at IS NULL').get(hash) !== undefined;
  return { ...body, hash, alreadyImported };
}

/** All or nothing: one transaction for the rows, the rollups and the import log entry. */
export type Progress = (done: number, total: number) => void;
const BATCH_ROWS = 2000;

export async function commitImport(
  db: Db,
  req: ImportRequest,
  now = new Date(),
  onProgress?: Progress,
): Promise<ImportReport> {
  const input = new FileInput(req);
  const size = input.size();
  let bytesRead = 0;
  const parsed = await openRows(db, req, input, (read) => (bytesRead = read));
  if (parsed.format === 'incidents' && parsed.mapping.missing.length > 0) {
    const labels = parsed.mapping.missing.map((f) => FIELD_LABELS[f]).join(', ');
    throw new AppError('validation', `Koppla filens kolumner till fälten först: ${labels} saknar kolumn.`);
  }
  const stamp = toIsoUtc(now.getTime());
  return db
    .transaction((): ImportReport => {
      const importId = Number(
        db
          .prepare(
            `INSERT INTO import_log (file_name, content_hash, format, imported_at, added, updated, duplicates, skipped, report_json, created_by)
             VALUES (?, '', ?, ?, 0, 0, 0, 0, '{}', ?)`,
          )
          .run(req.fileName, parsed.format, stamp, req.by ?? '').lastInsertRowid,
      );
      const skipped: RowProblem[] = [];
      const invalid: RowProblem[] = [];
      let records = 0;
      let counts: WriteCounts;
      // Rows are written batch by batch as the file is read; a refusal anywhere rolls all of it back.
      const batches = <T>(write: (batch: { row: number; value: T }[]) => void, stream: RowStream<T>) => {
        let batch: { row: number; value: T }[] = [];
        const flush = () => {
          // Once a row is invalid and the user did not choose to skip, the file will be refused: stop writing.
          if (invalid.length === 0 || req.skipInvalid) write(batch);
          batch = [];
          onProgress?.(records, estimateTotal(records, bytesRead, size));
        };
        for (const item of stream.items) {
          records++;
          if (item.kind === 'row') batch.push(item);
          else (item.kind === 'skipped' ? skipped : invalid).push({ row: item.row, reason: item.reason });
          if (batch.length >= BATCH_ROWS || records % BATCH_ROWS === 0) flush();
        }
        flush();
      };
      if (parsed.format === 'bra') {
        const c = (counts = emptyCounts());
        batches((b) => writeBra(db, b, importId, c), parsed.stream);
      } else if (parsed.format === 'scb') {
        const c = (counts = emptyCounts());
        batches((b) => writeScb(db, b, req.fileName, c), parsed.stream);
      } else if (parsed.format === 'trygghet') {
        const c = (counts = emptyCounts());
        const source = `Import av ${req.fileName}`;
        batches(
          (b) =>
            writeSurvey(
              db,
              b.map((r) => r.value),
              source,
              importId,
              c as SurveyWriteCounts,
            ),
          parsed.stream,
        );
      } else {
        const writer = new IncidentWriter(db, importId, stamp, parsed.format);
        batches((b) => writer.write(b), parsed.stream);
        counts = writer.finish();
      }
      if (invalid.length > 0 && !req.skipInvalid) refuseInvalid(invalid);
      // Known once the whole file is read (a cut last line); refusing here rolls back all that was written.
      const confirm = parsed.stream.confirm?.() ?? [];
      if (confirm.length > 0 && !req.acceptWarnings) throw new UnconfirmedWarningsError(confirm);
      const problems = [...skipped, ...invalid].sort((a, b) => a.row - b.row);
      const { added, updated, duplicates, previous } = counts;
      if (parsed.format === 'incidents') saveMapping(db, parsed.mapping.header, parsed.mapping.mapping);
      const report: ImportReport = {
        importId,
        format: parsed.format,
        added,
        updated,
        duplicates,
        skipped: problems,
        warnings: [...confirm, ...parsed.stream.warnings()],
      };
      db.prepare(
        'UPDATE import_log SET content_hash = ?, added = ?, updated = ?, duplicates = ?, skipped = ?, report_json = ? WHERE id = ?',
      ).run(
        input.hash(),
        added,
        updated,
        duplicates,
        problems.length,
        JSON.stringify({ ...report, previous }),
        importId,
      );
      return report;
    })
    .immediate();
}
