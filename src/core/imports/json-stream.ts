/**
 * A JSON array read record by record from byte chunks, so a file of a million events never sits in memory
 * whole: UTF-8 is decoded chunk by chunk, a small scanner finds where each top-level element ends, and only
 * that element goes through JSON.parse. Every refusal is an AppError('validation') naming line, column,
 * record and field, exactly as if the whole file had been parsed at once.
 */
import { AppError } from '../../shared/errors';
import { completeUtf8Length } from './text';
import { locateJsonError, VALUE_START } from './json-locate';
import { advance, kindOf, truncated, unexpected, where, type TextLoc } from './json-text';

export { advance, kindOf, type TextLoc } from './json-text';

class Utf8Chunks {
  private carry: Uint8Array = new Uint8Array(0);
  private first = true;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

  /** The text of these bytes; a character cut at the chunk's end waits for the next chunk. */
  push(chunk: Uint8Array, textEnd: () => TextLoc): string {
    let bytes = chunk;
    if (this.carry.length > 0) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry);
      bytes.set(chunk, this.carry.length);
    }
    if (this.first && bytes.length > 0) {
      // The first bytes decide UTF-16 and the BOM: wait for enough of them, however the file is cut.
      if ((bytes.length < 3 && bytes[0] === 0xef) || bytes.length < 2) {
        this.carry = bytes.slice();
        return '';
      }
      this.first = false;
      const bom16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
      if (bytes.length >= 2 && (bom16 || bytes[0] === 0 || bytes[1] === 0)) {
        throw new AppError(
          'validation',
          'Filen är sparad som UTF-16, som inte stöds. Spara den som UTF-8 och försök igen.',
        );
      }
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    const cut = completeUtf8Length(bytes);
    this.carry = bytes.slice(cut);
    const body = bytes.subarray(0, cut);
    try {
      return this.decoder.decode(body);
    } catch {
      throw this.invalid(body, textEnd());
    }
  }

  /** The text still held back (a file shorter than its first look), or '' ; throws for a cut character. */
  end(textEnd: () => TextLoc): string {
    if (this.carry.length === 0) return '';
    if (this.first) {
      this.first = false;
      if (this.carry[0] === 0xef && this.carry[1] === 0xbb && this.carry.length === 2) return '';
      try {
        return this.decoder.decode(this.carry);
      } catch {
        throw this.invalid(this.carry, textEnd());
      }
    }
    throw this.invalid(this.carry, textEnd());
  }

  /** The first byte that breaks UTF-8 in `body`, as "rad L, kolumn C" of the whole file. */
  private invalid(body: Uint8Array, start: TextLoc): AppError {
    const validPrefix = (k: number) => {
      try {
        new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body.subarray(0, k), { stream: true });
        return true;
      } catch {
        return false;
      }
    };
    let lo = 0;
    let hi = body.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (validPrefix(mid)) lo = mid;
      else hi = mid - 1;
    }
    // A character cut short by the bad byte still counts as one column, as an editor shows it.
    const at = advance(start, new TextDecoder('utf-8', { ignoreBOM: true }).decode(body.subarray(0, lo)));
    return new AppError('validation', `Filen är inte giltig UTF-8: ogiltig byte på ${where(at)}. Spara den som UTF-8.`);
  }
}

// ---------------------------------------------------------------------------------------------------
// The array scanner

/** What a document that is too big to parse whole is, by its first character. */
function kindByFirstChar(c: string): string {
  if (c === '{') return 'ett objekt';
  if (c === '"') return 'en text';
  if (c === 'n') return 'null';
  return c === 't' || c === 'f' ? 'ett sanningsvärde' : 'ett tal';
}

const SPACE = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** A file that is not an array is read whole to say what it is instead, up to this many characters. */
const MAX_NON_ARRAY = 16 * 2 ** 20;

type Phase = 'start' | 'first' | 'value' | 'element' | 'after' | 'end' | 'whole';

class ArrayScanner {
  private phase: Phase = 'start';
  /** Records completed so far. */
  private posts = 0;
  /** Where the text fed so far ends. */
  private loc: TextLoc = { line: 1, col: 1 };
  /** The current element's text from earlier chunks (or the whole text, for a file that is not an array). */
  private pending = '';
  private pendingLoc: TextLoc = { line: 1, col: 1 };
  private kind: 'nest' | 'string' | 'literal' = 'nest';
  private depth = 0;
  private inString = false;
  private escaped = false;

  textEnd = (): TextLoc => this.loc;

