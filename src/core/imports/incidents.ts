/**
 * Incident spreadsheets (EST exports, a kommun's own Excel lists) to incidents, through a column mapping
 * the user confirms. Pure: a table in, rows and problems out. The whole file is refused (AppError
 * 'validation') only when the mapping does not fit the file; everything else is decided per row. Rows are
 * the user's own data, so a row that cannot be read (unknown kommun or category, a time that does not
 * exist) is invalid, to be fixed, never silently skipped.
 */
import crypto from 'node:crypto';
import { SOURCE_LABELS, SOURCES, STATUS_LABELS, STATUSES, type Source } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { incidentInputSchema } from '../../shared/schemas';
import { CATEGORIES, EST_CATEGORY_MAP, type CategoryDef } from '../../shared/taxonomy';
import { isValidDay, localDay, localToUtc, toIsoUtc } from '../../shared/time';
import { shown } from './bra';
import { matchKommun, parseSwedishNumber } from './text';
import { DigitCounts, FieldCounts, refuseCutRecord, shortNumberWarning } from './truncation';
import { collectRows, type IncidentParse, type ParseContext, type RowItem, type RowStream } from './types';
import {
  FIELD_LABELS,
  FIELDS,
  fold,
  resolveColumns,
  type Column,
  type ColumnMapping,
  type Columns,
  type MappedField,
  type TableStream,
} from './incidents-table';

export {
  FIELD_LABELS,
  openTable,
  readTable,
  suggestMapping,
  type ColumnMapping,
  type MappedField,
  type Table,
  type TableRow,
} from './incidents-table';

// ---------------------------------------------------------------------------------------------------
// Values

const col = (c: Column) => `Kolumn "${shown(c.name)}"`;

/** Date (and maybe time) as written: ISO order or Swedish day first, time with ':' or '.', "kl." allowed. */
const DATE_RE = /^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})(?:(?:T|\s+)(?:kl\.?\s*)?(.+))?$/i;
const TIME_RE = /^(?:kl\.?\s*)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

interface Stamp {
  day: string;
  time?: { h: number; m: number; s: number; zone?: string; text: string };
}
const pad2 = (n: number) => String(n).padStart(2, '0');

function readTime(raw: string): Stamp['time'] | null {
  const m = TIME_RE.exec(raw.trim());
  if (!m) return null;
  const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return null;
  return { h, m: mi, s, zone: m[4]?.toUpperCase(), text: `${pad2(h)}:${pad2(mi)}${s ? `:${pad2(s)}` : ''}` };
}

function readStamp(raw: string): Stamp | null {
  const m = DATE_RE.exec(raw.trim());
  if (!m) return null;
  const [a, b, c] = [m[1]!, m[2]!, m[3]!];
  let ymd: [string, string, string];
  if (a.length === 4 && c.length <= 2) ymd = [a, b, c];
  else if (c.length === 4 && a.length <= 2) ymd = [c, b, a];
  else return null;
  const day = `${ymd[0]}-${ymd[1].padStart(2, '0')}-${ymd[2].padStart(2, '0')}`;
  if (!isValidDay(day) || Number(ymd[0]) < 1900) return null;
  if (m[4] === undefined) return { day };
  const time = readTime(m[4]);
  return time ? { day, time } : null;
}

type Outcome<T> = { ok: T } | { problem: string };

