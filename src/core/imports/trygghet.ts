/**
 * Polisens trygghetsmätning: results per year, area and indicator, as a coordinator types them in from the
 * published PDFs (CSV or .xlsx). Long shape, one row per year × area × indicator, columns found by header
 * name in any order (`År;Område;Indikator;Värde;Svarande;Svarsfrekvens;Utskick`). An area is a kommun or
 * a whole LPO ("LPO Kävlinge"); a bare "Kävlinge" is the kommun. Pure: bytes in, values and problems out.
 */
import { AppError } from '../../shared/errors';
import {
  INDICATOR_BY_CODE,
  SURVEY_INDICATORS,
  type SurveyArea,
  type SurveyIndicator,
  type SurveyValue,
} from '../../shared/survey';
import { MAX_YEAR, MIN_YEAR, readNumber, shown } from './bra';
import { fold, readTable, type TableRow } from './incidents-table';
import { matchKommun, normaliseKommunName, parseSwedishNumber } from './text';
import { DigitCounts, FieldCounts, refuseCutRecord, shortNumberWarning } from './truncation';
import type { KommunRef, ParseResult } from './types';

export interface TrygghetContext {
  kommuner: readonly KommunRef[];
  lpos: readonly { id: number; name: string }[];
}

type Field = 'year' | 'area' | 'indicator' | 'value' | 'respondents' | 'rate' | 'sent';

/** How each column is named in messages when the file's own header cannot be used, and the header the file should have. */
const FIELD_NAMES: Record<Field, string> = {
  year: 'År',
  area: 'Område',
  indicator: 'Indikator',
  value: 'Värde',
  respondents: 'Svarande',
  rate: 'Svarsfrekvens',
  sent: 'Utskick',
};
const REQUIRED: readonly Field[] = ['year', 'area', 'indicator', 'value'];
const FIELDS: readonly Field[] = ['year', 'area', 'indicator', 'value', 'respondents', 'rate', 'sent'];
export const TRYGGHET_HEADER = 'År;Område;Indikator;Värde;Svarande;Svarsfrekvens';

/** Header names per field, best first, folded (lower case, no accents, parentheses or punctuation: see `fold`). */
const HEADER_ALIASES: Record<Field, readonly string[]> = {
  year: ['ar', 'year', 'artal'],
  area: ['omrade', 'kommun', 'omradekommun', 'region', 'kommunlpo', 'lpokommun', 'lpo'],
  indicator: ['indikator', 'fraga', 'matt'],
  value: ['varde', 'index', 'andel', 'resultat'],
  respondents: ['svarande', 'antalsvar', 'antalsvarande', 'n'],
  rate: ['svarsfrekvens'],
  sent: ['utskick', 'antalutskick', 'skickade'],
};

/** Header rows looked for among the first rows: a title line may come before the header. */
const HEADER_SEARCH = 10;

type Columns = Partial<Record<Field, { index: number; name: string }>>;

const cleanHeader = (s: string) => s.replace(/\s+/g, ' ').trim();

function columnsOf(cells: string[]): Columns {
  const folded = cells.map((c) => fold(cleanHeader(c)));
  const used = new Set<number>();
  const columns: Columns = {};
  for (const field of FIELDS) {
    for (const alias of HEADER_ALIASES[field]) {
      const j = folded.findIndex((h, k) => h === alias && !used.has(k));
      if (j >= 0) {
        used.add(j);
        columns[field] = { index: j, name: shown(cleanHeader(cells[j]!)) };
        break;
      }
    }
  }
  return columns;
}

/** The header row (the first of the first rows naming every required column) and the rows after it. */
function findHeader(candidates: TableRow[]): { header: TableRow; columns: Columns; at: number } {
  let best: { row: TableRow; missing: Field[] } | undefined;
  for (const [at, row] of candidates.slice(0, HEADER_SEARCH).entries()) {
    const columns = columnsOf(row.cells);
    const missing = REQUIRED.filter((f) => !columns[f]);
    if (missing.length === 0) return { header: row, columns, at };
    if (!best || missing.length < best.missing.length) best = { row, missing };
  }
  const missing = best!.missing.map((f) => `"${FIELD_NAMES[f]}"`);
  const what =
    missing.length === 1
      ? `kolumnen ${missing[0]}`
      : `kolumnerna ${missing.slice(0, -1).join(', ')} och ${missing.at(-1)}`;
  throw new AppError(
    'validation',
    `Rad ${best!.row.row}: rubrikraden saknar ${what}. En fil med trygghetsmätningens resultat ska ha rubrikerna ${TRYGGHET_HEADER} i valfri ordning (Svarande och Svarsfrekvens får saknas), en rad per år, område och indikator.`,
  );
}

