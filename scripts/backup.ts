/**
 * `npm run backup -- --db <file> [--dir <folder>]`: takes a backup of the database now (verified with
 * `PRAGMA quick_check`) and prints its absolute path on the last line. The database is only read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { backupFile } from '../src/core/db/backup';
import { pathProblem } from '../src/core/db/open-errors';

export interface CliResult {
  code: number;
  stdout: string;
}

const USAGE = 'npm run backup -- --db <fil> [--dir <mapp>]';

/** `--name value` pairs only; anything else is refused. */
export function parseOptions(args: string[], allowed: readonly string[]): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i]!;
    const value = args[i + 1];
    if (!name.startsWith('--') || !allowed.includes(name.slice(2))) return `okänt argument "${name}"`;
    if (value === undefined || value.startsWith('--')) return `${name} saknar värde`;
    if (name.slice(2) in out) return `${name} anges två gånger`;
    out[name.slice(2)] = value;
  }
  return out;
}

export async function runBackupCli(args: string[]): Promise<CliResult> {
  const fail = (message: string): CliResult => ({ code: 1, stdout: `Säkerhetskopieringen avbröts: ${message}` });
  const opts = parseOptions(args, ['db', 'dir']);
  if (typeof opts === 'string') return fail(`${opts}. Använd: ${USAGE}`);
  if (!opts.db) return fail(`ange databasen: ${USAGE}`);
  const dbFile = path.resolve(opts.db);
  const problem = pathProblem(dbFile);
  if (problem) return fail(problem);
  if (!fs.existsSync(dbFile)) return fail(`databasen finns inte: ${dbFile}`);
  if (opts.dir !== undefined && fs.existsSync(opts.dir) && !fs.statSync(opts.dir).isDirectory()) {
    return fail(`--dir är inte en mapp: ${path.resolve(opts.dir)}`);
  }
  try {
    const backup = await backupFile(dbFile, { dir: opts.dir, reason: 'manuell' });
    const lines = [
      `Säkerhetskopia av ${dbFile}:`,
      `  ${backup.incidentCount ?? 0} händelser, ${backup.bytes} byte, kontrollerad (quick_check ok)`,
      backup.path,
    ];
    return { code: 0, stdout: lines.join('\n') };
  } catch (err) {
    return fail((err as Error).message);
  }
}

if (require.main === module) {
  void runBackupCli(process.argv.slice(2)).then((result) => {
    console.log(result.stdout);
    process.exit(result.code);
  });
}