/** The UTC instant of a date cell, with the time from a separate time column when there is one. */
function readInstant(dateCol: Column, dateRaw: string, timeCol?: Column, timeRaw = ''): Outcome<string> {
  const stamp = readStamp(dateRaw);
  if (!stamp)
    return { problem: `${col(dateCol)}: "${shown(dateRaw)}" är ingen giltig tidpunkt (skriv t.ex. 2025-06-07 21:30)` };
  let time = stamp.time;
  let where = col(dateCol);
  if (timeCol && timeRaw !== '') {
    const own = readTime(timeRaw);
    if (!own || own.zone)
      return { problem: `${col(timeCol)}: "${shown(timeRaw)}" är ingen giltig tid (skriv t.ex. 21:30)` };
    // A date column that is really a date-time at midnight ("2025-06-07 00:00") leaves the time to the time column.
    if (time && time.h + time.m + time.s === 0 && !time.zone) time = undefined;
    if (time && time.text !== own.text) {
      return {
        problem: `${col(timeCol)}: ${own.text} stämmer inte med tiden i kolumn "${shown(dateCol.name)}" (${time.text})`,
      };
    }
    if (!time) where = `Kolumnerna "${shown(dateCol.name)}" och "${shown(timeCol.name)}"`;
    time = { ...own, zone: time?.zone };
  }
  if (time?.zone) {
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(time.zone);
    const offset = z ? (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3])) : 0;
    const [y, mo, d] = stamp.day.split('-').map(Number) as [number, number, number];
    return { ok: toIsoUtc(Date.UTC(y, mo - 1, d, time.h, time.m, time.s) - offset * 60_000) };
  }
  const local = `${stamp.day} ${time ? `${pad2(time.h)}:${pad2(time.m)}:${pad2(time.s)}` : '00:00:00'}`;
  const utc = localToUtc(local);
  if (utc === null) {
    return {
      problem: `${where}: ${stamp.day} ${time?.text ?? '00:00'} finns inte i svensk tid (klockan ställs fram en timme när sommartiden börjar)`,
    };
  }
  return { ok: utc };
}

const CATEGORY_BY_KEY = new Map<string, CategoryDef>();
const SUBCATEGORY_BY_KEY = new Map<string, readonly [string, string]>();
for (const c of CATEGORIES) {
  for (const key of [c.code, c.label]) if (!CATEGORY_BY_KEY.has(fold(key))) CATEGORY_BY_KEY.set(fold(key), c);
  for (const s of c.subcategories) {
    for (const key of [s.code, s.label])
      if (!SUBCATEGORY_BY_KEY.has(fold(key))) SUBCATEGORY_BY_KEY.set(fold(key), [c.code, s.code]);
  }
}
const EST_BY_KEY = new Map(Object.entries(EST_CATEGORY_MAP).map(([k, v]) => [fold(k), v] as const));

/**
 * Category and maybe subcategory of a category cell: a taxonomy code or label ("Skadegörelse"), an EST
 * category ("Klotter") or a subcategory label ("Misshandel"). In EST reports the EST meaning comes first:
 * "Brand" there is Skadegörelse/Anlagd brand, not the taxonomy's category Brand.
 */
function lookupCategory(raw: string, source: Source): { category: CategoryDef; subcategory?: string } | undefined {
  const key = fold(raw);
  if (key === '') return undefined;
  const est = EST_BY_KEY.get(key);
  const byPair = (pair: readonly [string, string]) => ({
    category: CATEGORIES.find((c) => c.code === pair[0])!,
    subcategory: pair[1],
  });
  if (est && source === 'est') return byPair(est);
  const category = CATEGORY_BY_KEY.get(key);
  if (category) return { category };
  if (est) return byPair(est);
  const sub = SUBCATEGORY_BY_KEY.get(key);
  return sub ? byPair(sub) : undefined;
}

function lookupSubcategory(raw: string, category: CategoryDef): string | undefined {
  const key = fold(raw);
  const own = category.subcategories.find((s) => fold(s.code) === key || fold(s.label) === key);
  if (own) return own.code;
  const est = EST_BY_KEY.get(key);
  return est && est[0] === category.code ? est[1] : undefined;
}

function vocabulary<T extends string>(codes: readonly T[], labels: Record<T, string>, extra: [string, T][] = []) {
  const map = new Map<string, T>(extra.map(([k, v]) => [fold(k), v]));
  for (const c of codes) map.set(fold(c), c).set(fold(labels[c]), c);
  return { get: (raw: string) => map.get(fold(raw)), list: codes.map((c) => labels[c]).join(', ') };
}
const SOURCE_WORDS = vocabulary(SOURCES, SOURCE_LABELS, [['EST', 'est']]);
const STATUS_WORDS = vocabulary(STATUSES, STATUS_LABELS);

