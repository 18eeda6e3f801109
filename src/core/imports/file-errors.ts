/**
 * The file an import reads, checked before it is opened, and file-system errors as Swedish messages that
 * name the file: the user never sees "EISDIR: illegal operation on a directory, read" or "ENOENT".
 */
import fs from 'node:fs';
import { AppError } from '../../shared/errors';

/** A file-system error (from stat, open or read) as the message the user reads. */
export function fileError(err: unknown, file: string): AppError {
  if (err instanceof AppError) return err;
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const name = `"${file}"`;
  switch (code ?? '') {
    case 'ENOENT':
    case 'ENOTDIR':
      return new AppError('not_found', `Filen ${name} finns inte. Kontrollera sökvägen eller välj filen igen.`);
    case 'EISDIR':
      return new AppError('validation', `${name} är en mapp, inte en fil. Välj filen som ska importeras.`);
    case 'EACCES':
    case 'EPERM':
      return new AppError(
        'validation',
        `Filen ${name} kunde inte läsas: du saknar behörighet att läsa den. Ändra filens behörigheter eller kopiera den till en mapp du kan läsa.`,
      );
    case 'ENAMETOOLONG':
      return new AppError('validation', `Sökvägen ${name} är för lång. Flytta filen till en mapp med kortare sökväg.`);
    case 'ELOOP':
      return new AppError(
        'validation',
        `Sökvägen ${name} pekar på sig själv (en länk i en slinga) och kan inte läsas.`,
      );
    case 'EMFILE':
    case 'ENFILE':
      return new AppError(
        'internal',
        `Filen ${name} kunde inte öppnas: för många filer är öppna. Försök igen om en stund.`,
      );
    case 'EIO':
      return new AppError(
        'validation',
        `Filen ${name} kunde inte läsas: läsfel på disken eller nätverksenheten. Kopiera filen till datorn och försök igen.`,
      );
    default:
      return new AppError('validation', `Filen ${name} kunde inte läsas. Kontrollera att den finns och går att öppna.`);
  }
}

/**
 * Refuses what is not an ordinary file before it is opened: a folder, a named pipe or a device (opening a
 * pipe would wait forever for a writer), and a file that is missing or cannot be looked at. Returns its size.
 */
export function checkImportFile(file: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    throw fileError(err, file);
  }
  if (stat.isDirectory()) throw fileError(Object.assign(new Error(), { code: 'EISDIR' }), file);
  if (!stat.isFile()) {
    const what = stat.isFIFO() ? 'en namngiven pipe (FIFO)' : stat.isSocket() ? 'en socket' : 'en enhet';
    throw new AppError(
      'validation',
      `"${file}" är ingen vanlig fil utan ${what} och kan inte importeras. Välj filen som ska importeras.`,
    );
  }
  return stat.size;
}
