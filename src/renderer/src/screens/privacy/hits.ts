/** Pure helpers of the "Sök och radera" list: a hit's key, its record name, the excerpt split at the term. */
import { formatCount } from '../../../../shared/format';
import type { PrivacyHit } from '../../../../shared/pii';

export type HitRef = Pick<PrivacyHit, 'source' | 'id' | 'field'>;

export function hitKey(h: HitRef): string {
  return `${h.source}\u0000${h.id}\u0000${h.field}`;
}

/** "Händelse 123", "Borttagen händelse 7", "Post 12". */
export function recordName(h: Pick<PrivacyHit, 'source' | 'id'>): string {
  if (h.source === 'incident') return `Händelse ${h.id}`;
  if (h.source === 'trash') return `Borttagen händelse ${h.id}`;
  return `Post ${h.id}`;
}

/** The excerpt in parts, `match` where the term (any case) stands. */
export function splitAtTerm(text: string, term: string): { text: string; match: boolean }[] {
  const t = term.trim();
  if (!t) return [{ text, match: false }];
  const re = new RegExp(t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'), 'giu');
  const out: { text: string; match: boolean }[] = [];
  let at = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > at) out.push({ text: text.slice(at, m.index), match: false });
    out.push({ text: m[0], match: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), match: false });
  return out;
}

/** "1 träff", "3 träffar". */
export function hitsText(n: number): string {
  return formatCount(n, 'träff', 'träffar');
}
