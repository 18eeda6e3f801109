/**
 * An incident spreadsheet as a plain table of text cells: CSV (UTF-8 with or without BOM, or Windows-1252;
 * ';', ',' or tab) or Excel (.xlsx, first worksheet). Excel values become the text Excel shows, Swedish
 * style, so the parser sees the same text whichever format the user saved: dates as "2025-06-07 21:30",
 * decimals with a comma. Pure apart from being async (exceljs reads zip files asynchronously).
 */
// exceljs takes ~0.4 s to load: only when a workbook is read or written, not with every import or export.
import { Readable } from 'node:stream';
import { AppError } from '../../shared/errors';
import { shown } from './bra';
import { TempSpool } from './xlsx-spool';
import { readFirstSheet, type XlsxFirstSheet } from './xlsx-stream';
import {
  CsvReader,
  decodeChunks,
  memoize,
  detectDelimiter,
  detectEncoding,
  type CsvRecord,
  type Encoding,
} from './text';

export interface TableRow {
  /** 1-based line (CSV) or row (xlsx) number as the user sees it; the header is usually row 1. */
  row: number;
  cells: string[];
  /** A CSV file ended inside this row, with no line ending after it: it may have been cut short. */
  open?: true;
}

export interface Table extends TableStream {
  rows: TableRow[];
}

/** A table whose rows may be read lazily (a large CSV file, chunk by chunk), once. */
export interface TableStream {
  header: string[];
  rows: Iterable<TableRow>;
  /** 'utf-8', 'utf-8-bom', 'windows-1252' or 'xlsx'. */
  encoding: string;
  /** Row number of the header (default 1): the first row that is not blank. */
  headerRow?: number;
  /** Things the user should know about the file itself (e.g. only the first of several sheets is read). */
  warnings?: string[];
}

const NOT_A_SPREADSHEET =
  'Filen är inte ett kalkylark. Välj en CSV-fil (t.ex. en EST-export) eller en Excel-arbetsbok (.xlsx).';

/** Where a spreadsheet's bytes come from: the first bytes, the whole file, or chunks in order (any number of passes). */
export interface TableSource {
  head(): Uint8Array;
  whole(): Uint8Array;
  chunks(): Iterable<Uint8Array>;
}

const fromBytes = (bytes: Uint8Array): TableSource => ({
  head: () => bytes.subarray(0, 4096),
  whole: () => bytes,
  chunks: () => [bytes],
});

/** A whole table, rows in memory (small files, tests). */
export async function readTable(bytes: Uint8Array, fileName: string): Promise<Table> {
  const table = await openTable(fromBytes(bytes), fileName);
  return { ...table, rows: [...table.rows] };
}

/** The header now; a CSV file's rows as they are read (an Excel workbook's first sheet is read first, streamed). */
export async function openTable(src: TableSource, fileName: string): Promise<TableStream> {
  const head = src.head();
  if (head.length === 0) throw new AppError('validation', 'Filen är tom.');
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    return readXlsx(src, fileName);
  }
  if (/\.xlsx$/i.test(fileName.trim())) {
    throw new AppError(
      'validation',
      `Filen ${shown(fileName)} heter .xlsx men är ingen Excel-arbetsbok. Öppna den i Excel och spara den som .xlsx eller CSV igen.`,
    );
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new AppError(
      'validation',
      'Filen är en äldre Excel-fil (.xls), som inte stöds. Spara den som Excel-arbetsbok (.xlsx) eller CSV och försök igen.',
    );
  }
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) {
    throw new AppError('validation', `Filen är en PDF. ${NOT_A_SPREADSHEET}`);
  }
  return openCsv(src);
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

// ---------------------------------------------------------------------------------------------------
// CSV

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Binary data decoded as text: NUL bytes, or more than 1 % control characters. */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const controls = text.match(CONTROL)?.length ?? 0;
  return controls * 100 > text.length;
}

