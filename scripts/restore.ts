/**
 * `npm run restore -- --from <backup> --db <file>`: backs up the current database ("före återställning"),
 * then replaces it with the backup's content. Both files are checked first; on any problem the database is
 * left as it was. Close Lägesbild (or open another file in it) before restoring.
 */
import fs from 'node:fs';
import path from 'node:path';
import { restoreBackup } from '../src/core/db/backup';
import { parseOptions, type CliResult } from './backup';

const USAGE = 'npm run restore -- --from <säkerhetskopia> --db <fil>';

export async function runRestoreCli(args: string[]): Promise<CliResult> {
  const fail = (message: string): CliResult => ({
    code: 1,
    stdout: `Återställningen avbröts: ${message}\nDatabasen har inte ändrats.`,
  });
  const opts = parseOptions(args, ['from', 'db']);
  if (typeof opts === 'string') return fail(`${opts}. Använd: ${USAGE}`);
  if (!opts.from || !opts.db) return fail(`ange både --from och --db: ${USAGE}`);
  const from = path.resolve(opts.from);
  const dbFile = path.resolve(opts.db);
  if (!fs.existsSync(from)) return fail(`säkerhetskopian finns inte: ${from}`);
  if (!fs.existsSync(dbFile)) return fail(`databasen finns inte: ${dbFile}`);
  try {
    const r = await restoreBackup(from, dbFile);
    const lines = [
      `Säkerhetskopia av den tidigare databasen (före återställning): ${r.safetyBackup.path}`,
      `Återställde ${dbFile} från ${r.restoredFrom} (${r.incidentCount} händelser).`,
    ];
    return { code: 0, stdout: lines.join('\n') };
  } catch (err) {
    return fail((err as Error).message);
  }
}

if (require.main === module) {
  void runRestoreCli(process.argv.slice(2)).then((result) => {
    console.log(result.stdout);
    process.exit(result.code);
  });
}
