/**
 * Schema 7: trygghetsvandringar and åtgärder. A walk (date, route, places, invited organisations),
 * observations per place (each also an incident with source "trygghetsvandring"), and åtgärder: from a walk
 * or written straight into the kommun's åtgärdsplan (lag 2023:196), linked to a problem and a löfte, with
 * a responsible unit, a due date, a status and the reason when declined.
 */
export const migration007 = `
CREATE TABLE walk (
  id INTEGER PRIMARY KEY,
  kommun_id INTEGER NOT NULL REFERENCES kommun(id),
  title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
  walk_day TEXT NOT NULL,
  after_dark INTEGER NOT NULL DEFAULT 0 CHECK (after_dark IN (0, 1)),
  route TEXT NOT NULL DEFAULT '',
  places_json TEXT NOT NULL DEFAULT '[]',
  invited_json TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX walk_kommun ON walk(kommun_id, walk_day);

CREATE TABLE walk_observation (
  id INTEGER PRIMARY KEY,
  walk_id INTEGER NOT NULL REFERENCES walk(id) ON DELETE CASCADE,
  place_name TEXT NOT NULL CHECK (length(trim(place_name)) BETWEEN 1 AND 200),
  subcategory TEXT NOT NULL REFERENCES subcategory(code),
  note TEXT NOT NULL DEFAULT '',
  incident_id INTEGER REFERENCES incident(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX walk_observation_walk ON walk_observation(walk_id);

CREATE TABLE measure (
  id INTEGER PRIMARY KEY,
  kommun_id INTEGER NOT NULL REFERENCES kommun(id),
  walk_id INTEGER REFERENCES walk(id) ON DELETE CASCADE,
  observation_id INTEGER REFERENCES walk_observation(id) ON DELETE SET NULL,
  lofte_id INTEGER REFERENCES lofte(id) ON DELETE SET NULL,
  problem TEXT NOT NULL DEFAULT '',
  what TEXT NOT NULL CHECK (length(trim(what)) BETWEEN 1 AND 1000),
  responsible TEXT NOT NULL CHECK (length(trim(responsible)) BETWEEN 1 AND 200),
  due_day TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('planerad', 'pagar', 'klar', 'avslagen')),
  decline_reason TEXT NOT NULL DEFAULT '',
  in_plan INTEGER NOT NULL DEFAULT 0 CHECK (in_plan IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (status <> 'avslagen' OR length(trim(decline_reason)) > 0)
) STRICT;
CREATE INDEX measure_kommun ON measure(kommun_id, due_day);
CREATE INDEX measure_walk ON measure(walk_id) WHERE walk_id IS NOT NULL;
`;