/** A cell as text: control characters dropped, line breaks as "\n". */
export function cleanCell(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

const cleanHeader = (raw: string): string => cleanCell(raw).replace(/\s+/g, ' ').trim();
const isBlankRow = (cells: string[]): boolean => cells.every((c) => c.trim() === '');

/** Two passes over the chunks: one to know the encoding (as for a whole file), one to read the records. */
function openCsv(src: TableSource): TableStream {
  const encoding = detectEncoding(src.chunks());
  const records = csvRows(src.chunks(), encoding);
  const first = records.next();
  if (first.done) throw new AppError('validation', 'Filen innehåller inga rader, inte ens en rubrikrad.');
  const header = first.value.cells.map(cleanHeader);
  return { header, headerRow: first.value.row, encoding, rows: { [Symbol.iterator]: () => records } };
}

/** Enough of the file's start to tell the separator, as for a whole file (detectDelimiter reads 20 lines). */
const enoughToDetect = (text: string) => text.length >= 100_000 || (text.match(/\n/g)?.length ?? 0) >= 20;

/** Non-blank records with cleaned cells. */
function* csvRows(chunks: Iterable<Uint8Array>, encoding: Encoding): Generator<TableRow, void> {
  let reader: CsvReader | null = null;
  let offset = 0;
  let start = '';
  const rows = function* (records: CsvRecord[]) {
    for (const r of records) {
      const cells = r.fields.map(cleanCell);
      if (isBlankRow(cells)) continue;
      yield r.open ? { row: r.line + offset, cells, open: true as const } : { row: r.line + offset, cells };
    }
  };
  /** The reader for this file, and the text after a "sep=" line. */
  const begin = (text: string): [CsvReader, string] => {
    if (looksBinary(text)) throw new AppError('validation', NOT_A_SPREADSHEET);
    // Excel writes "sep=;" as the first line when asked to; it names the separator and is not the header.
    const hint = /^sep=([;,\t|])[ \t]*(\r\n|\n|\r)/i.exec(text);
    if (!hint) return [new CsvReader(detectDelimiter(text)), text];
    offset = 1;
    return [new CsvReader(hint[1]!), text.slice(hint[0].length)];
  };
  for (const text of decodeChunks(chunks, encoding)) {
    if (reader) {
      if (text.includes('\u0000')) throw new AppError('validation', NOT_A_SPREADSHEET);
      yield* rows(reader.feed(text));
      continue;
    }
    start += text;
    if (!enoughToDetect(start)) continue;
    const [r, body] = begin(start);
    reader = r;
    start = '';
    yield* rows(reader.feed(body));
  }
  if (!reader) {
    if (start === '') return;
    const [r, body] = begin(start);
    reader = r;
    yield* rows(reader.feed(body));
  }
  yield* rows(reader.end());
}

// ---------------------------------------------------------------------------------------------------
// Excel

/**
 * The first worksheet, streamed (see xlsx-stream.ts). The pipeline reads rows synchronously (inside the
 * import's transaction), so the whole workbook is read first, and its rows are turned into text right away:
 * they wait as text in a temporary file, and the workbook's shared strings are let go before the import
 * writes. The file is removed when the rows have been read, when reading stops early, or on a refusal.
 */
async function readXlsx(src: TableSource, fileName: string): Promise<TableStream> {
  let sheet: XlsxFirstSheet;
  try {
    sheet = await readFirstSheet(Readable.from(src.chunks()));
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(
      'validation',
      `Filen ${shown(fileName)} kunde inte läsas som en Excel-arbetsbok (.xlsx). Den kan vara skadad eller i ett annat format; spara den som .xlsx eller CSV igen och försök på nytt.`,
    );
  }
  const { count, first: name } = sheet;
  const spool = new TempSpool();
  const records = spooledRows(spool);
  try {
    for (const { row, values } of sheet.rows()) {
      const cells: string[] = [];
      for (let c = 0; c < values.length; c++) cells.push(cleanCell(cellText(values[c])));
      if (!isBlankRow(cells)) spool.write([row, ...cells]);
    }
    sheet.close();
    if (name === null) throw new AppError('validation', `Excel-filen ${shown(fileName)} innehåller inga kalkylblad.`);
    const first = records.next();
    if (first.done) throw new AppError('validation', 'Filen innehåller inga rader, inte ens en rubrikrad.');
    const table: TableStream = {
      header: first.value.cells.map(cleanHeader),
      headerRow: first.value.row,
      encoding: 'xlsx',
      rows: { [Symbol.iterator]: () => records },
    };
    if (count > 1) table.warnings = [`Arbetsboken har ${count} blad; bara det första ("${shown(name)}") läses.`];
    return table;
  } catch (err) {
    sheet.close();
    spool.close();
    throw err;
  }
}

/** Rows read back from the spool, which is closed when they have been read or when reading stops. */
function* spooledRows(spool: TempSpool): Generator<TableRow, void> {
  try {
    for (const record of spool.records()) {
      const [row, ...cells] = record as [number, ...string[]];
      yield { row, cells };
    }
  } finally {
    spool.close();
  }
}

/** A cell's value as the text Excel shows (formulas by their result, rich text as plain text). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'SANT' : 'FALSKT';
  if (typeof value !== 'object') return '';
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) {
    return v.richText
      .map((r) => (typeof (r as { text?: unknown }).text === 'string' ? (r as { text: string }).text : ''))
      .join('');
  }
  if (typeof v.error === 'string') return v.error;
  if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
  if ('text' in v) return cellText(v.text); // hyperlink: its text, which may itself be rich text
  return '';
}

/** Whole numbers as digits, others with a decimal comma ("56,13"). */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  return Number.isInteger(n) ? String(n) : String(n).replace('.', ',');
}

