/** The register: reference data, places, incidents (page, read, write, undo delete) and their export. */
import { AppError } from '../../shared/errors';
import { defineOps } from '../api/ops';
import { exportIncidents } from '../services/export';
import { toNewIncident } from '../services/incident-input';

function exportFileName(format: 'csv' | 'xlsx', now = new Date()): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `handelser-${stamp}.${format}`;
}

export const incidentOps = defineOps({
  'reference.get': (ws) => ws.db().read((r) => r.reference.reference()),
  'places.list': (ws, { kommunId }) => ws.db().read((r) => r.reference.places(kommunId)),
  'incidents.page': (ws, { filter, sort, startRow, endRow }) =>
    ws.db().read((r) => r.incidents.page(filter, sort, startRow, endRow)),
  'incidents.get': (ws, { id }) => ws.db().read((r) => r.incidents.get(id)),
  'incidents.create': (ws, { input }) =>
    ws.writable().write(['incidents'], (r) => r.incidents.create(toNewIncident(input))),
  'incidents.update': (ws, { id, expectedUpdatedAt, input }) =>
    ws.writable().write(['incidents'], (r) => r.incidents.update(id, expectedUpdatedAt, toNewIncident(input))),
  'incidents.delete': (ws, { id }) =>
    ws.writable().write(['incidents'], (r) => {
      r.incidents.delete(id);
      return { id };
    }),
  'incidents.restore': (ws, { id }) => ws.writable().write(['incidents'], (r) => r.incidents.restore(id)),
  'incidents.export': async (ws, { filter, sort, format }) => {
    const ctx = ws.db();
    const fileName = exportFileName(format);
    const target = await ws.platform.exportTarget(fileName);
    if (!target) return { fileName, rows: 0, savedTo: null, downloadUrl: null };
    const job = ws.jobs.start('export', `Exporterar ${fileName}`, 0);
    try {
      const rows = await ctx.read(({ incidents, reference }) =>
        exportIncidents(
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
        ),
      );
      job.finish();
      return { fileName, rows, savedTo: target.downloadUrl ? null : target.path, downloadUrl: target.downloadUrl };
    } catch (err) {
      job.finish((err as Error).message);
      throw new AppError('internal', `Exporten misslyckades: ${(err as Error).message}. Ingen fil skapades.`);
    }
  },
});
