/**
 * Polisens händelser (the public events feed, a JSON array) to incidents. Pure: bytes in, rows out.
 * The whole file is refused (AppError 'validation') only when it cannot be read at all: not UTF-8, not
 * JSON, cut short, or not an array. Everything else is decided per record: summaries, län and kommuner
 * outside the database are skipped by rule, broken records are listed as invalid, and soft problems
 * (no position, unreadable time in `name`, foreign link, unknown type) become warnings.
 */
import { AppError } from '../../shared/errors';
import { POLICE_TYPE_MAP } from '../../shared/taxonomy';
import { toIsoUtc } from '../../shared/time';
import { nameAfterTime, parseFeedDatetime, parseGps, parseNameTime, sourceUrl } from './polisen-time';
import { decodeText, matchKommun, type DecodedText } from './text';
import type { IncidentParse, KommunRef, ParseContext } from './types';

type Value = IncidentParse['rows'][number]['value'];
type Note = 'time' | 'gps' | 'url' | 'long';
type Outcome =
  { kind: 'row'; value: Value; notes: Note[]; unknownType?: string } | { kind: 'skipped' | 'invalid'; reason: string };

const MAX_DESCRIPTION = 4000;

export function parsePolisen(bytes: Uint8Array, ctx: ParseContext): IncidentParse {
  const records = readJsonArray(bytes);
  const result: IncidentParse = { rows: [], skipped: [], invalid: [], warnings: [] };
  const notes = new Map<Note, number[]>();
  const unknownTypes = new Map<string, number>();
  records.forEach((record, index) => {
    const row = index + 1;
    const outcome = parseRecord(record, ctx.kommuner);
    if (outcome.kind === 'row') {
      result.rows.push({ row, value: outcome.value });
      for (const note of outcome.notes) notes.set(note, [...(notes.get(note) ?? []), row]);
      if (outcome.unknownType !== undefined) {
        unknownTypes.set(outcome.unknownType, (unknownTypes.get(outcome.unknownType) ?? 0) + 1);
      }
    } else {
      result[outcome.kind].push({ row, reason: outcome.reason });
    }
  });
  if (records.length === 0) result.warnings.push('Filen innehåller inga händelser.');
  for (const note of Object.keys(NOTE_TEXT) as Note[]) {
    const rows = notes.get(note);
    if (rows) result.warnings.push(`${postList(rows)}: ${NOTE_TEXT[note]}`);
  }
  for (const [type, n] of unknownTypes) {
    result.warnings.push(`Okänd händelsetyp ${show(type)} (${n} ${n === 1 ? 'post' : 'poster'}) läggs under Övrigt.`);
  }
  return result;
}

const NOTE_TEXT: Record<Note, string> = {
  time: 'tiden i "name" kan inte läsas, så publiceringstiden ("datetime") används som händelsens tid.',
  gps: '"gps" saknas eller kan inte läsas, så händelsen sparas utan position.',
  url: 'länken ("url") går inte till polisen.se och sparas inte.',
  long: `beskrivningen är längre än ${MAX_DESCRIPTION.toLocaleString('sv-SE')} tecken och har kortats.`,
};

/** "Post 4", "Poster 4, 7 och 9", "Poster 1, 2, …, 10 och 5 till". */
function postList(rows: number[]): string {
  if (rows.length === 1) return `Post ${rows[0]}`;
  if (rows.length <= 10) return `Poster ${rows.slice(0, -1).join(', ')} och ${rows[rows.length - 1]}`;
  return `Poster ${rows.slice(0, 10).join(', ')} och ${rows.length - 10} till`;
}

// ---------------------------------------------------------------------------------------------------
// One record

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const isSummary = (s: unknown) => typeof s === 'string' && /^\s*sammanfattning/i.test(s);

