/** Saved dashboard views: a name for a dashboard and its selection, to come back to and to cite as evidence. */
import type { Db } from '../db/connection';
import type { Dashboard, SavedView, ViewSettings } from '../../shared/dashboards';
import { AppError } from '../../shared/errors';
import { viewSettingsSchema } from '../../shared/schemas';
import { readJson } from '../db/json-column';
import { localDay, toIsoUtc } from '../../shared/time';
import { compareCycles, comparePeriods, latestDataDay } from './periods';

interface Row {
  id: number;
  name: string;
  dashboard: Dashboard;
  settings_json: string;
  created_at: string;
  updated_at: string;
}

const toView = (r: Row): SavedView => ({
  id: r.id,
  name: r.name,
  dashboard: r.dashboard,
  settings: readJson(viewSettingsSchema, r.settings_json, `Vyn ”${r.name}”`),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function listViews(db: Db): SavedView[] {
  return (db.prepare('SELECT * FROM dashboard_view ORDER BY name COLLATE NOCASE').all() as Row[]).map(toView);
}

export function getView(db: Db, id: number): SavedView {
  const row = db.prepare('SELECT * FROM dashboard_view WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new AppError('not_found', `Vyn finns inte (id ${id}); den kan ha tagits bort.`);
  return toView(row);
}

/** Saves a new view; a name already in use (in any letter case) is refused and nothing is written. */
export function saveView(
  db: Db,
  input: { name: string; dashboard: Dashboard; settings: ViewSettings },
  now = new Date(),
): SavedView {
  const name = input.name.trim().replace(/\s+/g, ' ');
  const taken = db.prepare('SELECT 1 FROM dashboard_view WHERE name = ?').get(name);
  if (taken) {
    throw new AppError('conflict', `Det finns redan en vy som heter "${name}". Välj ett annat namn.`, {
      issues: [{ field: 'name', message: 'Namnet används redan.' }],
    });
  }
  const stamp = toIsoUtc(now.getTime());
  const settings = withPeriods(db, input.dashboard, input.settings, now);
  const id = Number(
    db
      .prepare(
        'INSERT INTO dashboard_view (name, dashboard, settings_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(name, input.dashboard, JSON.stringify(settings), stamp, stamp).lastInsertRowid,
  );
  return getView(db, id);
}

/**
 * A view of EST or Förändring saved without the periods its screen showed (a script, an older client)
 * gets them resolved now, by the same rule the screen uses, so it shows these days whenever it is opened.
 */
function withPeriods(db: Db, dashboard: Dashboard, settings: ViewSettings, now: Date): ViewSettings {
  if (settings.periods) return settings;
  const asOfDay = latestDataDay(db, localDay(now.toISOString()));
  const resolved =
    dashboard === 'est' && settings.est
      ? compareCycles(settings.est.cycle, settings.est.day, asOfDay)
      : dashboard === 'forandring'
        ? comparePeriods(settings.filter, settings.compareWith ?? 'previous', asOfDay)
        : null;
  if (!resolved || resolved.rule === 'no_data') return settings;
  return { ...settings, periods: { current: resolved.current, previous: resolved.previous } };
}

export function deleteView(db: Db, id: number): SavedView {
  const view = getView(db, id);
  db.prepare('DELETE FROM dashboard_view WHERE id = ?').run(id);
  return view;
}
