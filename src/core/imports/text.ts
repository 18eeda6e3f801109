/**
 * Bytes to text and text to CSV records, for the files coordinators actually have: UTF-8 with or
 * without BOM, Windows-1252 from older Excel, semicolon or comma separated, CRLF or LF, quoted fields
 * with embedded separators, quotes and line breaks.
 */
import { isUtf8 } from 'node:buffer';
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
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}

const UTF16 = 'Filen är sparad som UTF-16, som inte stöds. Spara den som "CSV UTF-8" eller vanlig CSV och försök igen.';

/**
 * The encoding of a file read in chunks (one pass, nothing kept): UTF-8 if every byte is valid UTF-8,
 * else Windows-1252, as decodeText decides for a whole file.
 */
export function detectEncoding(chunks: Iterable<Uint8Array>): Encoding {
  /** The file's first three bytes, however small the chunks. */
  const head: number[] = [];
  const bom = () => head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  /** A character cut at a chunk's end, completed by the next chunk. */
  let carry = new Uint8Array(0);
  let valid = true;
  for (const chunk of chunks) {
    if (head.length < 3) {
      const before = head.length;
      for (const b of chunk.subarray(0, 3 - head.length)) head.push(b);
      const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
      if (before < 2 && head.length >= 2 && utf16) throw new AppError('validation', UTF16);
    }
    if (!valid) continue;
    const bytes = carry.length > 0 ? concat(carry, chunk) : chunk;
    const cut = completeUtf8Length(bytes);
    // Validated in place (no text made): this pass runs over the whole file before the real reading.
    if (!isUtf8(bytes.subarray(0, cut))) valid = false;
    carry = bytes.slice(cut);
  }
  if (carry.length > 0) valid = false;
  if (!valid) {
    if (bom()) throw new AppError('validation', 'Filen säger att den är UTF-8 men innehåller ogiltiga tecken.');
    return 'windows-1252';
  }
  return bom() ? 'utf-8-bom' : 'utf-8';
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** How many bytes form whole UTF-8 characters: a lead byte in the last three whose sequence runs past the end is cut. */
export function completeUtf8Length(bytes: Uint8Array): number {
  for (let k = bytes.length - 1; k >= 0 && k >= bytes.length - 3; k--) {
    const b = bytes[k]!;
    if (b < 0x80) return bytes.length;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return k + need > bytes.length ? k : bytes.length;
    }
  }
  return bytes.length;
}

/** Text of a file read in chunks, in a known encoding (BOM dropped). */
export function* decodeChunks(chunks: Iterable<Uint8Array>, encoding: Encoding): Generator<string, void> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let skip = encoding === 'utf-8-bom' ? 3 : 0;
  for (let chunk of chunks) {
    if (skip > 0) {
      const k = Math.min(skip, chunk.length);
      chunk = chunk.subarray(k);
      skip -= k;
    }
    const text = encoding === 'windows-1252' ? decodeWindows1252(chunk) : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  if (encoding !== 'windows-1252') {
    const rest = decoder.decode();
    if (rest) yield rest;
  }
}

/** Windows-1252 bytes 0x80–0x9F (WHATWG index): €, curly quotes, en/em dash, Š, Ž, Œ, ™ and friends. */
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Windows-1252 by table, not `new TextDecoder('windows-1252')`: Node ≥ 20.18.3 / 22.13 decodes that label as
 * Latin-1, so 0x80–0x9F (e.g. the en dash 0x96 in "Malung–Sälen") became C1 control characters
 * (nodejs/node#56542, #60888).
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const codes = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    codes[i] = b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80]! : b;
  }
  let text = '';
  for (let i = 0; i < codes.length; i += 8192) text += String.fromCharCode(...codes.subarray(i, i + 8192));
  return text;
}

export interface CsvRecord {
  /** 1-based line number where the record starts. */
  line: number;
  fields: string[];
  /** The file ended inside this record, with no line ending after it: it may have been cut short. */
  open?: true;
}