function readCoordinate(c: Column, raw: string): Outcome<number> {
  const n = parseSwedishNumber(raw);
  return n === null || !Number.isFinite(n) ? { problem: `${col(c)}: "${shown(raw)}" är inte ett tal` } : { ok: n };
}

/** Content hash of the normalised row, so the same row imported again is recognised as a duplicate. */
export function contentRef(parts: (string | number)[]): string {
  const norm = parts.map((p) => (typeof p === 'string' ? p.normalize('NFC').replace(/\s+/g, ' ').trim() : p));
  return crypto.createHash('sha256').update(JSON.stringify(norm)).digest('hex').slice(0, 32);
}

// ---------------------------------------------------------------------------------------------------
// Rows

type Value = IncidentParse['rows'][number]['value'];
type RowOutcome = { value: Value } | { invalid: string } | { skip: string };

/** Schema paths → the mapped field whose column a schema message names. */
const SCHEMA_FIELD: Record<string, MappedField[]> = {
  source: ['source'],
  category: ['category'],
  subcategory: ['subcategory', 'category'],
  occurredAt: ['occurredAt'],
  reportedAt: ['reportedAt', 'occurredAt'],
  kommunId: ['kommun'],
  placeName: ['place'],
  lat: ['lat'],
  lon: ['lon'],
  precision: ['lat'],
  description: ['description'],
  reporterOrg: ['reporterOrg'],
  status: ['status'],
};

/** A whole table at once (small files, tests). */
export function parseIncidents(
  table: TableStream,
  mapping: ColumnMapping,
  ctx: ParseContext,
  defaults: { source: Source },
): IncidentParse {
  return collectRows(incidentRows(table, mapping, ctx, defaults));
}

/**
 * 53 bits of FNV-1a over a row's source and id: an in-file duplicate check for a million rows in a few MB
 * instead of a hundred (a collision, about 1 in 10 000 for a million-row file, only adds a warning: the
 * import itself compares the real ids).
 */
function keyHash(s: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) >>> 11);
}

/** Key hash → first row, in two typed arrays (open addressing): a million keys in 24 MB, nothing for the GC. */
class RowByKey {
  private keys = new Float64Array(1024);
  private rows = new Int32Array(1024);
  private size = 0;

  get(key: number): number | undefined {
    const k = key || 1; // 0 marks an empty slot
    const mask = this.keys.length - 1;
    for (let i = k % this.keys.length; ; i = (i + 1) & mask) {
      if (this.keys[i] === 0) return undefined;
      if (this.keys[i] === k) return this.rows[i];
    }
  }

  set(key: number, row: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    this.put(key || 1, row);
  }

  private put(k: number, row: number): void {
    const mask = this.keys.length - 1;
    let i = k % this.keys.length;
    while (this.keys[i] !== 0 && this.keys[i] !== k) i = (i + 1) & mask;
    if (this.keys[i] === 0) this.size++;
    this.keys[i] = k;
    this.rows[i] = row;
  }

  private grow(): void {
    const [keys, rows] = [this.keys, this.rows];
    this.keys = new Float64Array(keys.length * 2);
    this.rows = new Int32Array(rows.length * 2);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.put(keys[i]!, rows[i]!);
  }
}

