/** Backups of the open database, their settings, restore and the full integrity check. */
import { defineOps } from '../api/ops';

export const backupOps = defineOps({
  'backups.overview': (ws) => ws.backups.overview(ws.db().path),
  'backups.saveSettings': (ws, settings) => {
    const dir = settings.dir === null ? null : ws.allowed(settings.dir, 'backup');
    ws.backups.saveSettings({ ...settings, dir });
    ws.backups.prune(ws.db().path);
    return ws.backups.overview(ws.db().path);
  },
  'backups.create': async (ws) => ({ path: await ws.backupNow() }),
  'backups.restore': (ws, { name }) => ws.restoreBackup(name),
  'db.checkIntegrity': (ws) => ws.checkIntegrity(),
});