/** Excel serial 1 (1900-01-01 in Excel): anything before it is a time of day without a date. */
const FIRST_EXCEL_DAY = Date.UTC(1899, 11, 31);

/**
 * exceljs turns Excel's serial date (wall-clock time, no zone) into a Date whose UTC fields are that wall
 * time. So the UTC fields are read back as they are: "2025-06-07 21:30", "2025-06-07" at midnight (a date
 * cell), "21:30" for a time cell. Rounded to the second: the serial is a binary fraction of a day.
 */
function dateText(d: Date): string {
  const ms = Math.round(d.getTime() / 1000) * 1000;
  if (!Number.isFinite(ms) || ms < Date.UTC(1000, 0, 1) || ms >= Date.UTC(10000, 0, 1)) return '';
  if (ms >= Date.UTC(1899, 11, 30) && ms < FIRST_EXCEL_DAY) return timeOf(ms);
  const iso = new Date(ms).toISOString();
  const time = timeOf(ms);
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

function timeOf(ms: number): string {
  const iso = new Date(ms).toISOString();
  const seconds = iso.slice(17, 19);
  return seconds === '00' ? iso.slice(11, 16) : iso.slice(11, 19);
}

// ---------------------------------------------------------------------------------------------------
// Columns

/** Target field → the header of the file's column that holds it. */
export interface ColumnMapping {
  occurredAt: string;
  kommun: string;
  category: string;
  description: string;
  reportedAt?: string;
  place?: string;
  subcategory?: string;
  source?: string;
  reporterOrg?: string;
  lat?: string;
  lon?: string;
  status?: string;
  sourceRef?: string;
  /** A separate time-of-day column next to a date-only `occurredAt`. */
  time?: string;
}
export type MappedField = keyof ColumnMapping;

/** The fields as the user reads them, in the order a mapping dialog shows them. */
export const FIELD_LABELS: Record<MappedField, string> = {
  occurredAt: 'Tidpunkt',
  time: 'Klockslag',
  reportedAt: 'Rapporterad',
  kommun: 'Kommun',
  place: 'Plats',
  category: 'Kategori',
  subcategory: 'Underkategori',
  source: 'Källa',
  description: 'Beskrivning',
  reporterOrg: 'Rapportör',
  lat: 'Latitud',
  lon: 'Longitud',
  status: 'Status',
  sourceRef: 'Id',
};
export const FIELDS = Object.keys(FIELD_LABELS) as MappedField[];
export const REQUIRED: readonly MappedField[] = ['occurredAt', 'kommun', 'category', 'description'];

/** Lower case without å/ä/ö accents, spaces, punctuation or parentheses: "Rapport-id" = "rapportid", "Latitud (WGS 84)" = "latitud", "Polisens händelse" = "polisens_handelse". */
export const fold = memoize((s: string): string => {
  return s
    .normalize('NFC')
    .toLocaleLowerCase('sv-SE')
    .replace(/[åäà]/g, 'a')
    .replace(/[öø]/g, 'o')
    .replace(/[éè]/g, 'e')
    .replace(/\([^)]*\)/g, '')
    .replace(/[^a-z0-9]/g, '');
});

