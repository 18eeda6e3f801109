/** "Ändringslogg": the audit log's list, its check and its CSV export. */
import { AppError } from '../../shared/errors';
import type { AuditCheck } from '../../shared/audit';
import { defineOps } from '../api/ops';
import type { Workspace } from '../app/workspace';
import { exportAuditCsv } from './export';
import { readHead } from './heads';
import { listAudit } from './list';
import { verifyAudit, verifySummary } from './verify';

export function checkAudit(ws: Workspace): AuditCheck {
  const ctx = ws.db();
  const head = readHead(ws.options.dataDir, ctx.path);
  const result = ctx.read(({ db }) => verifyAudit(db, head));
  return { ...result, summary: verifySummary(result) };
}

export const auditOps = defineOps({
  'audit.list': (ws, input) => ws.db().read(({ db }) => listAudit(db, input)),
  'audit.verify': (ws) => checkAudit(ws),
  'audit.export': async (ws, filter) => {
    const fileName = `andringslogg-${ws.now().toISOString().slice(0, 10)}.csv`;
    const target = await ws.platform.exportTarget(fileName);
    if (!target) return { fileName, rows: 0, savedTo: null, downloadUrl: null };
    try {
      const rows = ws.db().read(({ db }) => exportAuditCsv(db, target.path, filter));
      return { fileName, rows, savedTo: target.downloadUrl ? null : target.path, downloadUrl: target.downloadUrl };
    } catch (err) {
      throw new AppError('internal', `Ändringsloggen kunde inte exporteras: ${(err as Error).message}.`);
    }
  },
});
