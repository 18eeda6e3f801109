/** Översikt, the Lägesbild dashboards, the trygghetsmätning and saved views. */
import { AppError } from '../../shared/errors';
import { defineOps } from '../api/ops';
import { estLagesbild } from './est';
import { overview } from './overview';
import { changeTable, compareKommuner, trend } from './queries';
import { surveyIndicatorsPresent, surveyMovements, surveyResults } from './survey';
import { deleteView, listViews, saveView } from './views';

export const dashboardOps = defineOps({
  'dashboards.compare': (ws, { filter }) => ws.db().read(({ db }) => compareKommuner(db, filter)),
  'dashboards.change': (ws, { filter, compareWith, pinned }) =>
    ws.db().read(({ db }) => changeTable(db, filter, compareWith, { pinned, clock: ws.now() })),
  'dashboards.trend': (ws, { filter, by }) => ws.db().read(({ db }) => trend(db, filter, by)),
  'dashboards.est': (ws, { kommunId, cycle, day, pinned }) =>
    ws.db().read(({ db, reference }) => {
      const kommun = reference.kommuner().find((k) => k.id === kommunId);
      if (!kommun) throw new AppError('not_found', `Kommunen (id ${kommunId}) finns inte i databasen.`);
      return estLagesbild(db, { kommunId, cycle, day, kommunName: kommun.name, pinned }, ws.now());
    }),
  'overview.get': (ws, input) => ws.db().read(({ db }) => overview(db, input, ws.now())),
  'survey.get': (ws, { indicator }) =>
    ws.db().read(({ db }) => ({
      indicator,
      present: surveyIndicatorsPresent(db),
      results: surveyResults(db, indicator),
      movements: surveyMovements(db, indicator),
    })),
  'views.list': (ws) => ws.db().read(({ db }) => listViews(db)),
  'views.save': (ws, input) => ws.writable().write(['views'], ({ db }) => saveView(db, input)),
  'views.delete': (ws, { id }) => ws.writable().write(['views'], ({ db }) => deleteView(db, id)),
});
