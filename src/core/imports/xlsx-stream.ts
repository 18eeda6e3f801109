/**
 * The first worksheet of an Excel workbook, read as a stream in one pass over the zip: exceljs's streaming
 * WorkbookReader walks the entries (workbook, relationships, styles, shared strings), and each worksheet's XML
 * is parsed here as it comes, its cells spooled raw to a temporary file (xlsx-spool.ts). The parts a cell's
 * value depends on often come after the sheet (Excel writes the shared strings, exceljs also the styles and
 * the workbook after it), so cells are turned into values only when read back, once the whole zip is read.
 * Values come out as exceljs's whole-workbook reader (`workbook.xlsx.load`) gives them: shared and inline
 * strings, rich text, numbers, dates (by the cell's number format), booleans, errors and formulas by their
 * result. Memory stays bounded whatever the size: rows on disk, shared strings as one UTF-8 buffer.
 */
import { PassThrough, type Readable } from 'node:stream';
import { TempSpool } from './xlsx-spool';
import { readSharedStrings, sax, SharedStrings } from './xlsx-strings';

export interface XlsxSheets {
  /** Worksheets in the workbook (chart sheets are not counted). */
  count: number;
  /** The first worksheet's name (the first tab), or null when there is none. */
  first: string | null;
}

/** The first worksheet's rows, read back from the spool; `close()` removes it (also when not read to the end). */
export interface XlsxFirstSheet extends XlsxSheets {
  /** Each row with cells, in file order: its number and its cell values by column (index 0 = column A). */
  rows(): Generator<{ row: number; values: unknown[] }, void>;
  close(): void;
}

/** Thrown when the bytes are no workbook at all (no xl/workbook.xml was found). */
export class NotAWorkbookError extends Error {}

interface SheetModel {
  id: number;
  name: string;
  rId: string;
}

/** What the reader keeps of the workbook, and the methods replaced here; not in exceljs's type declarations. */
interface ReaderState {
  model?: { sheets?: SheetModel[] };
  workbookRels?: { Id: string; Target: string }[];
  properties?: { model?: { date1904?: boolean } };
  styles?: { getStyleModel(id: number): { numFmt?: string } | undefined };
  sharedStrings?: unknown;
  _parseSharedStrings(entry: Readable): AsyncGenerator<never, void>;
  _parseWorksheet(iterator: AsyncIterable<Uint8Array>, sheetNo: string): Generator<unknown, void>;
}

/** A worksheet part as the replaced `_parseWorksheet` hands it on. */
interface SheetEntry {
  sheetNo: string;
  iterator: AsyncIterable<Uint8Array>;
}

const WORKSHEET = /^(?:\/?xl\/)?worksheets\/sheet(\d+)\.xml$/;

/** The workbook's worksheets in tab order, each with its part's number: sheets whose relationship points at a worksheet. */
function worksheets(reader: ReaderState): (SheetModel & { sheetNo: string })[] {
  const rels = reader.workbookRels ?? [];
  return (reader.model?.sheets ?? []).flatMap((s) => {
    const target = rels.find((r) => r.Id === s.rId)?.Target;
    const sheetNo = target === undefined ? undefined : WORKSHEET.exec(target)?.[1];
    return sheetNo === undefined ? [] : [{ ...s, sheetNo }];
  });
}

/** Reads the workbook from `input`; its first worksheet's rows wait in a temporary file until read. */
export async function readFirstSheet(input: Readable): Promise<XlsxFirstSheet> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles are needed: a number is a date when its cell's number format says so.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const reader = workbook as unknown as ReaderState;
  const strings = new SharedStrings();
  // Set beforehand so exceljs hands on every worksheet as it comes instead of copying it to a file of its own.
  reader.sharedStrings = [];
  reader.workbookRels = [];
  // eslint-disable-next-line require-yield
  reader._parseSharedStrings = async function* (entry) {
    await readSharedStrings(entry.pipe(new PassThrough()), strings);
  };
  reader._parseWorksheet = function* (iterator, sheetNo) {
    yield { eventType: 'worksheet', value: { sheetNo, iterator } satisfies SheetEntry };
  };
  const spools = new Map<string, TempSpool>();
  const closeAll = () => spools.forEach((s) => s.close());
  try {
    for await (const sheet of workbook as unknown as AsyncIterable<SheetEntry>) {
      spools.get(sheet.sheetNo)?.close();
      const spool = new TempSpool();
      spools.set(sheet.sheetNo, spool);
      await spoolSheet(sheet.iterator, spool);
    }
    if (!reader.model) throw new NotAWorkbookError('no xl/workbook.xml');
  } catch (err) {
    closeAll();
    throw err;
  }
  const sheets = worksheets(reader);
  const first = sheets[0];
  const spool = first && spools.get(first.sheetNo);
  for (const [no, other] of spools) {
    if (other === spool) continue;
    other.close();
    spools.delete(no);
  }
  const ctx: SheetContext = { strings, styles: reader.styles, date1904: reader.properties?.model?.date1904 === true };
  return {
    count: sheets.length,
    first: first?.name ?? null,
    close: closeAll,
    *rows() {
      if (!spool) return;
      for (const record of spool.records()) {
        const [row, ...cells] = record as [number, ...RawCell[]];
        const values: unknown[] = [];
        for (const cell of cells) values[cell[0] - 1] = cellValue(cell, ctx);
        yield { row, values };
      }
    },
  };
}

