/** Medborgarlöften (draft → decided, versions, comments, follow-up log) and samverkansöverenskommelser. */
import { emptyContent } from '../../shared/lofte';
import { authorLabel } from '../../shared/profile';
import { defineOps } from '../api/ops';
import { getView } from '../dashboards/views';
import { getAgreement, listAgreements, saveAgreement } from './agreements';
import { focusAreas, lofteDetails, lofteList } from './service';

export const lofteOps = defineOps({
  'loften.list': (ws, { kommunIds }) => ws.db().read(({ db }) => lofteList(db, kommunIds, ws.now())),
  'loften.get': (ws, { id, by }) => ws.db().read(({ db }) => lofteDetails(db, id, by, ws.now())),
  'loften.create': (ws, { copyOf, evidenceViewId, ...input }) =>
    ws.writable().write(['loften'], ({ db, loften }) => {
      const source = copyOf ? loften.get(copyOf) : null;
      const content = source ? source.content : emptyContent();
      if (evidenceViewId) {
        getView(db, evidenceViewId);
        content.evidence = [...content.evidence, { kind: 'view', viewId: evidenceViewId }];
      }
      const focusAreaId = input.focusAreaId !== undefined ? input.focusAreaId : (source?.focusAreaId ?? null);
      return loften.create({ ...input, focusAreaId, content });
    }),
  'loften.save': (ws, { id, revision, content, focusAreaId }) =>
    ws
      .writable()
      .write(['loften'], ({ loften }) =>
        loften.save(id, revision, content, focusAreaId !== undefined ? { focusAreaId } : undefined),
      ),
  'loften.transition': (ws, { id, to, revision, protocolRef }) =>
    ws
      .writable()
      .write(['loften'], ({ loften }) => loften.transition(id, to, { revision, protocolRef, by: ws.author() })),
  'loften.newVersion': (ws, { id }) =>
    ws.writable().write(['loften'], ({ loften }) => loften.newVersion(id, ws.author())),
  'loften.comment': (ws, { id, author, body }) =>
    ws.writable().write(['loften'], ({ loften }) => loften.comment(id, author || authorLabel(ws.author()), body)),
  'loften.log': (ws, { id, ...entry }) => ws.writable().write(['loften'], ({ loften }) => loften.log(id, entry)),
  'loften.deleteLog': (ws, { logId }) => ws.writable().write(['loften'], ({ loften }) => loften.deleteLog(logId)),
  'loften.focusAreas': (ws) => ws.db().read(({ db }) => focusAreas(db)),
  'agreements.list': (ws) => ws.db().read(({ db }) => listAgreements(db)),
  'agreements.get': (ws, { id }) => ws.db().read(({ db }) => getAgreement(db, id)),
  'agreements.save': (ws, input) => ws.writable().write(['agreements'], ({ db }) => saveAgreement(db, input)),
});
