/**
 * The audit log as a source for "Sök och radera": a term found in an entry's content can be masked or erased.
 * The rewrite keeps the entry's content hash (the chain still verifies), marks the entry erased, and is
 * itself logged as one "rensning" entry naming the entries (not the term), which the check requires.
 */
import type { Db } from '../db/types';
import type { ErasableSource, TextHit } from '../privacy/sources';
import { logEntry } from './install';

const MASK = '[raderat]';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function excerpt(text: string, at: number, length: number): string {
  const from = Math.max(0, at - 50);
  const to = Math.min(text.length, at + length + 50);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

/** Every string in a JSON value with `fn` applied (keys stay). */
function mapStrings(v: unknown, fn: (s: string) => string): unknown {
  if (typeof v === 'string') return fn(v);
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, fn));
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, mapStrings(x, fn)]));
  }
  return v;
}

export const auditSource: ErasableSource = {
  source: 'audit',
  label: 'Ändringslogg',
  find(db: Db, term: string): TextHit[] {
    const t = term.trim();
    if (!t) return [];
    const like = `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = db
      .prepare(`SELECT id, content_json FROM audit_log WHERE content_json LIKE ? ESCAPE '\\' ORDER BY id`)
      .all(like) as { id: number; content_json: string }[];
    const lower = t.toLowerCase();
    return rows.flatMap((r) => {
      const at = r.content_json.toLowerCase().indexOf(lower);
      if (at < 0) return [];
      return [
        {
          source: 'audit',
          sourceLabel: 'Ändringslogg',
          id: r.id,
          field: 'content_json',
          fieldLabel: 'Före och efter',
          excerpt: excerpt(r.content_json, at, t.length),
        },
      ];
    });
  },
  erase(db: Db, hits: readonly TextHit[], term: string, mode: 'mask' | 'erase'): number {
    const ids = [...new Set(hits.filter((h) => h.source === 'audit').map((h) => h.id))].sort((a, b) => a - b);
    if (ids.length === 0) return 0;
    const pattern = new RegExp(escapeRegExp(term.trim()), 'gi');
    const contains = new RegExp(escapeRegExp(term.trim()), 'i');
    const get = db.prepare('SELECT content_json FROM audit_log WHERE id = ?').pluck();
    const set = db.prepare('UPDATE audit_log SET content_json = ?, erased = 1 WHERE id = ?');
    let changed = 0;
    for (const id of ids) {
      const content = get.get(id) as string | undefined;
      if (content === undefined) continue;
      const rewritten =
        mode === 'mask'
          ? JSON.stringify(mapStrings(JSON.parse(content), (s) => s.replace(pattern, MASK)))
          : JSON.stringify(mapStrings(JSON.parse(content), (s) => (contains.test(s) ? '' : s)));
      set.run(rewritten, id);
      changed++;
    }
    logEntry(db, {
      objectType: 'audit_log',
      objectId: ids.length === 1 ? ids[0]! : `${ids[0]}–${ids[ids.length - 1]}`,
      action: 'rensning',
      content: { entries: ids, mode },
    });
    return changed;
  },
};

/**
 * Retention: empties `field` (e.g. the description) wherever it appears in the entries about the given
 * objects, marks them erased and logs one "rensning" naming them. Returns how many entries changed.
 */
export function eraseAuditField(db: Db, objectType: string, objectIds: readonly number[], field: string): number {
  if (objectIds.length === 0) return 0;
  const find = db
    .prepare(
      `SELECT id, content_json FROM audit_log
        WHERE object_type = ? AND object_id = ? AND content_json LIKE ? ORDER BY id`,
    )
    .raw();
  const set = db.prepare('UPDATE audit_log SET content_json = ?, erased = 1 WHERE id = ?');
  const blank = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(blank);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, k === field && x ? '' : blank(x)]),
      );
    }
    return v;
  };
  const changed: number[] = [];
  for (const objectId of objectIds) {
    for (const [id, content] of find.all(objectType, String(objectId), `%"${field}"%`) as [number, string][]) {
      const rewritten = JSON.stringify(blank(JSON.parse(content)));
      if (rewritten === content) continue;
      set.run(rewritten, id);
      changed.push(id);
    }
  }
  if (changed.length > 0) {
    logEntry(db, {
      objectType: 'audit_log',
      objectId: changed.length === 1 ? changed[0]! : `${changed[0]}–${changed[changed.length - 1]}`,
      action: 'rensning',
      content: { entries: changed, field },
    });
  }
  return changed.length;
}
