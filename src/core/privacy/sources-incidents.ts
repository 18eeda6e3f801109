/**
 * The register's free text: a live incident's description, place and reporting organisation (kept equal
 * in the full-text index, and the place list loses a name no incident uses any more), and the same fields
 * of a deleted incident waiting in the trash (its row as JSON).
 */
import type { Db } from '../db/types';
import type { ErasableSource, TextHit } from './sources';
import {
  LIKE_ESCAPE,
  MAX_HITS_PER_SOURCE,
  changeJsonLeaves,
  containsTerm,
  excerptOf,
  likePattern,
  maskTerm,
} from './text';

const FIELDS = [
  { column: 'description', label: 'Beskrivning' },
  { column: 'place_name', label: 'Plats' },
  { column: 'reporter_org', label: 'Rapporterande organisation' },
] as const;
type Column = (typeof FIELDS)[number]['column'];
const LABEL = new Map<string, string>(FIELDS.map((f) => [f.column, f.label]));

interface TextRow {
  id: number;
  kommun_id: number;
  place_id: number | null;
  description: string;
  place_name: string;
  reporter_org: string;
}

function change(text: string, term: string, mode: 'mask' | 'erase'): string {
  return mode === 'mask' ? maskTerm(text, term) : '';
}

/** Rewrites an incident's texts and its full-text entry (an external-content FTS5 table). */
export function rewriteIncidentTexts(db: Db, old: TextRow, next: Pick<TextRow, Column>): void {
  db.prepare(
    `INSERT INTO incident_fts (incident_fts, rowid, description, place_name, reporter_org) VALUES ('delete', ?, ?, ?, ?)`,
  ).run(old.id, old.description, old.place_name, old.reporter_org);
  let placeId = old.place_id;
  if (next.place_name !== old.place_name) {
    placeId = null;
    if (next.place_name.trim() !== '') {
      db.prepare('INSERT OR IGNORE INTO place (kommun_id, name) VALUES (?, ?)').run(old.kommun_id, next.place_name);
      placeId = db
        .prepare('SELECT id FROM place WHERE kommun_id = ? AND name = ?')
        .pluck()
        .get(old.kommun_id, next.place_name) as number;
    }
  }
  db.prepare(
    `UPDATE incident SET description = ?, place_name = ?, reporter_org = ?, place_id = ?,
       updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?`,
  ).run(next.description, next.place_name, next.reporter_org, placeId, old.id);
  db.prepare('INSERT INTO incident_fts (rowid, description, place_name, reporter_org) VALUES (?, ?, ?, ?)').run(
    old.id,
    next.description,
    next.place_name,
    next.reporter_org,
  );
  if (old.place_id !== null && placeId !== old.place_id) {
    // The old name leaves the place list once nothing (live or in the trash) points to it.
    db.prepare(
      `DELETE FROM place WHERE id = @id AND NOT EXISTS (SELECT 1 FROM incident WHERE place_id = @id)
         AND NOT EXISTS (SELECT 1 FROM incident_trash WHERE json_extract(row_json, '$.place_id') = @id)`,
    ).run({ id: old.place_id });
  }
}

export const incidentSource: ErasableSource = {
  source: 'incident',
  label: 'Händelser',
  find(db, term) {
    const like = likePattern(term);
    const where = like ? `WHERE ${FIELDS.map((f) => `${f.column} LIKE ? ${LIKE_ESCAPE}`).join(' OR ')}` : '';
    const stmt = db.prepare(`SELECT id, description, place_name, reporter_org FROM incident ${where} ORDER BY id`);
    const hits: TextHit[] = [];
    for (const row of (like ? stmt.iterate(like, like, like) : stmt.iterate()) as Iterable<TextRow>) {
      for (const f of FIELDS) {
        const text = row[f.column];
        if (!containsTerm(text, term)) continue;
        hits.push({
          source: 'incident',
          sourceLabel: 'Händelser',
          id: row.id,
          field: f.column,
          fieldLabel: f.label,
          excerpt: excerptOf(text, term),
        });
      }
      if (hits.length >= MAX_HITS_PER_SOURCE) break;
    }
    return hits;
  },
  erase(db, hits, term, mode) {
    const ids = new Map<number, Set<string>>();
    for (const h of hits)
      if (h.source === 'incident' && LABEL.has(h.field)) ids.set(h.id, (ids.get(h.id) ?? new Set()).add(h.field));
    let changed = 0;
    for (const [id, fields] of ids) {
      const old = db
        .prepare('SELECT id, kommun_id, place_id, description, place_name, reporter_org FROM incident WHERE id = ?')
        .get(id) as TextRow | undefined;
      if (!old) continue;
      const next = { description: old.description, place_name: old.place_name, reporter_org: old.reporter_org };
      for (const f of fields) next[f as Column] = change(old[f as Column], term, mode);
      rewriteIncidentTexts(db, old, next);
      changed++;
    }
    return changed;
  },
};

export const trashSource: ErasableSource = {
  source: 'trash',
  label: 'Papperskorgen',
  find(db, term) {
    const hits: TextHit[] = [];
    const like = likePattern(term);
    const stmt = db.prepare(
      `SELECT id, row_json FROM incident_trash ${like ? `WHERE row_json LIKE ? ${LIKE_ESCAPE}` : ''} ORDER BY id`,
    );
    for (const row of (like ? stmt.iterate(like) : stmt.iterate()) as Iterable<{ id: number; row_json: string }>) {
      const parsed = JSON.parse(row.row_json) as Record<string, unknown>;
      for (const f of FIELDS) {
        const text = parsed[f.column];
        if (typeof text !== 'string' || !containsTerm(text, term)) continue;
        hits.push({
          source: 'trash',
          sourceLabel: 'Papperskorgen',
          id: row.id,
          field: f.column,
          fieldLabel: `${f.label} (borttagen händelse)`,
          excerpt: excerptOf(text, term),
        });
      }
      if (hits.length >= MAX_HITS_PER_SOURCE) break;
    }
    return hits;
  },
  erase(db, hits, term, mode) {
    const ids = new Map<number, string[]>();
    for (const h of hits)
      if (h.source === 'trash' && LABEL.has(h.field)) ids.set(h.id, [...(ids.get(h.id) ?? []), h.field]);
    let changed = 0;
    for (const [id, fields] of ids) {
      const json = db.prepare('SELECT row_json FROM incident_trash WHERE id = ?').pluck().get(id) as string | undefined;
      if (json === undefined) continue;
      const next = changeJsonLeaves(
        json,
        fields.map((f) => `/${f}`),
        (t) => (mode === 'mask' ? maskTerm(t, term) : ''),
      );
      db.prepare('UPDATE incident_trash SET row_json = ? WHERE id = ?').run(next, id);
      changed++;
    }
    return changed;
  },
};