/** The rows of a table, one at a time as the table is read, and the warnings once it has been read. */
export function incidentRows(
  table: TableStream,
  mapping: ColumnMapping,
  ctx: ParseContext,
  defaults: { source: Source },
): RowStream<Value> {
  if (!SOURCES.includes(defaults.source))
    throw new AppError('validation', 'Välj vilken källa händelserna kommer från.');
  const columns = resolveColumns(table, mapping);
  let rowCount = 0;
  const seen = new RowByKey();
  const duplicates: string[] = [];
  let duplicateCount = 0;
  // A CSV file cut short: the last row, with no line ending, is checked against the rows before it.
  const fieldCounts = new FieldCounts();
  const numbers = (['lat', 'lon'] as const).flatMap((f) =>
    columns[f] ? [{ column: columns[f], digits: new DigitCounts() }] : [],
  );
  const confirm: string[] = [];
  function* items(): Generator<RowItem<Value>, void> {
    for (const { row, cells, open } of table.rows) {
      rowCount++;
      if (open) {
        refuseCutRecord({ line: row, fields: cells.length, open }, table.header, fieldCounts);
        for (const n of numbers) {
          const warning = shortNumberWarning({ line: row, open }, n.column.name, cells[n.column.index], n.digits);
          if (warning) confirm.push(warning);
        }
      } else {
        fieldCounts.add(cells.length);
        for (const n of numbers) n.digits.add(cells[n.column.index]);
      }
      const outcome = parseRow(cells, columns, ctx, defaults.source);
      if ('skip' in outcome) yield { kind: 'skipped', row, reason: outcome.skip };
      else if ('invalid' in outcome) yield { kind: 'invalid', row, reason: outcome.invalid };
      else {
        const key = keyHash(`${outcome.value.source}\u0001${outcome.value.sourceRef}`);
        const earlier = seen.get(key);
        if (earlier === undefined) seen.set(key, row);
        else if (duplicateCount++ < 10) duplicates.push(`rad ${row} (som rad ${earlier})`);
        yield { kind: 'row', row, value: outcome.value };
      }
    }
  }
  const warnings = () => {
    const out = [...(table.warnings ?? [])];
    if (rowCount === 0) out.push('Filen innehåller inga rader under rubrikraden.');
    if (duplicateCount > 0) {
      const more = duplicateCount > 10 ? ` och ${duplicateCount - 10} till` : '';
      out.push(
        `${duplicateCount === 1 ? 'En rad är en dubblett' : `${duplicateCount} rader är dubbletter`} av en tidigare rad i filen och importeras bara en gång: ${duplicates.join(', ')}${more}.`,
      );
    }
    return out;
  };
  return { items: items(), warnings, confirm: () => confirm };
}

