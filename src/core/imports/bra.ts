/**
 * Brå's yearly "anmälda brott per kommun" CSV: one row per kommun with the count and the rate per 100 000
 * inhabitants. The file does not say which year it covers; the user does. Recent files have the header
 * `Kommun;Antal;Per 100 000 inv.`, older ones none. The rows for a län ("Skåne län") and the whole country
 * ("Hela landet") are kept too, as region rows, so a kommun can be shown beside them. Pure: bytes in, rows
 * and problems out.
 */
import { AppError } from '../../shared/errors';
import { lanByCode, lanByName, regionName, RIKET_CODE } from '../../shared/lan';
import { decodeText, matchKommun, normaliseKommunName, parseCsv, parseSwedishNumber, type CsvRecord } from './text';
import { DigitCounts, FieldCounts, refuseCutRecord, shortNumberWarning } from './truncation';
import type { BraRow, KommunRef, ParseContext, ParseResult } from './types';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** A value as it may appear in a message: trimmed and cut short, so a broken file cannot flood the report. */
export function shown(raw: string): string {
  const s = raw.trim();
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

export const isBlank = (s: string | undefined): boolean => (s ?? '').trim() === '';

/** Brå's row for a län or the whole country: the region's SCB code (two digits; 00 = riket). */
export interface BraRegionRow {
  regionCode: string;
  kind: 'lan' | 'riket';
  year: number;
  /** Null: suppressed (".."). */
  count: number | null;
  per100k: number | null;
}

/** A row of a Brå file: a kommun's, or a län's or the whole country's. */
export type BraFileRow = BraRow | BraRegionRow;

export const isRegionRow = (r: BraFileRow): r is BraRegionRow => 'regionCode' in r;

const RIKET = /^(hela landet|riket|sverige)$/;

/**
 * The län or the whole country a name in a Brå file means: "Hela landet", "Riket", "00 Riket", "Skåne län",
 * "Skånes län", "12 Skåne län", "12". Undefined for anything else (a kommun, "Totalt", an unknown län).
 */
export function braRegion(name: string): { code: string; kind: 'lan' | 'riket' } | undefined {
  const n = normaliseKommunName(name);
  const coded = /^(\d{2})(?: (.+))?$/.exec(n);
  const code = coded?.[1];
  const rest = coded ? coded[2] : n;
  if (code === RIKET_CODE || code === undefined) {
    if (rest === undefined || RIKET.test(rest)) return { code: RIKET_CODE, kind: 'riket' };
    if (code !== undefined || !/ län$/.test(rest)) return undefined;
    const lan = lanByName(rest);
    return lan && { code: lan.code, kind: 'lan' };
  }
  const lan = lanByCode(code);
  if (!lan || (rest !== undefined && lanByName(rest) !== lan)) return undefined;
  return { code: lan.code, kind: 'lan' };
}

/** The reason a region is left out although it is not broken ("Hela landet", "Riket", a län), if it is one. */
export function notAKommun(name: string): string | undefined {
  const n = normaliseKommunName(name);
  if (/^(00 )?(hela landet|riket|sverige|totalt|summa)$/.test(n)) return `${shown(name)} är inte en kommun`;
  if (/^\d{2}$/.test(n) || /(^| )län$/.test(n)) return `${shown(name)} är ett län, inte en kommun`;
  return undefined;
}

export type Cell =
  { kind: 'value'; value: number | null } | { kind: 'suppressed' } | { kind: 'problem'; reason: string };

/**
 * One number cell: Swedish number text ("2 537", "12 345,6"), "-" for zero, ".." for suppressed.
 * `integer` demands a whole number (counts, population); every value must be ≥ 0.
 */
export function readNumber(raw: string | undefined, column: string, integer: boolean): Cell {
  const s = (raw ?? '').trim();
  if (s === '') return { kind: 'problem', reason: `Kolumn "${column}" är tom` };
  if (s === '..' || s === '…') return { kind: 'suppressed' };
  const n = parseSwedishNumber(s);
  if (n === null || !Number.isFinite(n))
    return { kind: 'problem', reason: `Kolumn "${column}": "${shown(s)}" är inte ett tal` };
  if (n < 0) return { kind: 'problem', reason: `Kolumn "${column}": "${shown(s)}" är negativt` };
  if (integer && !Number.isInteger(n)) {
    return { kind: 'problem', reason: `Kolumn "${column}": "${shown(s)}" är inte ett heltal` };
  }
  if (integer && !Number.isSafeInteger(n))
    return { kind: 'problem', reason: `Kolumn "${column}": "${shown(s)}" är för stort` };
  return { kind: 'value', value: n === 0 ? 0 : n };
}

/** Years 1900–2100 written as four digits anywhere in a text (titles, headers). */
export function yearsIn(text: string): number[] {
  return [...text.matchAll(/(?<!\d)(\d{4})(?!\d)/g)]
    .map((m) => Number(m[1]))
    .filter((y) => y >= MIN_YEAR && y <= MAX_YEAR);
}

interface Columns {
  kommun: number;
  count: number;
  /** -1 when the file has no rate column. */
  per100k: number;
  names: { kommun: string; count: string; per100k: string };
}

const POSITIONAL: Columns = {
  kommun: 0,
  count: 1,
  per100k: 2,
  names: { kommun: 'Kommun', count: 'Antal', per100k: 'Per 100 000 inv.' },
};

/** The first cell of a data row's count column: a number, "..", "-", empty or at least starting with a digit. */
function looksLikeData(raw: string | undefined): boolean {
  const s = (raw ?? '').trim();
  return s === '' || s === '..' || s === '…' || s === '-' || s === '–' || /^-?\d/.test(s);
}

function headerColumns(header: CsvRecord): Columns {
  const names = header.fields.map((f) => shown(f));
  const lower = names.map((n) => n.toLocaleLowerCase('sv-SE'));
  const per100k = lower.findIndex((n) => /100[\s\u00a0]*000|^per\b/.test(n));
  const count = lower.findIndex((n, j) => j !== per100k && /antal|anmälda|brott/.test(n));
  if (count < 0) {
    throw new AppError(
      'validation',
      `Rad ${header.line}: rubrikraden saknar kolumnen "Antal". En Brå-fil börjar med rubrikerna Kommun;Antal;Per 100 000 inv. eller direkt med en kommun och dess antal.`,
    );
  }
  let kommun = lower.findIndex((n, j) => j !== count && j !== per100k && /kommun|region|område/.test(n));
  if (kommun < 0) kommun = [0, 1, 2].find((j) => j !== count && j !== per100k)!;
  const name = (j: number, fallback: string) => (names[j] ? names[j]! : fallback);
  return {
    kommun,
    count,
    per100k,
    names: {
      kommun: name(kommun, POSITIONAL.names.kommun),
      count: name(count, POSITIONAL.names.count),
      per100k: name(per100k, POSITIONAL.names.per100k),
    },
  };
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new AppError('validation', `Året måste vara ett heltal mellan ${MIN_YEAR} och ${MAX_YEAR}, inte ${year}.`);
  }
}

