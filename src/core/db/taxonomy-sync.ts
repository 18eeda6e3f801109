import type { Db } from './types';
import { SOURCES, SOURCE_LABELS } from '../../shared/domain';
import { CATEGORIES } from '../../shared/taxonomy';

/** The taxonomy lives in code; every opened database gets the current one (insert-or-update). */
export function syncTaxonomy(db: Db): void {
  db.transaction(() => {
    const cat = db.prepare(
      'INSERT INTO category (code, label, sort_order) VALUES (?, ?, ?) ON CONFLICT (code) DO UPDATE SET label = excluded.label, sort_order = excluded.sort_order',
    );
    const sub = db.prepare(
      'INSERT INTO subcategory (code, category_code, label, sort_order) VALUES (?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET label = excluded.label, sort_order = excluded.sort_order',
    );
    const src = db.prepare(
      'INSERT INTO source (code, label) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET label = excluded.label',
    );
    CATEGORIES.forEach((c, i) => {
      cat.run(c.code, c.label, i);
      c.subcategories.forEach((s, j) => sub.run(s.code, c.code, s.label, j));
    });
    for (const s of SOURCES) src.run(s, SOURCE_LABELS[s]);
  })();
}
