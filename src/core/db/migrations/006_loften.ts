/**
 * Schema 6: medborgarlöften. A samverkansöverenskommelse (one or more kommuner, a period, signatories) with
 * its fokusområden; löften per kommun and period under a fokusområde, their content as it is being edited
 * (autosaved; `revision` guards against two editors), snapshots at every state change and new version (the
 * history), comments, and the follow-up log of performed activities.
 */
export const migration006 = `
CREATE TABLE agreement (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL CHECK (period_to >= period_from),
  signed_by_lpo TEXT NOT NULL DEFAULT '',
  signed_by_kommun TEXT NOT NULL DEFAULT '',
  signed_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE agreement_kommun (
  agreement_id INTEGER NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
  kommun_id INTEGER NOT NULL REFERENCES kommun(id),
  PRIMARY KEY (agreement_id, kommun_id)
) STRICT;

CREATE TABLE focus_area (
  id INTEGER PRIMARY KEY,
  agreement_id INTEGER NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
  title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
  problem TEXT NOT NULL DEFAULT '',
  causes TEXT NOT NULL DEFAULT '',
  goals TEXT NOT NULL DEFAULT '',
  follow_up TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE lofte (
  id INTEGER PRIMARY KEY,
  kommun_id INTEGER NOT NULL REFERENCES kommun(id),
  focus_area_id INTEGER REFERENCES focus_area(id) ON DELETE SET NULL,
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL CHECK (period_to >= period_from),
  state TEXT NOT NULL CHECK (state IN ('utkast', 'for_granskning', 'beslutad', 'uppfoljning', 'avslutad')),
  version INTEGER NOT NULL CHECK (version >= 1),
  content_json TEXT NOT NULL,
  revision INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX lofte_kommun ON lofte(kommun_id, period_from);

CREATE TABLE lofte_snapshot (
  id INTEGER PRIMARY KEY,
  lofte_id INTEGER NOT NULL REFERENCES lofte(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  state TEXT NOT NULL,
  reason TEXT NOT NULL,
  content_json TEXT NOT NULL,
  saved_at TEXT NOT NULL
) STRICT;
CREATE INDEX lofte_snapshot_lofte ON lofte_snapshot(lofte_id, id);

CREATE TABLE lofte_comment (
  id INTEGER PRIMARY KEY,
  lofte_id INTEGER NOT NULL REFERENCES lofte(id) ON DELETE CASCADE,
  author TEXT NOT NULL,
  body TEXT NOT NULL CHECK (length(trim(body)) BETWEEN 1 AND 4000),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE activity_log (
  id INTEGER PRIMARY KEY,
  lofte_id INTEGER NOT NULL REFERENCES lofte(id) ON DELETE CASCADE,
  activity_key TEXT NOT NULL,
  day TEXT NOT NULL,
  count INTEGER NOT NULL CHECK (count BETWEEN 1 AND 1000),
  place TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX activity_log_lofte ON activity_log(lofte_id, activity_key, day);
`;
