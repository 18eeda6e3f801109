/**
 * One pipeline for every format: detect → parse → preview → commit in one transaction → report, with an
import log and "ångra denna import". Used by the UI (through the API) and by `npm run import`.
 */
import { referenceRepoOf } from '../db/repos';
import { PiiRowWarnings } from '../privacy/import-warnings';
import type { Db } from '../db/connection';
import { AppError } from '../../shared/errors';
import { toIsoUtc } from '../../shared/time';
import { FileInput } from './file-input';
import { listWarnings } from './truncation';
import type { ImportReport } from '../../shared/imports';
import { importerOf, type ExtraOf, type RowOf } from './formats';
import type { ImportRequest, WriteCounts } from './importer';
import type { ImportFormat, ParseContext, RowProblem, RowStream } from './types';

export { contentHash } from './file-input';
export { undoImport } from './undo';

export type { ImportRequest, MappingState } from './importer';
export { saveMapping } from './formats/incidents';

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

function context(db: Db): ParseContext {
  return {
    kommuner: referenceRepoOf(db)
      .kommuner()
      .map((k) => ({ id: k.id, name: k.name, scbCode: k.scbCode })),
  };
}

/** The file's format, its importer and its rows as a stream (read lazily where the format allows). */
async function openRows(db: Db, req: ImportRequest, input: FileInput, onRead?: (read: number) => void) {
  const format = req.format ?? detectFormat(req.fileName, input.head());
  const importer = importerOf(format);
  const opened = await importer.open({ db, req, input, ctx: context(db), onRead });
  return { format, importer, ...opened };
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
  /** Rows whose description looks like it holds personal data (every row read, a few listed). */
  pii: { rows: string[]; count: number };
}

/** What the preview of a file of format F holds: its rows and problems, and what its format adds (`ExtraOf`). */
type PreviewOf<F extends ImportFormat> = { format: F } & ExtraOf<F> & Sampled<RowOf<F>>;

export type PreviewResult = { hash: string; alreadyImported: boolean } & {
  [F in ImportFormat]: PreviewOf<F>;
}[ImportFormat];

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
    pii: { rows: [], count: 0 },
  };
  const pii = new PiiRowWarnings();
  let records = 0;
  for (const item of stream.items) {
    if (++records % PROGRESS_EVERY === 0) progress?.(records);
    if (item.kind === 'row') {
      if (p.rowCount++ < sampleRows) p.sample.push({ row: item.row, value: item.value });
      pii.add(item.row, item.value);
      if (p.nothingNew && changes(item.value)) p.nothingNew = false;
    } else {
      const count = item.kind === 'skipped' ? p.skippedCount++ : p.invalidCount++;
      if (count < PREVIEW_PROBLEMS) p[item.kind].push({ row: item.row, reason: item.reason });
    }
  }
  p.warnings = stream.warnings();
  p.confirm = stream.confirm?.() ?? [];
  p.pii = pii.result();
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
  const body = {
    format: parsed.format,
    ...parsed.extra,
    ...sampleStream(parsed.stream, sampleRows, parsed.importer.changes(db), progress),
  };
  const hash = input.hash();
  const alreadyImported =
    db.prepare('SELECT 1 FROM import_log WHERE content_hash = ? AND undone_at IS NULL').get(hash) !== undefined;
  return { ...body, hash, alreadyImported } as PreviewResult;
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
  parsed.importer.readyToCommit?.(parsed.extra);
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
      const writer = parsed.importer.writer({ db, req, importId, stamp, extra: parsed.extra });
      batches((b) => writer.write(b), parsed.stream);
      const counts: WriteCounts = writer.finish();
      if (invalid.length > 0 && !req.skipInvalid) refuseInvalid(invalid);
      // Known once the whole file is read (a cut last line); refusing here rolls back all that was written.
      const confirm = parsed.stream.confirm?.() ?? [];
      if (confirm.length > 0 && !req.acceptWarnings) throw new UnconfirmedWarningsError(confirm);
      const problems = [...skipped, ...invalid].sort((a, b) => a.row - b.row);
      const { added, updated, duplicates, previous } = counts;
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