function parseRecord(record: unknown, kommuner: readonly KommunRef[]): Outcome {
  if (!isObject(record)) return { kind: 'invalid', reason: `Posten är ${kindOf(record)}, inte ett objekt.` };
  const { id, datetime, name, type, summary, url } = record;
  if (isSummary(type) || isSummary(name) || (typeof name === 'string' && isSummary(nameAfterTime(name)))) {
    return { kind: 'skipped', reason: 'Sammanfattning, inte en händelse' };
  }

  const issues: string[] = [];
  const location = record.location;
  let kommunId = 0;
  if (!isObject(location) || isBlank(location.name)) issues.push('Fältet "location.name" saknas.');
  else if (typeof location.name !== 'string') issues.push('Fältet "location.name" måste vara text.');
  else {
    const place = location.name.trim();
    if (/\slän$/i.test(place)) return { kind: 'skipped', reason: `${place} är ett län, inte en kommun` };
    const kommun = matchKommun(place, kommuner);
    if (!kommun) return { kind: 'skipped', reason: `${place} finns inte i databasen` };
    kommunId = kommun.id;
  }

  if (id === undefined || id === null) issues.push('Fältet "id" saknas.');
  else if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) {
    issues.push(`Fältet "id" måste vara ett positivt heltal, inte ${show(id)}.`);
  }
  const published = typeof datetime === 'string' ? parseFeedDatetime(datetime) : null;
  if (isBlank(datetime)) issues.push('Fältet "datetime" saknas.');
  else if (published === null) issues.push(`Fältet "datetime" är ingen giltig tidpunkt: ${show(datetime)}.`);
  requireText(issues, 'name', name);
  requireText(issues, 'type', type);
  if (!isBlank(summary) && typeof summary !== 'string') issues.push('Fältet "summary" måste vara text.');
  if (!isBlank(url) && typeof url !== 'string') issues.push('Fältet "url" måste vara text.');
  if (issues.length > 0 || published === null || !isObject(location)) {
    return { kind: 'invalid', reason: issues.join(' ') };
  }

  const notes: Note[] = [];
  const eventType = (type as string).trim();
  const nameMs = parseNameTime(name as string, published);
  if (nameMs === null) notes.push('time');
  const occurredMs = Math.min(nameMs ?? published.ms, published.ms);
  const position = parseGps(location.gps);
  if (position === null) notes.push('gps');
  const link = sourceUrl(url);
  if (link === undefined) notes.push('url');
  let description = typeof summary === 'string' ? summary.trim() : '';
  if (description === '') description = eventType;
  if (description.length > MAX_DESCRIPTION) {
    description = `${description.slice(0, MAX_DESCRIPTION - 1).trimEnd()}…`;
    notes.push('long');
  }
  const mapped = lookupType(eventType);
  const [category, subcategory] = mapped ?? ['ovrigt', 'ovrigt_annat'];
  return {
    kind: 'row',
    notes,
    unknownType: mapped ? undefined : eventType,
    value: {
      source: 'polisens_handelse',
      sourceRef: String(id),
      category,
      subcategory,
      occurredAt: toIsoUtc(occurredMs),
      reportedAt: toIsoUtc(published.ms),
      kommunId,
      placeName: '',
      lat: position?.lat ?? null,
      lon: position?.lon ?? null,
      precision: position ? 'kommun' : null,
      description,
      reporterOrg: 'Polisen',
      status: 'ny',
      sourceUrl: link ?? null,
    },
  };
}

function requireText(issues: string[], field: string, value: unknown): void {
  if (isBlank(value)) issues.push(`Fältet "${field}" saknas.`);
  else if (typeof value !== 'string') issues.push(`Fältet "${field}" måste vara text.`);
}

/** A value as the user wrote it, shortened: for messages. */
function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'en lista';
  switch (typeof value) {
    case 'object':
      return 'ett objekt';
    case 'string':
      return 'en text';
    case 'number':
      return 'ett tal';
    case 'boolean':
      return 'ett sanningsvärde';
    default:
      return 'okänt innehåll';
  }
}

const squash = (s: string) =>
  s
    .toLocaleLowerCase('sv-SE')
    .replace(/\s*([,/])\s*/g, '$1 ')
    .replace(/\s+/g, ' ');
const TYPE_BY_SQUASHED = new Map(Object.entries(POLICE_TYPE_MAP).map(([k, v]) => [squash(k), v] as const));

/** The taxonomy pair of a police type; tolerant of case and spacing ("Stöld ,ringa"). */
function lookupType(type: string): readonly [string, string] | undefined {
  return Object.hasOwn(POLICE_TYPE_MAP, type) ? POLICE_TYPE_MAP[type] : TYPE_BY_SQUASHED.get(squash(type));
}

// ---------------------------------------------------------------------------------------------------
// The file

function readJsonArray(bytes: Uint8Array): unknown[] {
  const bom16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (bytes.length >= 2 && (bom16 || bytes[0] === 0 || bytes[1] === 0)) {
    throw new AppError(
      'validation',
      'Filen är sparad som UTF-16, som inte stöds. Spara den som UTF-8 och försök igen.',
    );
  }
  let decoded: DecodedText | null;
  try {
    decoded = decodeText(bytes);
  } catch {
    decoded = null; // a UTF-8 BOM followed by bytes that are not UTF-8
  }
  if (decoded === null || (decoded.encoding !== 'utf-8' && decoded.encoding !== 'utf-8-bom')) {
    throw new AppError('validation', `Filen är inte giltig UTF-8: ${invalidUtf8At(bytes)}. Spara den som UTF-8.`);
  }
  const text = decoded.text;
  if (text.trim() === '') throw new AppError('validation', 'Filen är tom.');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const at = locateJsonError(text);
    if (at === null) throw new AppError('validation', 'Filen är inte giltig JSON.');
    const where = `${lineColumn(text, at.pos)}${at.record}`;
    if (at.eof) {
      throw new AppError(
        'validation',
        `Filen tar slut mitt i JSON-datat (${where}) och är troligen avkortad. Hämta eller spara den igen.`,
      );
    }
    throw new AppError('validation', `Filen är inte giltig JSON: oväntat ${describeChar(text, at.pos)} på ${where}.`);
  }
  if (!Array.isArray(data)) {
    throw new AppError(
      'validation',
      `Filen ska innehålla en lista (JSON-array) med händelser från Polisen, men innehåller ${kindOf(data)}.`,
    );
  }
  return data;
}

