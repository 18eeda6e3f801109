/** Why a database file could not be opened, in Swedish: no English system text reaches a person. */
import fs from 'node:fs';
import path from 'node:path';

/** A reason known before SQLite is asked: a folder, a missing folder. Null when the path looks usable. */
export function pathProblem(file: string): string | null {
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(file);
  } catch {
    stat = null;
  }
  if (stat?.isDirectory()) return `Det är en mapp, inte en databasfil: ${file}`;
  if (stat && !stat.isFile()) return `Det är inte en vanlig fil: ${file}`;
  if (!stat && !fs.existsSync(path.dirname(path.resolve(file)))) {
    return `Mappen finns inte: ${path.dirname(path.resolve(file))}. Välj en befintlig mapp.`;
  }
  return null;
}

const SQLITE_REASONS: Record<string, string> = {
  SQLITE_NOTADB: 'filen är inte en SQLite-databas',
  SQLITE_CORRUPT: 'filen är skadad',
  SQLITE_CANTOPEN: 'filen kunde inte öppnas (saknas behörighet, eller är mappen skrivskyddad?)',
  SQLITE_READONLY: 'filen är skrivskyddad',
  SQLITE_PERM: 'behörighet saknas',
  SQLITE_BUSY: 'ett annat program håller filen låst',
  SQLITE_LOCKED: 'ett annat program håller filen låst',
  SQLITE_FULL: 'disken är full',
  SQLITE_IOERR: 'ett läs- eller skrivfel på disken',
};

/** SQLite's error as a Swedish reason (its code decides; its English message is never shown). */
export function sqliteReason(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    const base = Object.keys(SQLITE_REASONS).find((k) => code === k || code.startsWith(`${k}_`));
    if (base) return SQLITE_REASONS[base]!;
  }
  const message = (err as Error).message ?? '';
  if (/directory does not exist/i.test(message)) return 'mappen finns inte';
  if (/file is not a database/i.test(message)) return SQLITE_REASONS.SQLITE_NOTADB!;
  if (/unable to open/i.test(message)) return SQLITE_REASONS.SQLITE_CANTOPEN!;
  return 'okänt fel i databasmotorn';
}
