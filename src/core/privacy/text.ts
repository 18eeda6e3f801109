/**
 * Finding and masking a searched term in free text and in the string leaves of stored JSON, the way every
 * "Sök och radera" source does it: case-insensitive (Unicode, so "ÅSA" finds "Åsa"), the excerpt around
 * the first occurrence, "[raderat]" in place of each occurrence.
 */
export const MASK = '[raderat]';
/** Hits listed per source; the rest are counted as "fler". */
export const MAX_HITS_PER_SOURCE = 500;
const EXCERPT_SIDE = 50;

function termPattern(term: string): RegExp {
  return new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
}

export function containsTerm(text: string, term: string): boolean {
  return term.length > 0 && termPattern(term).test(text);
}

export function maskTerm(text: string, term: string): string {
  return text.replace(termPattern(term), MASK);
}

/** The text around the first occurrence, on one line, at most ~120 characters. */
export function excerptOf(text: string, term: string): string {
  const m = termPattern(term).exec(text);
  if (!m) return '';
  const start = Math.max(0, m.index - EXCERPT_SIDE);
  const end = Math.min(text.length, m.index + m[0].length + EXCERPT_SIDE);
  const body = text.slice(start, end).replace(/\s+/g, ' ');
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}

/**
 * A LIKE pattern that finds at least the rows `containsTerm` finds, or null when SQLite's LIKE cannot be
 * trusted for the term (it folds case only for ASCII; JSON text escapes quotes and backslashes).
 */
export function likePattern(term: string): string | null {
  if (!/^[\x20-\x7e]*$/.test(term) || /["\\]/.test(term)) return null;
  return `%${term.replace(/[%_^]/g, (c) => `^${c}`)}%`;
}
export const LIKE_ESCAPE = "ESCAPE '^'";

// ---------------------------------------------------------------------------------------------------------
// JSON: a hit is one string leaf, named by its JSON pointer ("/previous/3/description")

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Pointers of the string leaves that contain the term, with their text. */
export function jsonLeavesWith(json: string, term: string): { pointer: string; text: string }[] {
  let parsed: Json;
  try {
    parsed = JSON.parse(json) as Json;
  } catch {
    return containsTerm(json, term) ? [{ pointer: '', text: json }] : [];
  }
  const out: { pointer: string; text: string }[] = [];
  const walk = (v: Json, at: string) => {
    if (typeof v === 'string') {
      if (containsTerm(v, term)) out.push({ pointer: at, text: v });
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${at}/${i}`));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
  };
  walk(parsed, '');
  return out;
}

/** The JSON with the leaves at `pointers` changed by `fn` (an unparsable text is changed as a whole). */
export function changeJsonLeaves(json: string, pointers: readonly string[], fn: (text: string) => string): string {
  let root: Json;
  try {
    root = JSON.parse(json) as Json;
  } catch {
    return pointers.includes('') ? fn(json) : json;
  }
  for (const pointer of pointers) {
    if (pointer === '') {
      if (typeof root === 'string') root = fn(root);
      continue;
    }
    const keys = pointer
      .slice(1)
      .split('/')
      .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    let parent: Json = root;
    for (const k of keys.slice(0, -1)) {
      parent = parent !== null && typeof parent === 'object' ? ((parent as Record<string, Json>)[k] ?? null) : null;
    }
    const last = keys[keys.length - 1] as string;
    if (parent !== null && typeof parent === 'object') {
      const obj = parent as Record<string, Json>;
      const leaf = obj[last];
      if (typeof leaf === 'string') obj[last] = fn(leaf);
    }
  }
  return JSON.stringify(root);
}

/** A readable name of a pointer: "/activities/0/text" → "activities 1 › text". */
export function pointerLabel(pointer: string): string {
  return pointer
    .slice(1)
    .split('/')
    .map((k) => (/^\d+$/.test(k) ? String(Number(k) + 1) : k.replace(/~1/g, '/').replace(/~0/g, '~')))
    .join(' › ');
}