// ---------------------------------------------------------------------------------------------------
// Indicators

const INDICATOR_BY_KEY: ReadonlyMap<string, SurveyIndicator> = (() => {
  const map = new Map<string, SurveyIndicator>();
  for (const i of SURVEY_INDICATORS) {
    for (const name of [i.code, i.label, ...(i.aliases ?? [])]) map.set(fold(name), i);
  }
  return map;
})();

/** The indicator a cell names: its code, label or an alias, in any case, with or without accents and "(andel)". */
export function matchIndicator(raw: string): SurveyIndicator | undefined {
  const key = fold(raw);
  return key === '' ? undefined : INDICATOR_BY_KEY.get(key);
}

const INDICATOR_EXAMPLES = ['totalindex', 'Nedskräpning', 'Otrygg ute ensam sen kväll (andel)']
  .map((s) => `"${s}"`)
  .join(', ');

// ---------------------------------------------------------------------------------------------------
// Areas

type AreaOutcome = { area: SurveyArea; name: string } | { skip: string };

const LPO_BEFORE = /^(?:lpo|lokalpolisomr[åa]det?)[\s:]+(.+)$/iu;
const LPO_AFTER = /^(.+?)[\s,]+(?:lpo|lokalpolisomr[åa]de)$/iu;

/** A kommun ("Kävlinge", "Kävlinge kommun", "1261"), an LPO ("LPO Kävlinge", "Kävlinge LPO"), or why the row is left out. */
function areaOf(raw: string, ctx: TrygghetContext): AreaOutcome {
  const s = raw.trim().replace(/\s+/g, ' ');
  const lpoName = (LPO_BEFORE.exec(s)?.[1] ?? LPO_AFTER.exec(s)?.[1])?.replace(/\s*\([^)]*\)\s*$/, '');
  const findLpo = (name: string) => ctx.lpos.find((l) => normaliseKommunName(l.name) === normaliseKommunName(name));
  if (lpoName !== undefined) {
    const lpo = findLpo(lpoName);
    if (lpo) return { area: { kind: 'lpo', id: lpo.id }, name: `LPO ${lpo.name}` };
    return { skip: `${shown(s)} finns inte i databasen` };
  }
  const kommun = matchKommun(s, ctx.kommuner);
  if (kommun) return { area: { kind: 'kommun', id: kommun.id }, name: kommun.name };
  // Not a kommun's name but exactly an LPO's (an LPO named after a part of the county, say).
  const lpo = findLpo(s);
  if (lpo) return { area: { kind: 'lpo', id: lpo.id }, name: `LPO ${lpo.name}` };
  const n = normaliseKommunName(s);
  const not = 'inte en kommun eller ett lokalpolisområde';
  if (/^(00 )?(hela landet|riket|sverige|totalt|summa|samtliga)$/.test(n)) return { skip: `${shown(s)} är ${not}` };
  if (/^\d{2}$/.test(n) || /(^| )län$/.test(n)) return { skip: `${shown(s)} är ett län, ${not}` };
  if (/^(polis)?region /.test(n)) return { skip: `${shown(s)} är en region, ${not}` };
  return { skip: `${shown(s)} finns inte i databasen` };
}

// ---------------------------------------------------------------------------------------------------
// Numbers

/** A cell that says "no figure": empty, "..", "-". */
const isMissing = (raw: string | undefined) => /^(|\.\.|…|-|–)$/.test((raw ?? '').trim());

/** "1,94", "35 %", "35%": the number and whether it carried a per cent sign; null when it is not a number. */
function readMeasure(raw: string): { value: number; percent: boolean } | null {
  const s = raw.trim();
  const percent = /%$/.test(s);
  const n = parseSwedishNumber(percent ? s.slice(0, -1) : s);
  if (n === null || !Number.isFinite(n)) return null;
  return { value: n === 0 ? 0 : n, percent };
}

