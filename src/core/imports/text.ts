/**
 * Bytes to text and text to CSV records, for the files coordinators actually have: UTF-8 with or
 * without BOM, Windows-1252 from older Excel, semicolon or comma separated, CRLF or LF, quoted fields
 * with embedded separators, quotes and line breaks.
 */
import { AppError } from '../../shared/errors';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: Encoding;
}

/** UTF-8 when the bytes are valid UTF-8 (with or without BOM), else Windows-1252. UTF-16 is refused. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new AppError(
      'validation',
      'Filen är sparad som UTF-16, som inte stöds. Spara den som "CSV UTF-8" eller vanlig CSV och försök igen.',
    );
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    if (bom) throw new AppError('validation', 'Filen säger att den är UTF-8 men innehåller ogiltiga tecken.');
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
  }
}

export interface CsvRecord {
  /** 1-based line number where the record starts. */
  line: number;
  fields: string[];
}

/** The separator used by the first line: ';' (Swedish Excel), ',' or tab. */
export function detectDelimiter(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [';', ',', '\t'].map((d) => [d, first.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ';';
}

/** RFC 4180-style parsing; an unterminated quote refuses the file, naming the line it starts on. */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false;
  let quoteStart = 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      quoteStart = line;
      i++;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) {
    throw new AppError('validation', `Rad ${quoteStart}: ett citattecken avslutas aldrig. Filen kan vara avkortad.`);
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** Swedish number text to a number: "2 537", "2 537" (nbsp), "12,5", "-" (zero). null for "..", "" and junk. */
export function parseSwedishNumber(raw: string): number | null {
  const s = raw.trim();
  if (s === '-' || s === '–') return 0;
  if (s === '' || s === '..' || s === '…') return null;
  const normalised = s.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return null;
  return Number(normalised);
}

/** Comparable kommun name: lower case, en/em dashes as hyphens, " kommun" dropped, spaces folded. */
export function normaliseKommunName(raw: string): string {
  return raw
    .trim()
    .toLocaleLowerCase('sv-SE')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/ kommun$/, '');
}

/**
 * The kommun a name means, accepting "Klippan", "Klippan kommun", "Klippans kommun" (genitive) and
 * "1276 Klippan" (PX-Web). Undefined when no kommun fits.
 */
export function matchKommun<K extends { name: string; scbCode: string }>(raw: string, kommuner: readonly K[]): K | undefined {
  const code = /^(\d{4})\b/.exec(raw.trim());
  if (code) return kommuner.find((k) => k.scbCode === code[1]);
  const name = normaliseKommunName(raw);
  const byName = (n: string) => kommuner.find((k) => normaliseKommunName(k.name) === n);
  return byName(name) ?? (name.endsWith('s') ? byName(name.slice(0, -1)) : undefined);
}
