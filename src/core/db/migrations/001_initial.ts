/** Schema 1: geography, taxonomy, places, incidents with FTS, rollups, settings. */
export const migration001 = `
CREATE TABLE lpo (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE kommun (
  id INTEGER PRIMARY KEY,
  scb_code TEXT NOT NULL UNIQUE CHECK (length(scb_code) = 4),
  name TEXT NOT NULL UNIQUE,
  lpo_id INTEGER NOT NULL REFERENCES lpo(id),
  lat REAL,
  lon REAL
) STRICT;

CREATE TABLE population (
  kommun_id INTEGER NOT NULL REFERENCES kommun(id),
  year INTEGER NOT NULL,
  population INTEGER NOT NULL CHECK (population >= 0),
  ref_date TEXT NOT NULL,
  source TEXT NOT NULL,
  PRIMARY KEY (kommun_id, year)
) STRICT;

CREATE TABLE category (
  code TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  sort_order INTEGER NOT NULL
) STRICT;

CREATE TABLE subcategory (
  code TEXT PRIMARY KEY,
  category_code TEXT NOT NULL REFERENCES category(code),
  label TEXT NOT NULL,
  sort_order INTEGER NOT NULL
) STRICT;

CREATE TABLE source (
  code TEXT PRIMARY KEY,
  label TEXT NOT NULL
) STRICT;

CREATE TABLE place (
  id INTEGER PRIMARY KEY,
  kommun_id INTEGER NOT NULL REFERENCES kommun(id),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  lat REAL,
  lon REAL,
  UNIQUE (kommun_id, name)
) STRICT;

-- Sortable text columns are NOT NULL ('' for none) so keyset row-value comparisons stay total.
-- lpo_id and place_name are copies kept by the repository: they let one index serve filter + sort.
CREATE TABLE incident (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL REFERENCES source(code),
  source_ref TEXT,
  category TEXT NOT NULL REFERENCES category(code),
  subcategory TEXT NOT NULL REFERENCES subcategory(code),
  occurred_at TEXT NOT NULL CHECK (occurred_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  reported_at TEXT NOT NULL,
  kommun_id INTEGER NOT NULL REFERENCES kommun(id),
  lpo_id INTEGER NOT NULL REFERENCES lpo(id),
  place_id INTEGER REFERENCES place(id),
  place_name TEXT NOT NULL DEFAULT '',
  lat REAL,
  lon REAL,
  precision TEXT CHECK (precision IN ('exact', 'place', 'kommun')),
  description TEXT NOT NULL DEFAULT '',
  reporter_org TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('ny', 'hanteras', 'atgardad', 'avslutad')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((lat IS NULL) = (lon IS NULL)),
  CHECK (lat IS NULL OR precision IS NOT NULL)
) STRICT;

CREATE UNIQUE INDEX incident_source_ref ON incident(source, source_ref) WHERE source_ref IS NOT NULL;
CREATE INDEX incident_occurred ON incident(occurred_at);
CREATE INDEX incident_reported ON incident(reported_at);
CREATE INDEX incident_kommun_occurred ON incident(kommun_id, occurred_at);
CREATE INDEX incident_lpo_occurred ON incident(lpo_id, occurred_at);
CREATE INDEX incident_category_occurred ON incident(category, occurred_at);
CREATE INDEX incident_subcategory_occurred ON incident(subcategory, occurred_at);
CREATE INDEX incident_source_occurred ON incident(source, occurred_at);
-- Each categorical sort key is (column, occurred_at, id); the rowid ends every index, so these serve it whole.
CREATE INDEX incident_status_occurred ON incident(status, occurred_at);
CREATE INDEX incident_place_name_occurred ON incident(place_name, occurred_at);
CREATE INDEX incident_reporter_org_occurred ON incident(reporter_org, occurred_at);
CREATE INDEX incident_place ON incident(place_id);

-- Deleted incidents wait here so a delete can be undone; nothing is lost.
CREATE TABLE incident_trash (
  id INTEGER PRIMARY KEY,
  deleted_at TEXT NOT NULL,
  row_json TEXT NOT NULL
) STRICT;

CREATE VIRTUAL TABLE incident_fts USING fts5(
  description, place_name, reporter_org,
  content = 'incident', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 0'
);

-- Counts per kommun, category, source and local day, kept equal to incident by the repository
-- in the same transaction as every write. The month table answers long ranges cheaply.
CREATE TABLE incident_rollup_day (
  kommun_id INTEGER NOT NULL,
  category TEXT NOT NULL,
  source TEXT NOT NULL,
  day TEXT NOT NULL,
  n INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (day, kommun_id, category, source)
) STRICT, WITHOUT ROWID;

CREATE TABLE incident_rollup_month (
  kommun_id INTEGER NOT NULL,
  category TEXT NOT NULL,
  source TEXT NOT NULL,
  month TEXT NOT NULL,
  n INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (month, kommun_id, category, source)
) STRICT, WITHOUT ROWID;

-- Histograms by category or source over months (rank seek) read these instead of sorting the table.
CREATE INDEX incident_rollup_month_category ON incident_rollup_month(category, month, n);
CREATE INDEX incident_rollup_month_source ON incident_rollup_month(source, month, n);

CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;