const KIND_RANGE = { index: 'index 0–6', andel: 'andel 0–100 %' } as const;
const KIND_MAX = { index: 6, andel: 100 } as const;

// ---------------------------------------------------------------------------------------------------

type RowOutcome = { skip: string } | { invalid: string } | { value: SurveyValue; key: string; label: string };

function trygghetRow(r: TableRow, c: Columns, ctx: TrygghetContext): RowOutcome {
  const cell = (f: Field) => {
    const col = c[f];
    return col ? (r.cells[col.index] ?? '') : undefined;
  };
  const name = (f: Field) => c[f]?.name || FIELD_NAMES[f];
  const bad = (f: Field, raw: string, what: string) => ({ invalid: `Kolumn "${name(f)}": "${shown(raw)}" ${what}` });

  // A footnote or a heading ("Källa: Polisen"): one text cell, wherever it is.
  const filled = r.cells.map((v) => v.trim()).filter((v) => v !== '');
  if (filled.length === 1 && parseSwedishNumber(filled[0]!) === null) {
    return { skip: `"${shown(filled[0]!)}" är ingen datarad` };
  }
  const areaRaw = cell('area')!.trim();
  if (areaRaw === '') return { invalid: `Kolumn "${name('area')}" är tom` };
  const area = areaOf(areaRaw, ctx);
  if ('skip' in area) return area;

  const yearRaw = cell('year')!.trim();
  if (yearRaw === '') return { invalid: `Kolumn "${name('year')}" är tom` };
  const year = /^\d{4}$/.test(yearRaw) ? Number(yearRaw) : NaN;
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) {
    return bad('year', yearRaw, `är inte ett årtal mellan ${MIN_YEAR} och ${MAX_YEAR}`);
  }

  const indicatorRaw = cell('indicator')!.trim();
  if (indicatorRaw === '') return { invalid: `Kolumn "${name('indicator')}" är tom` };
  const indicator = matchIndicator(indicatorRaw);
  if (!indicator) {
    return bad(
      'indicator',
      indicatorRaw,
      `är ingen känd indikator. Skriv indikatorns kod eller namn, t.ex. ${INDICATOR_EXAMPLES}`,
    );
  }
  const what = `${area.name} ${year}, ${indicator.label}`;

  const valueRaw = cell('value')!.trim();
  if (isMissing(valueRaw)) return { skip: `Värde saknas för ${what}` };
  const measure = readMeasure(valueRaw);
  if (!measure) return bad('value', valueRaw, 'är inte ett tal');
  if (measure.percent && indicator.kind === 'index') {
    return bad('value', valueRaw, `är ett procenttal, men ${indicator.label} är ett index 0–6`);
  }
  if (measure.value < 0 || measure.value > KIND_MAX[indicator.kind]) {
    return bad('value', valueRaw, `ligger utanför skalan för ${indicator.label} (${KIND_RANGE[indicator.kind]})`);
  }

  const count = (f: 'respondents' | 'sent'): number | null | { invalid: string } => {
    const raw = cell(f);
    if (isMissing(raw)) return null;
    const n = readNumber(raw, name(f), true);
    if (n.kind === 'problem') return { invalid: n.reason };
    return n.kind === 'value' ? n.value : null;
  };
  const respondents = count('respondents');
  if (respondents !== null && typeof respondents === 'object') return respondents;
  const sent = count('sent');
  if (sent !== null && typeof sent === 'object') return sent;
  if (respondents !== null && sent !== null && respondents > sent) {
    return {
      invalid: `Kolumn "${name('respondents')}": ${respondents} svarande är fler än de ${sent} enkäter som skickades ut (kolumn "${name('sent')}")`,
    };
  }

  let responseRate: number | null = null;
  const rateRaw = cell('rate');
  if (!isMissing(rateRaw)) {
    const rate = readMeasure(rateRaw!);
    if (!rate) return bad('rate', rateRaw!, 'är inte ett tal');
    if (rate.value < 0 || rate.value > 100) return bad('rate', rateRaw!, 'är ingen svarsfrekvens mellan 0 och 100 %');
    responseRate = rate.value;
  } else if (respondents !== null && sent !== null && sent > 0) {
    responseRate = Math.round((1000 * respondents) / sent) / 10;
  }

  const areaKey = `${area.area.kind}:${area.area.id}`;
  return {
    value: { year, area: area.area, indicator: indicator.code, value: measure.value, respondents, responseRate },
    key: `${year}|${areaKey}|${indicator.code}`,
    label: what,
  };
}

