/** Schema 2: where an incident came from (link, import), the import log, and yearly Brå statistics. */
export const migration002 = `
CREATE TABLE import_log (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('polisen', 'incidents', 'bra', 'scb')),
  imported_at TEXT NOT NULL,
  added INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  duplicates INTEGER NOT NULL,
  skipped INTEGER NOT NULL,
  report_json TEXT NOT NULL,
  undone_at TEXT
) STRICT;
CREATE INDEX import_log_hash ON import_log(content_hash);

ALTER TABLE incident ADD COLUMN source_url TEXT;
ALTER TABLE incident ADD COLUMN import_id INTEGER REFERENCES import_log(id);
CREATE INDEX incident_import ON incident(import_id) WHERE import_id IS NOT NULL;

CREATE TABLE bra_reported_crime (
  kommun_id INTEGER NOT NULL REFERENCES kommun(id),
  year INTEGER NOT NULL,
  count INTEGER,
  per_100k REAL,
  import_id INTEGER REFERENCES import_log(id),
  PRIMARY KEY (kommun_id, year)
) STRICT;
`;
