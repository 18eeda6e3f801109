/** Trygghetsvandringar, their observations (each an incident) and åtgärder with the åtgärdsplan. */
import { authorLabel } from '../../shared/profile';
import { defineOps } from '../api/ops';

export const walkOps = defineOps({
  'walks.list': (ws, { kommunIds }) => ws.db().read((r) => r.walks.list(kommunIds)),
  'walks.get': (ws, { id }) => ws.db().read((r) => r.walks.details(id)),
  'walks.save': (ws, { id, ...input }) => ws.writable().write(['walks'], (r) => r.walks.save(id ?? null, input)),
  'walks.observe': (ws, { walkId, ...input }) =>
    ws.writable().write(['walks', 'incidents'], (r) => r.walks.observe(walkId, input)),
  'walks.deleteObservation': (ws, { id }) =>
    ws.writable().write(['walks', 'incidents'], (r) => {
      r.walks.deleteObservation(id);
      return { id };
    }),
  'measures.list': (ws, where) => ws.db().read((r) => r.walks.measures(where)),
  'measures.save': (ws, { id, ...input }) =>
    ws.writable().write(['measures'], (r) => r.walks.saveMeasure(id ?? null, input, authorLabel(ws.author()))),
});
