/**
 * Place names outside the incidents: a position typed on a walk's map keeps the walk's place name in the
 * place table. A place that incidents still name is theirs (the incident source renames it with them and
 * removes the old row), so only places no incident or trashed incident uses are found here; masking
 * renames the place (or removes it when the masked name is already taken in the kommun), erasing removes
 * it with its position.
 */
import type { Db } from '../db/types';
import type { ErasableSource, TextHit } from './sources';
import { LIKE_ESCAPE, MAX_HITS_PER_SOURCE, containsTerm, excerptOf, likePattern, maskTerm } from './text';

const UNUSED = `NOT EXISTS (SELECT 1 FROM incident WHERE place_id = place.id)
  AND NOT EXISTS (SELECT 1 FROM incident_trash WHERE json_extract(row_json, '$.place_id') = place.id)`;

export const placeSource: ErasableSource = {
  source: 'place',
  label: 'Platser med position',
  find(db: Db, term: string): TextHit[] {
    const like = likePattern(term);
    const rows = db
      .prepare(`SELECT id, name FROM place WHERE ${like ? `name LIKE ? ${LIKE_ESCAPE} AND ` : ''}${UNUSED} ORDER BY id`)
      .all(...(like ? [like] : [])) as { id: number; name: string }[];
    return rows
      .filter((r) => containsTerm(r.name, term))
      .slice(0, MAX_HITS_PER_SOURCE)
      .map((r) => ({
        source: 'place',
        sourceLabel: 'Platser med position',
        id: r.id,
        field: 'name',
        fieldLabel: 'Namn',
        excerpt: excerptOf(r.name, term),
      }));
  },
  erase(db: Db, hits: readonly TextHit[], term: string, mode: 'mask' | 'erase'): number {
    let changed = 0;
    const get = db.prepare(`SELECT id, kommun_id AS kommunId, name FROM place WHERE id = ? AND ${UNUSED}`);
    const taken = db.prepare('SELECT 1 FROM place WHERE kommun_id = ? AND name = ? AND id <> ?');
    const remove = db.prepare('DELETE FROM place WHERE id = ?');
    const rename = db.prepare('UPDATE place SET name = ? WHERE id = ?');
    for (const hit of hits) {
      const p = get.get(hit.id) as { id: number; kommunId: number; name: string } | undefined;
      if (!p || !containsTerm(p.name, term)) continue;
      const masked = maskTerm(p.name, term);
      if (mode === 'erase' || taken.get(p.kommunId, masked, p.id)) remove.run(p.id);
      else rename.run(masked, p.id);
      changed++;
    }
    return changed;
  },
};