export function parseBra(bytes: Uint8Array, ctx: ParseContext, options: { year: number }): ParseResult<BraFileRow> {
  const { year } = options;
  checkYear(year);
  const records = parseCsv(decodeText(bytes).text).filter((r) => r.fields.some((f) => !isBlank(f)));
  const kommunLike = (s: string | undefined) =>
    !isBlank(s) &&
    (matchKommun(s!, ctx.kommuner) !== undefined || braRegion(s!) !== undefined || notAKommun(s!) !== undefined);

  // Title lines: text in the first cell only, not a kommun ("Anmälda brott 2024", Excel adds ";;").
  let i = 0;
  const mentioned: number[] = [];
  while (i < records.length) {
    const r = records[i]!;
    if (!r.fields.slice(1).every(isBlank) || kommunLike(r.fields[0])) break;
    mentioned.push(...yearsIn(r.fields[0]!));
    i++;
  }
  if (i === records.length) {
    throw new AppError('validation', 'Filen innehåller inga rader med kommun och antal anmälda brott.');
  }
  let columns = POSITIONAL;
  const first = records[i]!;
  const firstIsHeader =
    normaliseKommunName(first.fields[0]!) === 'kommun' ||
    (!kommunLike(first.fields[0]) && !looksLikeData(first.fields[1]));
  if (firstIsHeader) {
    columns = headerColumns(first);
    mentioned.push(...yearsIn(first.fields.join(' ')));
    i++;
    if (i === records.length) {
      throw new AppError('validation', `Filen innehåller bara rubrikraden (rad ${first.line}) och inga kommuner.`);
    }
  }

  const data = records.slice(i);
  const result: ParseResult<BraFileRow> = { rows: [], skipped: [], invalid: [], warnings: [] };
  const confirm = cutShort(data, firstIsHeader ? first.fields : undefined, columns);
  if (confirm.length > 0) result.confirm = confirm;
  const other = [...new Set(mentioned.filter((y) => y !== year))];
  if (other.length > 0) {
    result.warnings.push(
      `Filen nämner ${other.length === 1 ? 'året' : 'åren'} ${other.join(', ')} men importeras som ${year}. Kontrollera att du valt rätt år.`,
    );
  }
  const seen = new Map<string, number>();
  for (const r of data) {
    const outcome = braRow(r, columns, ctx.kommuner, year);
    if ('skip' in outcome) result.skipped.push({ row: r.line, reason: outcome.skip });
    else if ('invalid' in outcome) result.invalid.push({ row: r.line, reason: outcome.invalid });
    else {
      const key = isRegionRow(outcome.value) ? `r${outcome.value.regionCode}` : `k${outcome.value.kommunId}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        result.invalid.push({ row: r.line, reason: `${outcome.label} förekommer redan på rad ${earlier}` });
        continue;
      }
      seen.set(key, r.line);
      result.rows.push({ row: r.line, value: outcome.value });
    }
  }
  return result;
}

/**
 * A file cut short in its last row: refused when the row lacks fields (the header's, or without a header the
 * other rows'); a confirm-warning when a number in it has fewer digits than its column's others.
 */
function cutShort(data: CsvRecord[], header: string[] | undefined, columns: Columns): string[] {
  const last = data.at(-1);
  if (!last?.open) return [];
  const counts = new FieldCounts();
  for (const r of data.slice(0, -1)) counts.add(r.fields.length);
  refuseCutRecord({ line: last.line, fields: last.fields.length, open: true }, header, counts);
  const warnings: string[] = [];
  for (const [j, name] of [
    [columns.count, columns.names.count],
    [columns.per100k, columns.names.per100k],
  ] as const) {
    if (j < 0) continue;
    const digits = new DigitCounts();
    for (const r of data.slice(0, -1)) digits.add(r.fields[j]);
    const warning = shortNumberWarning(last, name, last.fields[j], digits);
    if (warning) warnings.push(warning);
  }
  return warnings;
}

type RowOutcome = { skip: string } | { invalid: string } | { label: string; value: BraFileRow };

/** Count and rate of a row: null = suppressed (".."); a problem when a cell cannot be read. */
function readCounts(
  cell: (j: number) => string | undefined,
  columns: Columns,
): { invalid: string } | { count: number | null; per100k: number | null } {
  const count = readNumber(cell(columns.count), columns.names.count, true);
  if (count.kind === 'problem') return { invalid: count.reason };
  let per100k: number | null = null;
  if (columns.per100k >= 0 && !isBlank(cell(columns.per100k))) {
    const rate = readNumber(cell(columns.per100k), columns.names.per100k, false);
    if (rate.kind === 'problem') return { invalid: rate.reason };
    per100k = rate.kind === 'value' ? rate.value : null;
  }
  return { count: count.kind === 'value' ? count.value : null, per100k };
}

function braRow(r: CsvRecord, columns: Columns, kommuner: readonly KommunRef[], year: number): RowOutcome {
  const cell = (j: number) => (j < 0 ? undefined : r.fields[j]);
  const name = (cell(columns.kommun) ?? '').trim();
  const hasNumbers = r.fields.some((f, j) => j !== columns.kommun && !isBlank(f));
  const region = braRegion(name);
  if (region) {
    const counts = readCounts(cell, columns);
    if ('invalid' in counts) return counts;
    return { label: regionName(region.code), value: { regionCode: region.code, kind: region.kind, year, ...counts } };
  }
  const notKommun = notAKommun(name);
  if (notKommun) return { skip: notKommun };
  if (name === '') return { invalid: `Kolumn "${columns.names.kommun}" är tom` };
  const kommun = matchKommun(name, kommuner);
  if (!kommun)
    return { skip: hasNumbers ? `${shown(name)} finns inte i databasen` : `"${shown(name)}" är ingen kommunrad` };
  const counts = readCounts(cell, columns);
  if ('invalid' in counts) return counts;
  return { label: kommun.name, value: { kommunId: kommun.id, year, ...counts } };
}