/** Header names per field, best first, folded (see `fold`). */
const ALIASES: Record<MappedField, string> = {
  occurredAt:
    'datum tidpunkt intraffade intraffad handelsedatum handelsetidpunkt datumtid datumochtid intraffadedatum date datetime occurred occurredat handelsetid',
  time: 'tid klockslag klockan kl handelsetid intraffadetid time',
  reportedAt: 'rapporterad rapporteringstid rapportdatum inrapporterad registrerad skapad reported reportedat created',
  kommun: 'kommun kommunnamn municipality',
  place: 'plats platsnamn adress platsadress gatuadress place location address',
  category: 'kategori handelsetyp typ huvudkategori category type',
  subcategory: 'underkategori undertyp subcategory subtype',
  source: 'kalla source',
  description: 'beskrivning handelsebeskrivning kommentar fritext description comment text',
  reporterOrg: 'rapportor rapporterandeorganisation rapportorensorganisation organisation organization reporter',
  lat: 'latitud lat latitude',
  lon: 'longitud lon long lng longitude',
  status: 'status state',
  sourceRef: 'id arendenummer arendenr rapportid rapportnummer referens reference ref',
};

/** The mapping a header suggests; each column is used for at most one field. */
export function suggestMapping(header: string[]): Partial<ColumnMapping> {
  const folded = header.map(fold);
  const used = new Set<number>();
  const mapping: Partial<ColumnMapping> = {};
  for (const field of FIELDS) {
    for (const alias of ALIASES[field].split(' ')) {
      const j = folded.findIndex((h, k) => h === alias && !used.has(k));
      if (j >= 0) {
        used.add(j);
        mapping[field] = header[j];
        break;
      }
    }
  }
  return mapping;
}

export interface Column {
  index: number;
  name: string;
}
export type Columns = Partial<Record<MappedField, Column>>;

export function resolveColumns(table: TableStream, mapping: ColumnMapping): Columns {
  const at = table.headerRow ?? 1;
  const names = table.header.filter((h) => h.trim() !== '').map((h) => `"${shown(h)}"`);
  const list = names.length > 12 ? `${names.slice(0, 12).join(', ')} med flera` : names.join(', ');
  const columns: Columns = {};
  for (const field of FIELDS) {
    const wanted: unknown = (mapping as unknown as Record<string, unknown>)[field];
    if (typeof wanted !== 'string' || wanted.trim() === '') {
      if (REQUIRED.includes(field)) {
        throw new AppError('validation', `Välj vilken kolumn i filen som innehåller ${FIELD_LABELS[field]}.`);
      }
      continue;
    }
    const name = wanted.trim();
    let index = table.header.indexOf(name);
    if (index < 0)
      index = table.header.findIndex((h) => h.toLocaleLowerCase('sv-SE') === name.toLocaleLowerCase('sv-SE'));
    if (index < 0) {
      throw new AppError(
        'validation',
        `Rubrikraden (rad ${at}) har ingen kolumn "${shown(name)}", som valts för ${FIELD_LABELS[field]}. ${names.length > 0 ? `Filens kolumner är ${list}.` : 'Rubrikraden är tom.'}`,
      );
    }
    columns[field] = { index, name: table.header[index]! };
  }
  return columns;
}
