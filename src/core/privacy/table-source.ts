/**
 * A "Sök och radera" source over plain columns and JSON columns of one table: what most free text in the
 * database is (import history, löften and their history, walks, comments …). Incidents and the trash have
 * their own sources (the full-text index, the place list).
 */
import type { Db } from '../db/types';
import type { ErasableSource, TextHit } from './sources';
import {
  LIKE_ESCAPE,
  MASK,
  MAX_HITS_PER_SOURCE,
  changeJsonLeaves,
  containsTerm,
  excerptOf,
  jsonLeavesWith,
  likePattern,
  maskTerm,
  pointerLabel,
} from './text';

export interface ColumnSpec {
  column: string;
  label: string;
  /** The column holds JSON: each string leaf is a hit of its own. */
  json?: boolean;
  /** A CHECK forbids an empty text: 'erase' writes "[raderat]" instead of ''. */
  nonEmpty?: boolean;
}

export interface TableSpec {
  source: string;
  label: string;
  table: string;
  columns: readonly ColumnSpec[];
  /** A column counting edits (an open editor's save on an older one is refused): moved by every change. */
  revision?: string;
}

/** field = "column" or "column:/json/pointer". */
function splitField(field: string): { column: string; pointer: string | null } {
  const i = field.indexOf(':');
  return i < 0 ? { column: field, pointer: null } : { column: field.slice(0, i), pointer: field.slice(i + 1) };
}

export function tableSource(spec: TableSpec): ErasableSource {
  const cols = spec.columns.map((c) => c.column);
  const byColumn = new Map(spec.columns.map((c) => [c.column, c]));
  return {
    source: spec.source,
    label: spec.label,
    find(db: Db, term: string): TextHit[] {
      const like = likePattern(term);
      const where = like ? `WHERE ${cols.map((c) => `${c} LIKE ? ${LIKE_ESCAPE}`).join(' OR ')}` : '';
      const stmt = db.prepare(`SELECT id, ${cols.join(', ')} FROM ${spec.table} ${where} ORDER BY id`);
      const hits: TextHit[] = [];
      const rows = like ? stmt.iterate(...cols.map(() => like)) : stmt.iterate();
      for (const row of rows as Iterable<Record<string, unknown>>) {
        for (const c of spec.columns) {
          const value = row[c.column];
          if (typeof value !== 'string' || !containsTerm(value, term)) continue;
          const base = { source: spec.source, sourceLabel: spec.label, id: row.id as number };
          if (c.json) {
            for (const leaf of jsonLeavesWith(value, term)) {
              const where = pointerLabel(leaf.pointer);
              hits.push({
                ...base,
                field: `${c.column}:${leaf.pointer}`,
                fieldLabel: where ? `${c.label} › ${where}` : c.label,
                excerpt: excerptOf(leaf.text, term),
              });
            }
          } else {
            hits.push({ ...base, field: c.column, fieldLabel: c.label, excerpt: excerptOf(value, term) });
          }
        }
        if (hits.length >= MAX_HITS_PER_SOURCE) break;
      }
      return hits;
    },
    erase(db: Db, hits: readonly TextHit[], term: string, mode: 'mask' | 'erase'): number {
      const byRow = new Map<number, TextHit[]>();
      for (const h of hits) if (h.source === spec.source) byRow.set(h.id, [...(byRow.get(h.id) ?? []), h]);
      let changed = 0;
      for (const [id, rowHits] of byRow) {
        const row = db.prepare(`SELECT ${cols.join(', ')} FROM ${spec.table} WHERE id = ?`).get(id) as
          Record<string, unknown> | undefined;
        if (!row) continue;
        const next: Record<string, string> = {};
        for (const h of rowHits) {
          const { column, pointer } = splitField(h.field);
          const c = byColumn.get(column);
          const current = next[column] ?? row[column];
          if (!c || typeof current !== 'string') continue;
          if (c.json && pointer !== null) {
            next[column] = changeJsonLeaves(current, [pointer], (t) => (mode === 'mask' ? maskTerm(t, term) : MASK));
          } else {
            next[column] = mode === 'mask' ? maskTerm(current, term) : c.nonEmpty ? MASK : '';
          }
        }
        const set = Object.keys(next).filter((k) => next[k] !== row[k]);
        if (set.length === 0) continue;
        const bump = spec.revision ? `, ${spec.revision} = ${spec.revision} + 1` : '';
        db.prepare(`UPDATE ${spec.table} SET ${set.map((k) => `${k} = ?`).join(', ')}${bump} WHERE id = ?`).run(
          ...set.map((k) => next[k]),
          id,
        );
        changed++;
      }
      return changed;
    },
  };
}
