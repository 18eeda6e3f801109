/**
 * An import in its own thread with its own database connection: the window and the app's own connection
 * stay responsive, progress is posted as rows are written, and terminating the thread cancels the import
 * (its transaction never commits, so nothing is changed).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { integrityCheck, type IntegrityResult } from '../db/integrity';
import { DbContext } from '../app/context';
import { AppError } from '../../shared/errors';
import type { ImportPreview, ImportReport } from '../../shared/imports';
import { commitFile, previewFile, type FileImport } from './service';

export type ImportWorkerData =
  | {
      dbPath: string;
      nativeBinding?: string | undefined;
      file: FileImport;
      /** 'preview' reads and checks the whole file without writing; 'commit' imports it. */
      mode: 'preview' | 'commit';
    }
  | {
      dbPath: string;
      nativeBinding?: string | undefined;
      /** `PRAGMA integrity_check` of the open database on a read-only connection (after it was opened). */
      mode: 'integrity';
    };

export type ImportWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: ImportReport | ImportPreview | IntegrityResult }
  | { type: 'error'; code: AppError['code']; message: string };

const data = workerData as ImportWorkerData;
const IMPORT_CACHE_KB = 48 * 1024;
const post = (m: ImportWorkerMessage) => parentPort!.postMessage(m);

async function run(): Promise<void> {
  if (data.mode === 'integrity') {
    post({ type: 'done', result: integrityCheck(data.dbPath, data.nativeBinding) });
    return;
  }
  const file = data.file;
  // The worker's own connection, with its own context: the app's context is told when this one commits.
  // The app checked the file (quick_check) when it opened it; the worker does not pay for that again.
  const ctx = DbContext.open(data.dbPath, { nativeBinding: data.nativeBinding, mustExist: true, quickCheck: false });
  const db = ctx.read((r) => r.db);
  // A smaller page cache than the app's own connection: an import of a million rows stays within ~400 MB.
  db.pragma(`cache_size = -${IMPORT_CACHE_KB}`);
  try {
    const onProgress = (done: number, total: number) => post({ type: 'progress', done, total });
    const result =
      data.mode === 'preview' ? await previewFile(db, file, onProgress) : await commitFile(db, file, onProgress);
    post({ type: 'done', result });
  } catch (err) {
    post(
      err instanceof AppError
        ? { type: 'error', code: err.code, message: err.message }
        : {
            type: 'error',
            code: 'internal',
            message: `Importen misslyckades: ${(err as Error).message}. Inget har ändrats.`,
          },
    );
  } finally {
    ctx.close();
  }
}

void run();