function lineColumn(text: string, pos: number): string {
  const before = text.slice(0, pos);
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = before.split('\n').length;
  return `rad ${line}, kolumn ${[...before.slice(lineStart)].length + 1}`;
}

function describeChar(text: string, pos: number): string {
  const c = String.fromCodePoint(text.codePointAt(pos)!);
  const code = c.codePointAt(0)!;
  return code < 0x21 || code === 0x7f || code === 0xa0 || /\s/.test(c)
    ? `tecken U+${code.toString(16).toUpperCase().padStart(4, '0')}`
    : `tecken "${c}"`;
}

/** Where the first byte that breaks UTF-8 is, as "rad L, kolumn C". */
function invalidUtf8At(bytes: Uint8Array): string {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const validPrefix = (k: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(bom, k), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  // Largest k whose prefix still decodes (a cut multi-byte character is fine while streaming).
  let lo = bom;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (validPrefix(mid)) lo = mid;
    else hi = mid - 1;
  }
  let lineStart = bom;
  let line = 1;
  for (let i = bom; i < lo; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = [...new TextDecoder('utf-8').decode(bytes.subarray(lineStart, lo))].length + 1;
  return `ogiltig byte på rad ${line}, kolumn ${column}`;
}

interface JsonErrorAt {
  pos: number;
  /** The text ended before the JSON did. */
  eof: boolean;
  /** ", i post 3, fältet "name"", ", efter post 3" or "". */
  record: string;
}

const isJsonSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const VALUE_START = /[{["\-0-9tfn]/;

/**
 * The first syntax error of text that JSON.parse refused, found with a small iterative JSON scanner,
 * naming the record (top-level array element) and its field. Null if the scanner finds none.
 */
function locateJsonError(t: string): JsonErrorAt | null {
  const n = t.length;
  const stack: string[] = [];
  let i = 0;
  let post = 0;
  let field: string | undefined;
  let state: 'value' | 'key' | 'after' = 'value';
  /** `inside`: the failure is inside a top-level element, not between two of them. */
  const fail = (inside: boolean): JsonErrorAt => {
    let record = '';
    if (stack[0] === '[' && post > 0) {
      if (stack.length === 1 && !inside) record = `, efter post ${post}`;
      else record = `, i post ${post}${stack.length > 1 && field !== undefined ? `, fältet "${field}"` : ''}`;
    }
    return { pos: Math.min(i, n), eof: i >= n, record };
  };
  const skipSpace = () => {
    while (i < n && isJsonSpace(t[i])) i++;
  };
  const scanString = (): boolean => {
    for (i++; i < n; i++) {
      const c = t[i]!;
      if (c === '"') {
        i++;
        return true;
      }
      if (c < ' ') return false;
      if (c !== '\\') continue;
      i++;
      if (t[i] === 'u') {
        for (let k = 0; k < 4; k++) if (!/[0-9a-fA-F]/.test(t[++i] ?? '')) return false;
      } else if (i >= n || !'"\\/bfnrt'.includes(t[i]!)) return false;
    }
    return false;
  };
  const digits = () => {
    const start = i;
    while (i < n && t[i]! >= '0' && t[i]! <= '9') i++;
    return i > start;
  };
  const scanNumber = (): boolean => {
    if (t[i] === '-') i++;
    if (t[i] === '0') i++;
    else if (!digits()) return false;
    if (t[i] === '.') {
      i++;
      if (!digits()) return false;
    }
    if (t[i] === 'e' || t[i] === 'E') {
      i++;
      if (t[i] === '+' || t[i] === '-') i++;
      if (!digits()) return false;
    }
    return true;
  };
  for (;;) {
    skipSpace();
    if (i >= n) return state === 'after' && stack.length === 0 ? null : fail(false);
    const c = t[i]!;
    if (state === 'key') {
      const start = i;
      if (c !== '"' || !scanString()) return fail(true);
      if (stack.length === 2) field = t.slice(start + 1, Math.min(i - 1, start + 41));
      skipSpace();
      if (t[i] !== ':') return fail(true);
      i++;
      state = 'value';
    } else if (state === 'value') {
      if (!VALUE_START.test(c)) return fail(false);
      if (stack.length === 1 && stack[0] === '[') {
        post++;
        field = undefined;
      }
      const literal = ['true', 'false', 'null'].find((w) => w[0] === c);
      state = 'after';
      if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        skipSpace();
        if (t[i] === (c === '{' ? '}' : ']')) {
          stack.pop();
          i++;
        } else state = c === '{' ? 'key' : 'value';
      } else if (c === '"') {
        if (!scanString()) return fail(true);
      } else if (literal) {
        for (const ch of literal) {
          if (t[i] !== ch) return fail(true);
          i++;
        }
      } else if (!scanNumber()) return fail(true);
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return fail(false);
      if (c === ',') {
        i++;
        state = top === '{' ? 'key' : 'value';
        if (stack.length === 2) field = undefined;
      } else if (c === (top === '{' ? '}' : ']')) {
        stack.pop();
        i++;
      } else return fail(false);
    }
  }
}
