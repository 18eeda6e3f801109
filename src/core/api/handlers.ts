/** One core function per API operation. Inputs arrive already parsed by the operation's zod schema. */
import type { OpName, OpOutput, OpParsedInput } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { Workspace } from '../app/workspace';
import { exportIncidents } from '../services/export';
import { toNewIncident } from '../services/incident-input';
import { undoImport } from '../imports/pipeline';
import { importLog } from '../imports/service';
import { changeTable, compareKommuner, trend } from '../dashboards/queries';
import { deleteView, getView, listViews, saveView } from '../dashboards/views';
import { LofteRepo } from '../lofte/repo';
import { WalkRepo } from '../walks/repo';
import { focusAreas, lofteDetails, lofteList } from '../lofte/service';
import { getAgreement, listAgreements, saveAgreement } from '../lofte/agreements';
import { emptyContent } from '../../shared/lofte';
import { estLagesbild } from '../dashboards/est';
import { overview } from '../dashboards/overview';
import { surveyIndicatorsPresent, surveyMovements, surveyResults } from '../dashboards/survey';
import path from 'node:path';

export type Handlers = {
  [K in OpName]: (input: OpParsedInput<K>) => Promise<OpOutput<K>> | OpOutput<K>;
};

function exportFileName(format: 'csv' | 'xlsx', now = new Date()): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `handelser-${stamp}.${format}`;
}