/**
 * The separator the file uses: ';' (Swedish Excel), ',' or tab, whichever occurs most outside quotes in the
 * first 20 lines (ties: ';' before ',' before tab). Not just the first line: PX-Web puts a title line
 * (`"Folkmängd efter region, ålder och år"`) before the header, and its quoted commas are not separators.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < text.length && i < 100_000 && lines < 20; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '\n') lines++;
    else if (counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ';';
}

/** RFC 4180-style parsing; an unterminated quote refuses the file, naming the line it starts on. */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): CsvRecord[] {
  const reader = new CsvReader(delimiter);
  return [...reader.feed(text), ...reader.end()];
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * CSV records from text that arrives in pieces (a large file, chunk by chunk): the same records however
 * the text is cut, quoted fields with separators, doubled quotes and line breaks included.
 */
export class CsvReader {
  private fields: string[] = [];
  private field = '';
  private quoted = false;
  private quoteStart = 0;
  private line = 1;
  private recordLine = 1;
  /** A '"' (in a quoted field) or '\r' ending a piece: what it means depends on the next character. */
  private carry = '';
  private readonly sep: number;

  constructor(delimiter: string) {
    this.sep = delimiter.charCodeAt(0);
  }

  /** The records completed by this piece of text. */
  feed(piece: string, final = false): CsvRecord[] {
    const text = this.carry + piece;
    this.carry = '';
    const out: CsvRecord[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (this.quoted) {
        // Up to the next quote in one step; line breaks inside the field are counted.
        const q = text.indexOf('"', i);
        const end = q < 0 ? n : q;
        for (let k = text.indexOf('\n', i); k >= 0 && k < end; k = text.indexOf('\n', k + 1)) this.line++;
        this.field += text.slice(i, end);
        if (q < 0) break;
        if (q === n - 1 && !final) {
          this.carry = '"'; // a closing quote or the first of a doubled one: the next piece says which
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          this.field += '"';
          i = q + 2;
        } else {
          this.quoted = false;
          i = q + 1;
        }
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === QUOTE && this.field === '') {
        this.quoted = true;
        this.quoteStart = this.line;
        i++;
      } else if (c === this.sep) {
        this.fields.push(this.field);
        this.field = '';
        i++;
      } else if (c === CR && i === n - 1 && !final) {
        this.carry = '\r'; // CR or CRLF: the next piece says which
        break;
      } else if (c === CR || c === LF) {
        this.endRecord(out);
        i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        this.line++;
        this.recordLine = this.line;
      } else {
        // Plain characters up to the next separator, quote or line break.
        let k = i + 1;
        while (k < n) {
          const d = text.charCodeAt(k);
          if (d === this.sep || d === CR || d === LF || d === QUOTE) break;
          k++;
        }
        this.field += text.slice(i, k);
        i = k;
      }
    }
    return out;
  }

  /** The last record; refuses a quote that never ends. */
  end(): CsvRecord[] {
    const out = this.feed('', true);
    if (this.quoted) {
      throw new AppError(
        'validation',
        `Rad ${this.quoteStart}: ett citattecken avslutas aldrig. Filen kan vara avkortad.`,
      );
    }
    if (this.field !== '' || this.fields.length > 0) this.endRecord(out, true);
    return out;
  }

  private endRecord(out: CsvRecord[], open = false): void {
    this.fields.push(this.field);
    if (!(this.fields.length === 1 && this.fields[0] === '')) {
      out.push({ line: this.recordLine, fields: this.fields, ...(open ? { open: true as const } : {}) });
    }
    this.fields = [];
    this.field = '';
  }
}

/**
 * A pure string function remembered for the values a file repeats row after row (kommun names, categories,
 * statuses): a million-row file asks for the same few dozen.
 */
export function memoize(fn: (s: string) => string, limit = 5000): (s: string) => string {
  const cache = new Map<string, string>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      v = fn(s);
      if (cache.size >= limit) cache.clear();
      cache.set(s, v);
    }
    return v;
  };
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

/**
 * Comparable kommun name: lower case, " kommun" dropped, and hyphens, Unicode dashes (non-breaking hyphen,
 * en/em dash, minus) and runs of spaces all one space, so "Malung–Sälen" = "Malung-Sälen" and
 * "Upplands‑Väsby" = "Upplands Väsby".
 */
export const normaliseKommunName = memoize((raw: string): string => {
  return raw
    .trim()
    .toLocaleLowerCase('sv-SE')
    .replace(/[\s\-\u2010-\u2015\u2212]+/g, ' ')
    .replace(/ kommun$/, '');
});

/**
 * The kommun a name means, accepting "Klippan", "Klippan kommun", "Klippans kommun" (genitive) and
 * "1276 Klippan" (PX-Web). Undefined when no kommun fits.
 */
export function matchKommun<K extends { name: string; scbCode: string }>(
  raw: string,
  kommuner: readonly K[],
): K | undefined {
  const code = /^(\d{4})\b/.exec(raw.trim());
  if (code) return kommuner.find((k) => k.scbCode === code[1]);
  const name = normaliseKommunName(raw);
  const byName = (n: string) => kommuner.find((k) => normaliseKommunName(k.name) === n);
  return byName(name) ?? (name.endsWith('s') ? byName(name.slice(0, -1)) : undefined);
}