function parseRow(cells: string[], columns: Columns, ctx: ParseContext, defaultSource: Source): RowOutcome {
  const get = (field: MappedField) => {
    const c = columns[field];
    return c ? (cells[c.index] ?? '').trim() : '';
  };
  if (FIELDS.every((f) => get(f) === '')) return { skip: 'Raden är tom i de valda kolumnerna' };
  const problems: string[] = [];
  const need = (field: MappedField) => {
    const v = get(field);
    if (v === '') problems.push(`${col(columns[field]!)} är tom`);
    return v;
  };
  const take = <T>(o: Outcome<T>): T | undefined => {
    if ('ok' in o) return o.ok;
    problems.push(o.problem);
    return undefined;
  };

  const occurredRaw = need('occurredAt');
  const occurredAt = occurredRaw
    ? take(readInstant(columns.occurredAt!, occurredRaw, columns.time, get('time')))
    : undefined;
  const reportedRaw = get('reportedAt');
  let reportedAt = reportedRaw ? take(readInstant(columns.reportedAt!, reportedRaw)) : occurredAt;
  // A report date without a time on the day of the event was reported that day, not before the event.
  const reportedDay = reportedRaw ? readStamp(reportedRaw) : null;
  if (reportedAt && occurredAt && reportedAt < occurredAt && reportedDay && !reportedDay.time) {
    if (localDay(occurredAt) === reportedDay.day) reportedAt = occurredAt;
  }

  const kommunRaw = need('kommun');
  const kommun = kommunRaw ? matchKommun(kommunRaw, ctx.kommuner) : undefined;
  if (kommunRaw && !kommun) problems.push(`${col(columns.kommun!)}: "${shown(kommunRaw)}" finns inte i databasen`);

  let source = defaultSource;
  const sourceRaw = get('source');
  if (sourceRaw) {
    const s = SOURCE_WORDS.get(sourceRaw);
    if (s) source = s;
    else problems.push(`${col(columns.source!)}: "${shown(sourceRaw)}" är ingen känd källa (${SOURCE_WORDS.list})`);
  }

  const categoryRaw = need('category');
  let found = categoryRaw ? lookupCategory(categoryRaw, source) : undefined;
  let subcategory = found?.subcategory ?? found?.category.subcategories[0]!.code;
  if (categoryRaw && !found) {
    problems.push(
      `${col(columns.category!)}: "${shown(categoryRaw)}" är ingen känd kategori. Ange en kategori (t.ex. Skadegörelse), en EST-kategori (t.ex. Klotter) eller en underkategori (t.ex. Misshandel)`,
    );
  }
  const subRaw = get('subcategory');
  if (found && subRaw) {
    subcategory = lookupSubcategory(subRaw, found.category);
    // "Brand" is EST's word for arson (Skadegörelse) but also our own category Brand: the subcategory decides.
    const own = CATEGORY_BY_KEY.get(fold(categoryRaw));
    const ownSub = !subcategory && own && own !== found.category ? lookupSubcategory(subRaw, own) : undefined;
    if (own && ownSub) {
      found = { category: own };
      subcategory = ownSub;
    }
    if (!subcategory) {
      const options = found.category.subcategories.map((s) => s.label).join(', ');
      problems.push(
        `${col(columns.subcategory!)}: "${shown(subRaw)}" hör inte till kategorin ${found.category.label} (välj bland ${options})`,
      );
    }
  }

  let status: Value['status'] = 'ny';
  const statusRaw = get('status');
  if (statusRaw) {
    const s = STATUS_WORDS.get(statusRaw);
    if (s) status = s;
    else problems.push(`${col(columns.status!)}: "${shown(statusRaw)}" är ingen känd status (${STATUS_WORDS.list})`);
  }

  const coordinateRaw = (field: 'lat' | 'lon') => (['-', '–'].includes(get(field)) ? '' : get(field));
  const [latRaw, lonRaw] = [coordinateRaw('lat'), coordinateRaw('lon')];
  if ((latRaw === '') !== (lonRaw === '')) {
    const [has, lacks] = latRaw === '' ? (['lon', 'lat'] as const) : (['lat', 'lon'] as const);
    const lacking = columns[lacks];
    problems.push(
      lacking
        ? `${col(lacking)} är tom men kolumn "${shown(columns[has]!.name)}" har ett värde: ange både latitud och longitud, eller ingen av dem`
        : `${col(columns[has]!)} har ett värde men ingen kolumn är vald för ${FIELD_LABELS[lacks]}`,
    );
  }
  const lat = latRaw ? (take(readCoordinate(columns.lat!, latRaw)) ?? null) : null;
  const lon = lonRaw ? (take(readCoordinate(columns.lon!, lonRaw)) ?? null) : null;

  const description = need('description');
  if (problems.length > 0) return { invalid: problems.join('; ') };

  const placeName = get('place');
  const value: Value = {
    source,
    sourceRef: '',
    category: found!.category.code,
    subcategory: subcategory!,
    occurredAt: occurredAt!,
    reportedAt: reportedAt!,
    kommunId: kommun!.id,
    placeName,
    lat,
    lon,
    precision: lat !== null && lon !== null ? 'exact' : null,
    description,
    reporterOrg: get('reporterOrg'),
    status,
    sourceUrl: null,
  };
  const ref = get('sourceRef');
  if (ref.length > 200) return { invalid: `${col(columns.sourceRef!)}: id:t får vara högst 200 tecken` };
  // An id is scoped by kommun: each kommun's EST numbers its own reports, so "EST-1001" from Klippan and
  // from Bjuv are two different reports, never one row updating the other.
  value.sourceRef = ref
    ? `${kommun!.scbCode}:${ref}`
    : contentRef([value.occurredAt, value.kommunId, value.category, value.subcategory, description, placeName]);
  const checked = incidentInputSchema.safeParse(value);
  if (!checked.success) {
    const reasons = checked.error.issues.map((issue) => {
      const path = String(issue.path[0] ?? '');
      const field = (SCHEMA_FIELD[path] ?? []).find((f) => columns[f]);
      const message = issue.message.replace(/\.$/, '');
      return field ? `${col(columns[field]!)}: ${message}` : message;
    });
    return { invalid: [...new Set(reasons)].join('; ') };
  }
  return { value };
}
