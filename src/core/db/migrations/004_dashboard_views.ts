/** Schema 4: saved dashboard views, what löften and reports will point to as evidence. */
export const migration004 = `
CREATE TABLE dashboard_view (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 120),
  dashboard TEXT NOT NULL CHECK (dashboard IN ('jamfor', 'forandring', 'trend')),
  settings_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
`;
