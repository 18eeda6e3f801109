/**
 * Schema 5: trygghetsmätning results, per year, area (a kommun or a whole LPO) and indicator, each with its
 * respondents, response rate and source; imports of them in the import log; EST and survey saved views.
 * import_log and dashboard_view are rebuilt to widen their CHECKs (SQLite cannot alter a CHECK); this step
 * runs with foreign keys off and checks them before it commits (see migrate()).
 */
export const migration005 = `
CREATE TABLE survey_result (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2100),
  kommun_id INTEGER REFERENCES kommun(id),
  lpo_id INTEGER REFERENCES lpo(id),
  indicator TEXT NOT NULL CHECK (length(indicator) BETWEEN 1 AND 60),
  value REAL NOT NULL CHECK (value BETWEEN 0 AND 100),
  respondents INTEGER CHECK (respondents >= 0),
  response_rate REAL CHECK (response_rate BETWEEN 0 AND 100),
  source TEXT NOT NULL,
  import_id INTEGER REFERENCES import_log(id),
  CHECK ((kommun_id IS NULL) <> (lpo_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX survey_result_key ON survey_result(indicator, ifnull(kommun_id, 0), ifnull(lpo_id, 0), year);

CREATE TABLE import_log_new (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('polisen', 'incidents', 'bra', 'scb', 'trygghet')),
  imported_at TEXT NOT NULL,
  added INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  duplicates INTEGER NOT NULL,
  skipped INTEGER NOT NULL,
  report_json TEXT NOT NULL,
  undone_at TEXT
) STRICT;
INSERT INTO import_log_new SELECT * FROM import_log;
DROP TABLE import_log;
ALTER TABLE import_log_new RENAME TO import_log;
CREATE INDEX import_log_hash ON import_log(content_hash);

CREATE TABLE dashboard_view_new (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 120),
  dashboard TEXT NOT NULL CHECK (dashboard IN ('jamfor', 'forandring', 'trend', 'est', 'trygghet')),
  settings_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
INSERT INTO dashboard_view_new SELECT * FROM dashboard_view;
DROP TABLE dashboard_view;
ALTER TABLE dashboard_view_new RENAME TO dashboard_view;
`;
