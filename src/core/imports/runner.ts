/** Runs one import in a worker thread (see worker-entry.ts), with progress and cancel. */
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import type { ImportPreview, ImportReport } from '../../shared/imports';
import type { FileImport } from './service';
import type { ImportWorkerData, ImportWorkerMessage } from './worker-entry';
import type { IntegrityResult } from '../db/integrity';

export interface WorkerScript {
  /** The worker's entry file: the built `import-worker.js`, or the TypeScript source. */
  path: string;
  /** A module to require first, e.g. 'tsx/cjs' so the TypeScript source loads (host, tests). */
  register?: string;
}

export interface RunOptions {
  script: WorkerScript;
  dbPath: string;
  nativeBinding?: string | undefined;
  file: FileImport;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export function runImportInWorker(o: RunOptions): Promise<ImportReport> {
  return runInWorker(o, 'commit') as Promise<ImportReport>;
}

/** The preview of a file, read and checked in the worker: a large file never blocks the app's main thread. */
export function previewInWorker(o: RunOptions): Promise<ImportPreview> {
  return runInWorker(o, 'preview') as Promise<ImportPreview>;
}

/** `PRAGMA integrity_check` in the worker: seconds for a large file, and the app's main thread never waits. */
export function integrityInWorker(o: Omit<RunOptions, 'file'>): Promise<IntegrityResult> {
  return runInWorker(o, 'integrity') as Promise<IntegrityResult>;
}

function runInWorker(
  o: Omit<RunOptions, 'file'> & { file?: RunOptions['file'] },
  mode: ImportWorkerData['mode'],
): Promise<ImportReport | ImportPreview | IntegrityResult> {
  return new Promise((resolve, reject) => {
    const base = { dbPath: o.dbPath, nativeBinding: o.nativeBinding };
    const workerData: ImportWorkerData = mode === 'integrity' ? { ...base, mode } : { ...base, file: o.file!, mode };
    const worker = o.script.register
      ? new Worker(`require(${JSON.stringify(o.script.register)}); require(${JSON.stringify(o.script.path)});`, {
          eval: true,
          workerData,
        })
      : new Worker(o.script.path, { workerData });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      o.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () => {
      const message = mode === 'preview' ? 'Läsningen av filen avbröts.' : 'Importen avbröts. Inget har ändrats.';
      settle(() => reject(new AppError('cancelled', message)));
      void worker.terminate();
    };
    if (o.signal?.aborted) return onAbort();
    o.signal?.addEventListener('abort', onAbort);
    worker.on('message', (m: ImportWorkerMessage) => {
      if (m.type === 'progress') o.onProgress?.(m.done, m.total);
      else if (m.type === 'done') settle(() => resolve(m.result));
      else settle(() => reject(new AppError(m.code, m.message)));
    });
    worker.on('error', (err) =>
      settle(() => reject(new AppError('internal', `Importen misslyckades: ${err.message}. Inget har ändrats.`))),
    );
    worker.on('exit', (code) => {
      if (code !== 0) settle(() => reject(new AppError('internal', 'Importen avbröts oväntat. Inget har ändrats.')));
    });
  });
}
