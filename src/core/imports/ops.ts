/** Imports: preview and commit (in the import worker when there is one), cancel, the log and undo. */
import path from 'node:path';
import { defineOps } from '../api/ops';
import { undoImport } from './pipeline';
import { importLog } from './service';

export const importOps = defineOps({
  'imports.preview': (ws, file) => ws.previewImport(file, `Läser ${path.basename(file.path)}`),
  'imports.commit': (ws, file) => ws.runImport(file, `Importerar ${path.basename(file.path)}`),
  'imports.cancel': (ws) => ({ cancelled: ws.cancelImport() }),
  'imports.log': (ws) => ws.db().read(({ db }) => importLog(db)),
  'imports.undo': (ws, { id }) =>
    ws.writable().write(['imports', 'incidents', 'reference', 'survey'], ({ db }) => undoImport(db, id)),
});
