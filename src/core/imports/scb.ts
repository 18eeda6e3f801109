/**
 * SCB population per kommun and year, as exported from PX-Web (Statistikdatabasen) to CSV. Two shapes:
 * long (`"region";"år";"Folkmängd"`, one row per kommun and year) and wide (`"region";"2023";"2024"`, one
 * row per kommun). A table title and a blank line may come before the header. Pure: bytes in, rows out.
 */
import { AppError } from '../../shared/errors';
import { formatInteger } from '../../shared/format';
import { isBlank, MAX_YEAR, MIN_YEAR, notAKommun, readNumber, shown } from './bra';
import { decodeText, detectDelimiter, matchKommun, parseCsv, type CsvRecord } from './text';
import { DigitCounts, FieldCounts, refuseCutRecord, shortNumberWarning } from './truncation';
import type { KommunRef, ParseContext, ParseResult, PopulationRow } from './types';

/** The year a header cell names: "2024" or "Folkmängd 2024" (exactly one number, four digits, 1900–2100). */
function headerYear(cell: string): number | undefined {
  const digits = cell.match(/\d+/g);
  if (digits?.length !== 1 || digits[0]!.length !== 4) return undefined;
  const y = Number(digits[0]);
  return y >= MIN_YEAR && y <= MAX_YEAR ? y : undefined;
}

const isYearWord = (cell: string) => ['år', 'year', 'tid'].includes(cell.trim().toLocaleLowerCase('sv-SE'));
const isPlainNumber = (cell: string) => /^[\s\u00a0\d.,-]*\d[\s\u00a0\d.,-]*$/.test(cell);

/** A header: two or more cells, one of them "år" or a year, and no data-like numbers besides years. */
function isHeader(r: CsvRecord): boolean {
  const cells = r.fields.map((f) => f.trim());
  if (cells.filter((c) => c !== '').length < 2) return false;
  if (cells.some((c) => isPlainNumber(c) && headerYear(c) === undefined)) return false;
  return cells.some(isYearWord) || cells.some((c, j) => j > 0 && headerYear(c) !== undefined);
}

/** The records and where the header is: the detected delimiter first, then the others. */
function findTable(text: string): { records: CsvRecord[]; header: number } {
  const first = detectDelimiter(text);
  const delimiters = [first, ...[';', ',', '\t'].filter((d) => d !== first)];
  for (const [n, d] of delimiters.entries()) {
    let records: CsvRecord[];
    try {
      records = parseCsv(text, d);
    } catch (e) {
      if (n === 0) throw e;
      continue;
    }
    const header = records.findIndex(isHeader);
    if (header >= 0) return { records, header };
  }
  throw new AppError(
    'validation',
    'Hittar ingen rubrikrad med region och år, t.ex. "region";"år";"Folkmängd" eller "region";"2023";"2024". Exportera tabellen från SCB:s statistikdatabas som CSV med rubriker.',
  );
}

/** Where region, year and population are. Long: one year column and one value column. Wide: a column per year. */
type Layout =
  | { shape: 'long'; region: number; year: number; value: number; names: string[] }
  | { shape: 'wide'; region: number; years: { col: number; year: number }[]; names: string[] };

function layout(header: CsvRecord): Layout {
  const names = header.fields.map((f) => shown(f));
  const lower = names.map((n) => n.toLocaleLowerCase('sv-SE'));
  const yearCol = lower.findIndex(isYearWord);
  let region = lower.findIndex((n) => /region|kommun/.test(n));
  const refuse = (what: string): never => {
    throw new AppError('validation', `Rad ${header.line}: rubrikraden saknar ${what}.`);
  };
  if (yearCol >= 0) {
    if (region < 0) region = yearCol === 0 ? 1 : 0;
    const others = names.map((_, j) => j).filter((j) => j !== region && j !== yearCol);
    const value =
      others.find((j) => /folkmängd|befolkning|population|invånare|antal/.test(lower[j]!)) ?? others.at(-1) ?? -1;
    if (value < 0) refuse('en kolumn med folkmängd');
    return { shape: 'long', region, year: yearCol, value, names };
  }
  const years = names
    .map((n, j) => ({ col: j, year: headerYear(n) }))
    .filter((c): c is { col: number; year: number } => c.year !== undefined && c.col !== region);
  if (region < 0) region = names.findIndex((_, j) => !years.some((c) => c.col === j));
  if (region < 0) refuse('kolumnen "region"');
  const byYear = new Map<number, number>();
  for (const c of years) {
    const earlier = byYear.get(c.year);
    if (earlier !== undefined) {
      throw new AppError(
        'validation',
        `Rad ${header.line}: året ${c.year} finns i två kolumner ("${names[earlier]}" och "${names[c.col]}").`,
      );
    }
    byYear.set(c.year, c.col);
  }
  return { shape: 'wide', region, years, names };
}