/**
 * A CSV file cut short in its last row: refused when the row lacks fields; a confirm-warning when a number
 * in it has fewer digits than its column's others.
 */
function cutShort(data: TableRow[], header: TableRow, columns: Columns): string[] {
  const last = data.at(-1);
  if (!last?.open) return [];
  const others = data.slice(0, -1);
  const counts = new FieldCounts();
  for (const r of others) counts.add(r.cells.length);
  refuseCutRecord({ line: last.row, fields: last.cells.length, open: true }, header.cells, counts);
  const warnings: string[] = [];
  for (const f of ['value', 'respondents', 'rate', 'sent'] as const) {
    const col = columns[f];
    if (!col) continue;
    const digits = new DigitCounts();
    for (const r of others) digits.add(r.cells[col.index]);
    const warning = shortNumberWarning({ line: last.row, open: true }, col.name, last.cells[col.index], digits);
    if (warning) warnings.push(warning);
  }
  return warnings;
}

/**
 * Survey results from a CSV or .xlsx file. Rows for areas outside the database (another kommun, "Region
 * Syd", "Hela landet") are skipped, never invented; broken rows are listed with the column and value.
 */
export async function parseTrygghet(
  bytes: Uint8Array,
  fileName: string,
  ctx: TrygghetContext,
): Promise<ParseResult<SurveyValue>> {
  const table = await readTable(bytes, fileName);
  const all: TableRow[] = [{ row: table.headerRow ?? 1, cells: table.header }, ...table.rows];
  const { header, columns, at } = findHeader(all);
  const data = all.slice(at + 1);
  if (data.length === 0) {
    throw new AppError(
      'validation',
      `Filen innehåller inga rader med resultat efter rubrikraden (rad ${header.row}). Skriv en rad per år, område och indikator under rubrikerna ${TRYGGHET_HEADER}.`,
    );
  }

  const result: ParseResult<SurveyValue> = {
    rows: [],
    skipped: [],
    invalid: [],
    warnings: [...(table.warnings ?? [])],
  };
  const confirm = cutShort(data, header, columns);
  if (confirm.length > 0) result.confirm = confirm;
  const used = new Set(Object.values(columns).map((col) => col.index));
  const unused = header.cells.map(cleanHeader).filter((n, j) => n !== '' && !used.has(j));
  if (unused.length > 0) {
    result.warnings.push(
      `${unused.length === 1 ? 'Kolumnen' : 'Kolumnerna'} ${unused.map((n) => `"${shown(n)}"`).join(', ')} används inte; bara år, område, indikator, värde, svarande, svarsfrekvens och utskick läses.`,
    );
  }

  const seen = new Map<string, number>();
  for (const r of data) {
    const outcome = trygghetRow(r, columns, ctx);
    if ('skip' in outcome) result.skipped.push({ row: r.row, reason: outcome.skip });
    else if ('invalid' in outcome) result.invalid.push({ row: r.row, reason: outcome.invalid });
    else {
      const earlier = seen.get(outcome.key);
      if (earlier !== undefined) {
        result.invalid.push({ row: r.row, reason: `${outcome.label} förekommer redan på rad ${earlier}` });
        continue;
      }
      seen.set(outcome.key, r.row);
      result.rows.push({ row: r.row, value: outcome.value });
    }
  }

  // Excel shows 35 % as 0,35 when the cell is formatted as per cent: every share at most 1 suggests that.
  const shares = result.rows.filter((r) => INDICATOR_BY_CODE.get(r.value.indicator)?.kind === 'andel');
  if (shares.length > 0 && shares.every((r) => r.value.value <= 1)) {
    result.warnings.push(
      'Alla andelar i filen är högst 1. Andelar ska anges i procent (35 för 35 %); ett värde som 0,35 läses som 0,35 %. Kontrollera att kolumnen inte är formaterad som procent i Excel.',
    );
  }
  return result;
}
