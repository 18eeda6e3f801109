/** Positions and wording shared by the streamed JSON reader and its error locator. */
import { AppError } from '../../shared/errors';

/** A position in the text: 1-based line, and the column of the next character (in characters, not bytes). */
export interface TextLoc {
  line: number;
  col: number;
}

/** Characters, counting a surrogate pair (emoji) as one, as an editor does. */
export function charCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Where the text ends, given where it starts. */
export function advance(loc: TextLoc, s: string): TextLoc {
  const last = s.lastIndexOf('\n');
  if (last < 0) return { line: loc.line, col: loc.col + charCount(s) };
  let lines = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) lines++;
  return { line: loc.line + lines, col: 1 + charCount(s.slice(last + 1)) };
}

export const where = (loc: TextLoc) => `rad ${loc.line}, kolumn ${loc.col}`;

export function kindOf(value: unknown): string {
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

export function describeChar(text: string, pos: number): string {
  const c = String.fromCodePoint(text.codePointAt(pos)!);
  const code = c.codePointAt(0)!;
  return code < 0x21 || code === 0x7f || code === 0xa0 || /\s/.test(c)
    ? `tecken U+${code.toString(16).toUpperCase().padStart(4, '0')}`
    : `tecken "${c}"`;
}

export const truncated = (at: string) =>
  new AppError(
    'validation',
    `Filen tar slut mitt i JSON-datat (${at}) och är troligen avkortad. Hämta eller spara den igen.`,
  );
export const unexpected = (text: string, pos: number, at: string) =>
  new AppError('validation', `Filen är inte giltig JSON: oväntat ${describeChar(text, pos)} på ${at}.`);

// ---------------------------------------------------------------------------------------------------
// UTF-8, chunk by chunk
