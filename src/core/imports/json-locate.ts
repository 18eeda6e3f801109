/**
 * Where JSON.parse failed inside one record of a streamed array, said as a person reads it: line, column,
 * record and field (json-stream.ts finds the records; this finds the fault in one).
 */
// ---------------------------------------------------------------------------------------------------
// The error locator: where JSON.parse failed, with the record and field

const isJsonSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
export const VALUE_START = /[{["\-0-9tfn]/;

interface JsonErrorAt {
  pos: number;
  /** The text ended before the JSON did. */
  eof: boolean;
  /** ", i post 3, fältet "name"", ", efter post 3" or "". */
  record: string;
}

/**
 * The first syntax error in `t`, found by a small iterative JSON scanner, naming the record (top-level array
 * element) and its field. `t` is either a whole document or, with `inArray`, the text from the start of
 * top-level element number `posts + 1`. Null if the scanner finds none.
 */
export function locateJsonError(t: string, start: { inArray: boolean; posts: number }): JsonErrorAt | null {
  const n = t.length;
  const stack: string[] = start.inArray ? ['['] : [];
  let i = 0;
  let post = start.posts;
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
    const from = i;
    while (i < n && t[i]! >= '0' && t[i]! <= '9') i++;
    return i > from;
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
      const from = i;
      if (c !== '"' || !scanString()) return fail(true);
      if (stack.length === 2) field = t.slice(from + 1, Math.min(i - 1, from + 41));
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
