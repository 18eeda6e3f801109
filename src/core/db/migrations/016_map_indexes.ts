/**
 * Schema 16: the two indexes a map's selection walks (an LPO or kommuner over a period) also carry what
 * the maps count by — kommun, category, source, place, precision and position — so the place counts and
 * the hotspot grid read the index alone, never the table (measured at 1 000 000 rows, LPO Klippan over a
 * year, 155 000 rows: place counts 84–124 ms → 32–51 ms, 813 → 102 ms on the first read after opening;
 * the hotspot positions of every located incident 694–788 → 379–435 ms). Same names and leading columns,
 * so every plan that used them still does; `id` is written out after the time because the register sorts
 * by (column, occurred_at, id) and the columns added after it would otherwise come before the rowid.
 * `dashboard_view` is rebuilt (as in schema 5; foreign keys off, checked before commit) to let a saved view
 * be of the new Karta tab.
 */
export const migration016 = `
DROP INDEX incident_lpo_occurred;
CREATE INDEX incident_lpo_occurred ON incident(lpo_id, occurred_at, id, kommun_id, category, source, place_id, precision, lat, lon);
DROP INDEX incident_kommun_occurred;
CREATE INDEX incident_kommun_occurred ON incident(kommun_id, occurred_at, id, category, source, place_id, precision, lat, lon);

CREATE TABLE dashboard_view_new (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 120),
  dashboard TEXT NOT NULL CHECK (dashboard IN ('jamfor', 'karta', 'forandring', 'trend', 'est', 'trygghet')),
  settings_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
INSERT INTO dashboard_view_new SELECT * FROM dashboard_view;
DROP TABLE dashboard_view;
ALTER TABLE dashboard_view_new RENAME TO dashboard_view;
`;
