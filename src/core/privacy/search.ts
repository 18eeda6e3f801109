/**
 * "Sök och radera" (a data subject request, issue 13): find a name or personnummer in every free text the
 * database keeps, then mask or erase the hits the user chose, all in the caller's one write transaction.
 * The audit log is one more source: it is added to ERASABLE_SOURCES with one line.
 */
import { AppError } from '../../shared/errors';
import type { PrivacyEraseResult, PrivacySearchResult } from '../../shared/pii';
import type { Db } from '../db/types';
import type { ErasableSource, TextHit } from './sources';
import { incidentSource, trashSource } from './sources-incidents';
import { TABLE_SOURCES } from './sources-tables';
import { placeSource } from './sources-places';
import { MAX_HITS_PER_SOURCE } from './text';
import { auditSource } from '../audit/erasable';

/** Every place free text is kept, in the order the screen lists them. */
export const ERASABLE_SOURCES: readonly ErasableSource[] = [
  incidentSource,
  trashSource,
  ...TABLE_SOURCES,
  placeSource,
  auditSource,
];

export const MIN_TERM = 3;

function checkTerm(term: string): string {
  const t = term.trim();
  if (t.length < MIN_TERM) throw new AppError('validation', `Sök på minst ${MIN_TERM} tecken.`);
  return t;
}

export function searchAll(
  db: Db,
  term: string,
  sources: readonly ErasableSource[] = ERASABLE_SOURCES,
): PrivacySearchResult {
  const t = checkTerm(term);
  const groups = sources
    .map((s) => {
      const hits = s.find(db, t);
      return { source: s.source, label: s.label, hits, truncated: hits.length >= MAX_HITS_PER_SOURCE };
    })
    .filter((g) => g.hits.length > 0);
  return { groups, total: groups.reduce((n, g) => n + g.hits.length, 0) };
}

/**
 * Masks ("[raderat]" for each occurrence) or erases (the whole text) the chosen hits. A hit whose text
 * no longer holds the term is left as it is; counts are rows changed per source.
 */
export function eraseHits(
  db: Db,
  term: string,
  hits: readonly Pick<TextHit, 'source' | 'id' | 'field'>[],
  mode: 'mask' | 'erase',
  sources: readonly ErasableSource[] = ERASABLE_SOURCES,
): PrivacyEraseResult {
  const t = checkTerm(term);
  const unknown = hits.find((h) => !sources.some((s) => s.source === h.source));
  if (unknown) throw new AppError('validation', `Okänd källa: ${unknown.source}.`);
  const key = (h: Pick<TextHit, 'source' | 'id' | 'field'>) => `${h.source}\u0000${h.id}\u0000${h.field}`;
  const wanted = new Set(hits.map(key));
  const bySource: Record<string, number> = {};
  for (const s of sources) {
    if (!hits.some((h) => h.source === s.source)) continue;
    // Only hits the search still gives: an id or field it does not give is never touched.
    const chosen = s.find(db, t).filter((f) => wanted.has(key(f)));
    if (chosen.length === 0) continue;
    const n = s.erase(db, chosen, t, mode);
    if (n > 0) bySource[s.source] = n;
  }
  return { bySource, total: Object.values(bySource).reduce((a, b) => a + b, 0) };
}

/** The audit log's line for an erasure: what and how many, never the searched term. */
export function eraseAuditText(result: PrivacyEraseResult, mode: 'mask' | 'erase'): string {
  const what = Object.entries(result.bySource)
    .map(([source, n]) => `${ERASABLE_SOURCES.find((s) => s.source === source)?.label ?? source}: ${n}`)
    .join(', ');
  const verb = mode === 'mask' ? 'Maskerade' : 'Raderade';
  return `Sök och radera: ${verb} personuppgifter i ${result.total} poster${what ? ` (${what})` : ''}.`;
}
