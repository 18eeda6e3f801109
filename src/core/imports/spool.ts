/**
 * The file an import reads, copied to a private temporary folder before the import's write transaction
 * begins: a source that stalls (a network share that stops answering) then stalls only the copy, which the
 * user can cancel, never a transaction holding the database's write lock. The copy holds personal data: it
 * is removed when the import ends, however it ends.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../shared/errors';

export interface Spooled {
  /** The local copy (same base name, so the format is recognised as before). */
  path: string;
  remove(): void;
}

/** The same words as a cancel at any other moment of an import. */
export const IMPORT_CANCELLED = 'Importen avbröts. Inget har ändrats.';

/** Copies `file` (a regular file) to a new private folder; rejects with `cancelled` when `signal` aborts. */
export async function spoolForImport(file: string, signal: AbortSignal): Promise<Spooled> {
  if (signal.aborted) throw new AppError('cancelled', IMPORT_CANCELLED);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-import-'));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  const target = path.join(dir, path.basename(file));
  try {
    await pipeline(fs.createReadStream(file), fs.createWriteStream(target, { mode: 0o600 }), { signal });
    return { path: target, remove };
  } catch (err) {
    remove();
    if (signal.aborted) throw new AppError('cancelled', IMPORT_CANCELLED);
    throw new AppError(
      'validation',
      `Filen kunde inte läsas: ${file} (${(err as NodeJS.ErrnoException).code ?? 'läsfel'}).`,
    );
  }
}

/** Whether `file` is a regular file worth copying (anything else gets the importer's own message). */
export function isRegularFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