function usedColumns(l: Layout): number[] {
  return l.shape === 'long' ? [l.region, l.year, l.value] : [l.region, ...l.years.map((c) => c.col)];
}

export function parseScb(bytes: Uint8Array, ctx: ParseContext): ParseResult<PopulationRow> {
  const { records, header } = findTable(decodeText(bytes).text);
  const l = layout(records[header]!);
  const data = records.slice(header + 1).filter((r) => r.fields.some((f) => !isBlank(f)));
  if (data.length === 0) {
    throw new AppError(
      'validation',
      `Filen innehåller inga rader med folkmängd efter rubrikraden (rad ${records[header]!.line}).`,
    );
  }
  const result: ParseResult<PopulationRow> = { rows: [], skipped: [], invalid: [], warnings: [] };
  const confirm = cutShort(data, records[header]!, l);
  if (confirm.length > 0) result.confirm = confirm;
  const used = usedColumns(l);
  const unused = l.names.filter((n, j) => n !== '' && !used.includes(j));
  if (unused.length > 0) {
    result.warnings.push(
      `${unused.length === 1 ? 'Kolumnen' : 'Kolumnerna'} ${unused.map((n) => `"${n}"`).join(', ')} används inte; bara region, år och folkmängd läses.`,
    );
  }
  const seen = new Map<string, number>();
  for (const r of data) {
    const kommun = regionOf(r, l, ctx.kommuner, result);
    if (!kommun) continue;
    const cells: { year: number | string; raw: string | undefined; column: string }[] =
      l.shape === 'long'
        ? [{ year: yearCell(r.fields[l.year], l.names[l.year]!), raw: r.fields[l.value], column: l.names[l.value]! }]
        : l.years.map((c) => ({ year: c.year, raw: r.fields[c.col], column: l.names[c.col]! }));
    for (const c of cells) {
      if (typeof c.year === 'string') {
        result.invalid.push({ row: r.line, reason: c.year });
        continue;
      }
      const value = readNumber(c.raw, c.column || 'Folkmängd', true);
      if (value.kind === 'problem') {
        result.invalid.push({ row: r.line, reason: value.reason });
        continue;
      }
      if (value.kind === 'suppressed' || value.value === null) {
        result.skipped.push({ row: r.line, reason: `Folkmängd för ${kommun.name} ${c.year} saknas ("..")` });
        continue;
      }
      const key = `${kommun.id}:${c.year}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        result.invalid.push({ row: r.line, reason: `${kommun.name} ${c.year} förekommer redan på rad ${earlier}` });
        continue;
      }
      seen.set(key, r.line);
      result.rows.push({ row: r.line, value: { kommunId: kommun.id, year: c.year, population: value.value } });
    }
  }
  return result;
}

/**
 * A file cut short in its last row: refused when the row lacks fields; a confirm-warning when a population
 * in it has fewer digits than its column's others ("1276 Klippan;2024;177" among five-digit values).
 */
function cutShort(data: CsvRecord[], header: CsvRecord, l: Layout): string[] {
  const last = data.at(-1);
  if (!last?.open) return [];
  const others = data.slice(0, -1);
  const counts = new FieldCounts();
  for (const r of others) counts.add(r.fields.length);
  refuseCutRecord({ line: last.line, fields: last.fields.length, open: true }, header.fields, counts);
  const warnings: string[] = [];
  for (const j of l.shape === 'long' ? [l.value] : l.years.map((c) => c.col)) {
    const digits = new DigitCounts();
    for (const r of others) digits.add(r.fields[j]);
    const warning = shortNumberWarning(last, l.names[j] || 'Folkmängd', last.fields[j], digits);
    if (warning) warnings.push(warning);
  }
  return warnings;
}

/** Share of the year before's population by which a kommun's population may change before the user must confirm it. */
export const POPULATION_JUMP = 0.5;

/**
 * Confirm-warnings for populations that change by more than half from the year before, as stored in the
 * database (`stored`) or given in the same file, or from the figure already stored for the same year: no
 * kommun grows or shrinks like that in a year, a cut or mistyped figure does (17 714 read as 177 makes every
 * rate per 1 000 inhabitants a hundred times too high).
 */
export function populationJumps(
  rows: readonly { row: number; value: PopulationRow }[],
  stored: (kommunId: number, year: number) => number | undefined,
  kommunName: (kommunId: number) => string,
): string[] {
  const inFile = new Map(rows.map((r) => [`${r.value.kommunId}:${r.value.year}`, r.value.population]));
  const jumps: string[] = [];
  const jump = (from: number, to: number) => from > 0 && Math.abs(to - from) > from * POPULATION_JUMP;
  for (const { row, value: v } of rows) {
    const name = kommunName(v.kommunId);
    const fromFile = inFile.get(`${v.kommunId}:${v.year - 1}`);
    const before = fromFile ?? stored(v.kommunId, v.year - 1);
    const same = stored(v.kommunId, v.year);
    if (before !== undefined && jump(before, v.population)) {
      const where = fromFile === undefined ? 'i databasen' : 'i filen';
      jumps.push(
        `Rad ${row}: folkmängden för ${name} ${v.population < before ? 'minskar' : 'ökar'} med mer än hälften, från ${formatInteger(before)} år ${v.year - 1} (${where}) till ${formatInteger(v.population)} år ${v.year}. Kontrollera att filen är hel och att talet stämmer.`,
      );
    } else if (same !== undefined && jump(same, v.population)) {
      jumps.push(
        `Rad ${row}: folkmängden för ${name} år ${v.year} blir ${formatInteger(v.population)} i stället för ${formatInteger(same)} som redan finns i databasen, en ändring med mer än hälften. Kontrollera att filen är hel och att talet stämmer.`,
      );
    }
  }
  return jumps;
}

/** The year in a long-format row, or the reason it is not one. */
function yearCell(raw: string | undefined, column: string): number | string {
  const s = (raw ?? '').trim();
  if (s === '') return `Kolumn "${column}" är tom`;
  const y = /^\d{4}$/.test(s) ? Number(s) : NaN;
  if (y >= MIN_YEAR && y <= MAX_YEAR) return y;
  return `Kolumn "${column}": "${shown(s)}" är inte ett årtal mellan ${MIN_YEAR} och ${MAX_YEAR}`;
}

/** The row's kommun, or undefined after listing why the row is left out. */
function regionOf(
  r: CsvRecord,
  l: Layout,
  kommuner: readonly KommunRef[],
  result: ParseResult<PopulationRow>,
): KommunRef | undefined {
  const region = (r.fields[l.region] ?? '').trim();
  const notKommun = notAKommun(region);
  if (notKommun) {
    result.skipped.push({ row: r.line, reason: notKommun });
    return undefined;
  }
  if (region === '') {
    result.invalid.push({ row: r.line, reason: `Kolumn "${l.names[l.region] || 'region'}" är tom` });
    return undefined;
  }
  const kommun = matchKommun(region, kommuner);
  if (!kommun) {
    const hasValues = r.fields.some((f, j) => j !== l.region && !isBlank(f));
    const reason = hasValues ? `${shown(region)} finns inte i databasen` : `"${shown(region)}" är ingen datarad`;
    result.skipped.push({ row: r.line, reason });
  }
  return kommun;
}
