/**
 * Reports: a stored report is its selection (template, area, period) and the user's edits (texts, figures
 * left out, title page). Fastställd, it also keeps the document it printed (`snapshot_json`), so it prints
 * the same after new imports. A new version points to the one it was made from.
 */
export const migration013 = `
CREATE TABLE report (
  id INTEGER PRIMARY KEY,
  template TEXT NOT NULL,
  title TEXT NOT NULL,
  area_name TEXT NOT NULL,
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  selection_json TEXT NOT NULL,
  edits_json TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'utkast' CHECK (status IN ('utkast', 'faststalld')),
  decided_by TEXT,
  decided_on TEXT,
  protocol_ref TEXT,
  snapshot_json TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  previous_id INTEGER REFERENCES report(id),
  revision INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL DEFAULT '',
  CHECK (status = 'utkast' OR (snapshot_json IS NOT NULL AND decided_on IS NOT NULL))
) STRICT;
CREATE TABLE report_kommun (
  report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
  kommun_id INTEGER NOT NULL REFERENCES kommun(id),
  PRIMARY KEY (report_id, kommun_id)
) WITHOUT ROWID, STRICT;
CREATE INDEX report_kommun_kommun ON report_kommun (kommun_id, report_id);
`;