  *feed(text: string): Generator<unknown, void> {
    const n = text.length;
    let i = 0;
    let elementStart = this.phase === 'element' ? 0 : -1;
    const locAt = (pos: number) => advance(this.loc, text.slice(0, pos));
    while (i < n) {
      const phase = this.phase;
      if (phase === 'element') {
        const done = this.scanElement(text, i);
        if (done < 0) break;
        i = done;
        const elementText = this.pending + text.slice(elementStart, i);
        const carried = this.pending !== '';
        const start = elementStart;
        this.pending = '';
        // Locations are worked out only for a refusal: per element they would cost a pass over the chunk.
        yield this.parseElement(elementText, () => (carried ? this.pendingLoc : locAt(start)), text.slice(i, i + 200));
        this.posts++;
        this.phase = 'after';
        elementStart = -1;
        continue;
      }
      if (phase === 'whole') {
        this.pending += text;
        if (this.pending.length > MAX_NON_ARRAY) throw this.notArray(kindByFirstChar(this.pending[0]!));
        i = n;
        break;
      }
      const c = text.charCodeAt(i);
      if (SPACE(c)) {
        i++;
        continue;
      }
      const ch = text[i]!;
      if (phase === 'start') {
        if (ch === '[') {
          this.phase = 'first';
          i++;
        } else if (VALUE_START.test(ch)) {
          this.phase = 'whole';
          this.pendingLoc = locAt(i);
          text = text.slice(i);
          i = 0;
        } else throw unexpected(text, i, where(locAt(i)));
      } else if (phase === 'first' || phase === 'value') {
        if (ch === ']' && phase === 'first') {
          this.phase = 'end';
          i++;
        } else if (VALUE_START.test(ch)) {
          this.phase = 'element';
          elementStart = i;
          this.kind = ch === '{' || ch === '[' ? 'nest' : ch === '"' ? 'string' : 'literal';
          this.depth = this.kind === 'nest' ? 1 : 0;
          this.inString = this.kind === 'string';
          this.escaped = false;
          i++;
        } else throw unexpected(text, i, `${where(locAt(i))}${this.after()}`);
      } else if (phase === 'after') {
        if (ch === ',') this.phase = 'value';
        else if (ch === ']') this.phase = 'end';
        else throw unexpected(text, i, `${where(locAt(i))}${this.after()}`);
        i++;
      } else {
        throw unexpected(text, i, where(locAt(i)));
      }
    }
    if (this.phase === 'element') {
      if (!this.pending) this.pendingLoc = locAt(elementStart);
      this.pending += text.slice(elementStart);
    }
    this.loc = advance(this.loc, text);
  }

  /** The values of a file that ended where it should; refusals for one that did not. */
  end(): void {
    switch (this.phase) {
      case 'start':
        throw new AppError('validation', 'Filen är tom.');
      case 'first':
      case 'value':
      case 'after':
        throw truncated(`${where(this.loc)}${this.after()}`);
      case 'element': {
        const at = locateJsonError(this.pending, { inArray: true, posts: this.posts });
        throw truncated(
          `${where(advance(this.pendingLoc, this.pending.slice(0, at?.pos ?? this.pending.length)))}${at?.record ?? ''}`,
        );
      }
      case 'whole': {
        let value: unknown;
        try {
          value = JSON.parse(this.pending);
        } catch {
          throw this.syntaxError(this.pending, this.pendingLoc, { inArray: false, posts: 0 }, true);
        }
        throw this.notArray(kindOf(value));
      }
      case 'end':
        return;
    }
  }

  private after(): string {
    return this.posts > 0 ? `, efter post ${this.posts}` : '';
  }

  private notArray(kind: string): AppError {
    return new AppError(
      'validation',
      `Filen ska innehålla en lista (JSON-array) med händelser från Polisen, men innehåller ${kind}.`,
    );
  }

  /**
   * Scans one element from `i`; returns the index just past its end, or -1 if it goes on in the next chunk.
   */
  private scanElement(text: string, from: number): number {
    const n = text.length;
    let i = from;
    if (this.kind === 'literal') {
      while (i < n) {
        const ch = text[i]!;
        if (ch === ',' || ch === ']' || ch === '}' || ch === ':' || SPACE(text.charCodeAt(i))) return i;
        i++;
      }
      return -1;
    }
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) {
          inString = false;
          if (this.kind === 'string') return i + 1;
        }
      } else if (c === QUOTE) inString = true;
      else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    return -1;
  }

  private parseElement(elementText: string, loc: () => TextLoc, lookahead: string): unknown {
    try {
      return JSON.parse(elementText);
    } catch {
      throw this.syntaxError(
        elementText + lookahead,
        loc(),
        { inArray: true, posts: this.posts },
        false,
        elementText.length,
      );
    }
  }

  private syntaxError(
    text: string,
    loc: TextLoc,
    start: { inArray: boolean; posts: number },
    atEnd: boolean,
    limit = text.length,
  ): AppError {
    const at = locateJsonError(text, start);
    // The scanner agrees with JSON.parse on everything a file realistically holds; if not, say where the record is.
    if (at === null || at.pos > limit || (at.eof && !atEnd)) {
      const record = start.inArray ? `post ${start.posts + 1}` : 'innehållet';
      return new AppError('validation', `Filen är inte giltig JSON: ${record} på ${where(loc)} kan inte läsas.`);
    }
    const pos = advance(loc, text.slice(0, at.pos));
    if (at.eof) return truncated(`${where(pos)}${at.record}`);
    return unexpected(text, at.pos, `${where(pos)}${at.record}`);
  }
}

/**
 * The records of a JSON array, one at a time, from the file's bytes in chunks (UTF-8, with or without BOM).
 * Throws AppError('validation') for a file that is not UTF-8, not JSON, cut short, empty or not an array.
 */
export function* jsonArrayRecords(chunks: Iterable<Uint8Array>): Generator<unknown, void> {
  const utf8 = new Utf8Chunks();
  const scanner = new ArrayScanner();
  for (const chunk of chunks) {
    const text = utf8.push(chunk, scanner.textEnd);
    if (text) yield* scanner.feed(text);
  }
  const rest = utf8.end(scanner.textEnd);
  if (rest) yield* scanner.feed(rest);
  scanner.end();
}