export function createHandlers(ws: Workspace): Handlers {
  const changed = () => ws.events.emit({ type: 'data.changed', what: 'incidents' });
  return {
    'app.info': () => ws.info(),
    'reference.get': () => ws.db().reference.reference(),
    'places.list': ({ kommunId }) => ws.db().reference.places(kommunId),
    'incidents.page': ({ filter, sort, startRow, endRow }) => ws.db().incidents.page(filter, sort, startRow, endRow),
    'incidents.get': ({ id }) => ws.db().incidents.get(id),
    'incidents.create': ({ input }) => {
      const created = ws.writable().incidents.create(toNewIncident(input));
      changed();
      return created;
    },
    'incidents.update': ({ id, expectedUpdatedAt, input }) => {
      const updated = ws.writable().incidents.update(id, expectedUpdatedAt, toNewIncident(input));
      changed();
      return updated;
    },
    'incidents.delete': ({ id }) => {
      ws.writable().incidents.delete(id);
      changed();
      return { id };
    },
    'incidents.restore': ({ id }) => {
      const restored = ws.writable().incidents.restore(id);
      changed();
      return restored;
    },
    'incidents.export': async ({ filter, sort, format }) => {
      const { incidents, reference } = ws.db();
      const fileName = exportFileName(format);
      const target = await ws.platform.exportTarget(fileName);
      if (!target) return { fileName, rows: 0, savedTo: null, downloadUrl: null };
      const job = ws.jobs.start('export', `Exporterar ${fileName}`, 0);
      try {
        const rows = await exportIncidents(
          {
            repo: incidents,
            kommuner: reference.kommuner(),
            lpos: reference.lpos(),
            onProgress: (done, total) => job.update(done, total),
          },
          filter,
          sort,
          format,
          target.path,
        );
        job.finish();
        return { fileName, rows, savedTo: target.downloadUrl ? null : target.path, downloadUrl: target.downloadUrl };
      } catch (err) {
        job.finish((err as Error).message);
        throw new AppError('internal', `Exporten misslyckades: ${(err as Error).message}. Ingen fil skapades.`);
      }
    },
    'db.recent': () => ws.recent.list(),
    'db.open': ({ path }) => ws.open(path),
    'db.create': ({ path }) => ws.create(path),
    'db.openDemo': () => ws.openDemo(),
    'db.choosePath': async ({ mode }) => ({ path: await ws.platform.choosePath(mode) }),
    'jobs.list': () => ws.jobs.list(),
    'imports.preview': (file) => ws.previewImport(file, `Läser ${path.basename(file.path)}`),
    'imports.commit': (file) => ws.runImport(file, `Importerar ${path.basename(file.path)}`),
    'imports.cancel': () => ({ cancelled: ws.cancelImport() }),
    'imports.log': () => importLog(ws.db().db),
    'walks.list': ({ kommunIds }) => new WalkRepo(ws.db().db).list(kommunIds),
    'walks.get': ({ id }) => new WalkRepo(ws.db().db).details(id),
    'walks.save': ({ id, ...input }) => new WalkRepo(ws.writable().db).save(id ?? null, input),
    'walks.observe': ({ walkId, ...input }) => {
      const observation = new WalkRepo(ws.writable().db).observe(walkId, input);
      changed();
      return observation;
    },
    'walks.deleteObservation': ({ id }) => {
      new WalkRepo(ws.writable().db).deleteObservation(id);
      changed();
      return { id };
    },
    'measures.list': (where) => new WalkRepo(ws.db().db).measures(where),
    'measures.save': ({ id, ...input }) => new WalkRepo(ws.writable().db).saveMeasure(id ?? null, input),
    'dashboards.compare': ({ filter }) => compareKommuner(ws.db().db, filter),
    'dashboards.change': ({ filter, compareWith }) => changeTable(ws.db().db, filter, compareWith),
    'dashboards.trend': ({ filter, by }) => trend(ws.db().db, filter, by),
    'dashboards.est': ({ kommunId, cycle, day }) => {
      const kommun = ws
        .db()
        .reference.kommuner()
        .find((k) => k.id === kommunId);
      if (!kommun) throw new AppError('not_found', `Kommunen (id ${kommunId}) finns inte i databasen.`);
      return estLagesbild(ws.db().db, { kommunId, cycle, day, kommunName: kommun.name });
    },
    'overview.get': (input) => overview(ws.db().db, input),
    'survey.get': ({ indicator }) => {
      const { db } = ws.db();
      return {
        indicator,
        present: surveyIndicatorsPresent(db),
        results: surveyResults(db, indicator),
        movements: surveyMovements(db, indicator),
      };
    },
    'loften.list': ({ kommunIds }) => lofteList(ws.db().db, kommunIds),
    'loften.get': ({ id, by }) => lofteDetails(ws.db().db, id, by),
    'loften.create': ({ copyOf, evidenceViewId, ...input }) => {
      const db = ws.writable().db;
      const repo = new LofteRepo(db);
      const content = copyOf ? repo.get(copyOf).content : emptyContent();
      if (evidenceViewId) {
        getView(db, evidenceViewId);
        content.evidence = [...content.evidence, { kind: 'view', viewId: evidenceViewId }];
      }
      const focusAreaId =
        input.focusAreaId !== undefined ? input.focusAreaId : copyOf ? repo.get(copyOf).focusAreaId : null;
      return repo.create({ ...input, focusAreaId, content });
    },
    'loften.save': ({ id, revision, content, focusAreaId }) =>
      new LofteRepo(ws.writable().db).save(
        id,
        revision,
        content,
        focusAreaId !== undefined ? { focusAreaId } : undefined,
      ),
    'loften.transition': ({ id, to }) => new LofteRepo(ws.writable().db).transition(id, to),
    'loften.newVersion': ({ id }) => new LofteRepo(ws.writable().db).newVersion(id),
    'loften.comment': ({ id, author, body }) => new LofteRepo(ws.writable().db).comment(id, author, body),
    'loften.log': ({ id, ...entry }) => new LofteRepo(ws.writable().db).log(id, entry),
    'loften.deleteLog': ({ logId }) => new LofteRepo(ws.writable().db).deleteLog(logId),
    'loften.focusAreas': () => focusAreas(ws.db().db),
    'agreements.list': () => listAgreements(ws.db().db),
    'agreements.get': ({ id }) => getAgreement(ws.db().db, id),
    'agreements.save': (input) => saveAgreement(ws.writable().db, input),
    'views.list': () => listViews(ws.db().db),
    'views.save': (input) => saveView(ws.writable().db, input),
    'views.delete': ({ id }) => deleteView(ws.writable().db, id),
    'imports.undo': ({ id }) => {
      const result = undoImport(ws.writable().db, id);
      ws.events.emit({ type: 'data.changed', what: 'imports' });
      return result;
    },
  };
}
