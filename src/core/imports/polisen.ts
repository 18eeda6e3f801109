/**
 * Polisens händelser (the public events feed, a JSON array) to incidents. Pure: bytes in, rows out.
 * The whole file is refused (AppError 'validation') only when it cannot be read at all: not UTF-8, not
 * JSON, cut short, or not an array. Everything else is decided per record: summaries, län and kommuner
 * outside the database are skipped by rule, broken records are listed as invalid, and soft problems
 * (no position, unreadable time in `name`, foreign link, unknown type) become warnings.
 */
import { POLICE_TYPE_MAP } from '../../shared/taxonomy';
import { toIsoUtc } from '../../shared/time';
import { nameAfterTime, parseFeedDatetime, parseGps, parseNameTime, sourceUrl } from './polisen-time';
import { jsonArrayRecords, kindOf } from './json-stream';
import { matchKommun } from './text';
import {
  collectRows,
  type IncidentParse,
  type KommunRef,
  type ParseContext,
  type RowItem,
  type RowStream,
} from './types';

type Value = IncidentParse['rows'][number]['value'];
type Note = 'time' | 'gps' | 'url' | 'long';
type Outcome =
  { kind: 'row'; value: Value; notes: Note[]; unknownType?: string } | { kind: 'skipped' | 'invalid'; reason: string };

const MAX_DESCRIPTION = 4000;

/** The events of a file, one at a time as the file is read, and the warnings once it has been read. */
export function polisenRows(chunks: Iterable<Uint8Array>, ctx: ParseContext): RowStream<Value> {
  /** Per kind of note: how many rows, and the first few to name. */
  const notes = new Map<Note, { count: number; first: number[] }>();
  const unknownTypes = new Map<string, number>();
  let records = 0;
  function* items(): Generator<RowItem<Value>, void> {
    for (const record of jsonArrayRecords(chunks)) {
      const row = ++records;
      const outcome = parseRecord(record, ctx.kommuner);
      if (outcome.kind !== 'row') {
        yield { kind: outcome.kind, row, reason: outcome.reason };
        continue;
      }
      for (const note of outcome.notes) {
        const seen = notes.get(note) ?? { count: 0, first: [] };
        seen.count++;
        if (seen.first.length < 10) seen.first.push(row);
        notes.set(note, seen);
      }
      if (outcome.unknownType !== undefined) {
        unknownTypes.set(outcome.unknownType, (unknownTypes.get(outcome.unknownType) ?? 0) + 1);
      }
      yield { kind: 'row', row, value: outcome.value };
    }
  }
  const warnings = () => {
    const out: string[] = [];
    if (records === 0) out.push('Filen innehåller inga händelser.');
    for (const note of Object.keys(NOTE_TEXT) as Note[]) {
      const seen = notes.get(note);
      if (seen) out.push(`${postList(seen)}: ${NOTE_TEXT[note]}`);
    }
    for (const [type, n] of unknownTypes) {
      out.push(`Okänd händelsetyp ${show(type)} (${n} ${n === 1 ? 'post' : 'poster'}) läggs under Övrigt.`);
    }
    return out;
  };
  return { items: items(), warnings };
}

/** A whole file at once (small files, tests). */
export function parsePolisen(bytes: Uint8Array, ctx: ParseContext): IncidentParse {
  return collectRows(polisenRows([bytes], ctx));
}

const NOTE_TEXT: Record<Note, string> = {
  time: 'tiden i "name" kan inte läsas, så publiceringstiden ("datetime") används som händelsens tid.',
  gps: '"gps" saknas eller kan inte läsas, så händelsen sparas utan position.',
  url: 'länken ("url") går inte till polisen.se och sparas inte.',
  long: `beskrivningen är längre än ${MAX_DESCRIPTION.toLocaleString('sv-SE')} tecken och har kortats.`,
};

/** "Post 4", "Poster 4, 7 och 9", "Poster 1, 2, …, 10 och 5 till". */
function postList({ count, first }: { count: number; first: number[] }): string {
  if (count === 1) return `Post ${first[0]}`;
  if (count <= 10) return `Poster ${first.slice(0, -1).join(', ')} och ${first[first.length - 1]}`;
  return `Poster ${first.join(', ')} och ${count - 10} till`;
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