interface SheetContext {
  strings: SharedStrings;
  styles: ReaderState['styles'];
  date1904: boolean;
}

/** A cell as spooled: column (1-based), type ("t", "" when none), style, value text, formula flag, rich text runs. */
type RawCell = [col: number, type: string, style: number, value: string | null, formula?: 0 | 1, runs?: string[]];

/** One `<c>` element as it is read. */
interface CellState {
  col: number;
  type: string;
  style: number;
  formula: boolean;
  value: string | undefined;
  runs: string[] | null;
}

/** Column number (1-based) of a cell reference such as "AB12". */
function columnOf(ref: string | undefined): number {
  const letters = /^[A-Z]+/i.exec(ref ?? '')?.[0];
  if (!letters) return 0;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function rawCell(c: CellState): RawCell {
  const raw: RawCell = [c.col, c.type, c.style, c.value ?? null];
  if (c.formula || c.runs) raw.push(c.formula ? 1 : 0);
  if (c.runs) raw.push(c.runs);
  return raw;
}

/** Each row of a worksheet part with cells, spooled as `[row, ...cells]`. */
async function spoolSheet(chunks: AsyncIterable<Uint8Array>, spool: TempSpool): Promise<void> {
  let inData = false;
  let rowNumber = 0;
  let cells: RawCell[] | null = null;
  let cell: CellState | null = null;
  let node: 'f' | 'v' | 't' | null = null;
  let run: string | null = null;
  await sax(chunks, {
    open(tag) {
      const a = tag.attributes;
      switch (tag.name) {
        case 'sheetData':
          inData = true;
          break;
        case 'row':
          if (!inData) break;
          rowNumber = Number.parseInt(a.r ?? '', 10) || rowNumber + 1;
          cells = [];
          break;
        case 'c':
          if (!cells) break;
          cell = {
            col: columnOf(a.r) || (cells.at(-1)?.[0] ?? 0) + 1,
            type: a.t ?? '',
            style: Number.parseInt(a.s ?? '', 10) || 0,
            formula: false,
            value: undefined,
            runs: null,
          };
          break;
        case 'f':
          if (cell) [cell.formula, node] = [true, 'f'];
          break;
        case 'v':
        case 't':
          if (cell) node = tag.name;
          break;
        case 'r':
          if (cell) [cell.runs, run] = [cell.runs ?? [], ''];
          break;
      }
    },
    text(text) {
      if (!cell || node === null || node === 'f') return;
      if (run !== null) run += text;
      else cell.value = (cell.value ?? '') + text;
    },
    close(tag) {
      switch (tag.name) {
        case 'sheetData':
          inData = false;
          break;
        case 'row':
          if (cells && cells.length > 0) spool.write([rowNumber, ...cells]);
          cells = null;
          break;
        case 'c':
          // A cell with neither value nor style is no cell to exceljs (it does not count in the row's length).
          if (cells && cell && (cell.value !== undefined || cell.runs || cell.style)) cells.push(rawCell(cell));
          cell = null;
          break;
        case 'r':
          if (cell?.runs && run !== null) cell.runs.push(run);
          run = null;
          break;
        case 'f':
        case 'v':
        case 't':
          node = null;
          break;
      }
    },
  });
}

function isDate(ctx: SheetContext, style: number): boolean {
  const format = style ? ctx.styles?.getStyleModel(style)?.numFmt : undefined;
  return !!format && /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

const excelDate = (serial: number, date1904: boolean) =>
  new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&apos;': "'", '&quot;': '"' };
/** exceljs decodes entities once more in "str" values; so does this reader, to give the same text. */
const xmlDecode = (text: string) => text.replace(/&([a-z]*);/g, (c) => ENTITIES[c] ?? c);

/** A spooled cell's value as exceljs's whole-workbook reader gives it (see its CellXform). */
function cellValue([, type, style, raw, formula, runs]: RawCell, ctx: SheetContext): unknown {
  const value = runs ? { richText: [...runs, ...(raw === null ? [] : [raw])].map((text) => ({ text })) } : raw;
  if (formula) {
    if (typeof value !== 'string') return undefined;
    if (type === 'str') return xmlDecode(value);
    if (type === 'b') return Number.parseInt(value, 10) !== 0;
    if (type === 'e') return { error: value };
    const n = Number.parseFloat(value);
    return isDate(ctx, style) ? excelDate(n, ctx.date1904) : n;
  }
  if (value === null) return undefined;
  if (typeof value !== 'string') return value; // inline rich text
  switch (type) {
    case 's':
      return ctx.strings.get(Number.parseInt(value, 10));
    case 'str':
      return xmlDecode(value);
    case 'inlineStr':
      return value;
    case 'b':
      return Number.parseInt(value, 10) !== 0;
    case 'e':
      return { error: value };
    default: {
      const n = Number.parseFloat(value);
      return isDate(ctx, style) ? excelDate(n, ctx.date1904) : n;
    }
  }
}
