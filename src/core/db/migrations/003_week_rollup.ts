/**
 * Schema 3: incidents per ISO week, beside the day and month rollups, so a weekly trend over years reads a
 * few thousand rows instead of every day. Filled from the day rollup; ISO week as SQLite's strftime('%G-W%V')
 * writes it ("2026-W01"), which sorts in time order and equals shared/time isoWeek.
 */
export const migration003 = `
CREATE TABLE incident_rollup_week (
  kommun_id INTEGER NOT NULL,
  category TEXT NOT NULL,
  source TEXT NOT NULL,
  week TEXT NOT NULL,
  n INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (week, kommun_id, category, source)
) STRICT, WITHOUT ROWID;
INSERT INTO incident_rollup_week (kommun_id, category, source, week, n)
  SELECT kommun_id, category, source, strftime('%G-W%V', day), sum(n)
  FROM incident_rollup_day GROUP BY 1, 2, 3, 4;
`;
