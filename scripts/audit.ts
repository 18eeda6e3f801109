/**
 * `npm run audit -- --db <fil> --verify [--heads <datamapp> | --against <export.csv>]`: checks the audit log's
 * chain. Exit code 0 when it is intact, 1 with a line naming the first broken entry, 2 when it cannot check.
 * `--heads` compares with the chain head the app keeps in its data folder, `--against` with an export's.
 * `npm run audit -- --db <fil> --export <fil.csv>` writes the log as CSV. The database is only read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../src/core/db/connection';
import { pathProblem } from '../src/core/db/open-errors';
import { exportAuditCsv, headFromExport } from '../src/core/audit/export';
import { readHead } from '../src/core/audit/heads';
import { verifyAudit, verifySummary, type ChainHead } from '../src/core/audit/verify';

export interface CliResult {
  code: number;
  stdout: string;
}

const USAGE =
  'npm run audit -- --db <fil> --verify [--heads <datamapp> | --against <export.csv>] | --db <fil> --export <fil.csv>';
const VALUED = ['db', 'export', 'heads', 'against'];

function parse(args: string[]): { opts: Record<string, string>; verify: boolean } | string {
  const opts: Record<string, string> = {};
  let verify = false;
  for (let i = 0; i < args.length; i++) {
    const name = args[i]!;
    if (name === '--verify') {
      verify = true;
      continue;
    }
    if (!name.startsWith('--') || !VALUED.includes(name.slice(2))) return `okänt argument "${name}"`;
    const value = args[++i];
    if (value === undefined || value.startsWith('--')) return `${name} saknar värde`;
    if (name.slice(2) in opts) return `${name} anges två gånger`;
    opts[name.slice(2)] = value;
  }
  return { opts, verify };
}

export function runAuditCli(args: string[]): CliResult {
  const fail = (message: string): CliResult => ({
    code: 2,
    stdout: `Ändringsloggen kunde inte kontrolleras: ${message}`,
  });
  const parsed = parse(args);
  if (typeof parsed === 'string') return fail(`${parsed}. Använd: ${USAGE}`);
  const { opts, verify } = parsed;
  if (!opts.db) return fail(`ange databasen: ${USAGE}`);
  if (!verify && !opts.export) return fail(`ange --verify eller --export: ${USAGE}`);
  const dbFile = path.resolve(opts.db);
  const problem = pathProblem(dbFile);
  if (problem) return fail(problem);
  if (!fs.existsSync(dbFile)) return fail(`databasen finns inte: ${dbFile}`);
  try {
    let head: ChainHead | null = null;
    if (opts.heads) head = readHead(opts.heads, dbFile);
    if (opts.against) {
      head = headFromExport(opts.against);
      if (!head) return fail(`${path.resolve(opts.against)} har inget kedjehuvud`);
    }
    const db = openDatabase(dbFile, { readOnly: true, quickCheck: false });
    try {
      const lines: string[] = [];
      let code = 0;
      if (opts.export) {
        const rows = exportAuditCsv(db, path.resolve(opts.export));
        lines.push(`${rows} poster exporterade till ${path.resolve(opts.export)}`);
      }
      if (verify) {
        const result = verifyAudit(db, head);
        lines.push(verifySummary(result));
        for (const p of result.problems.slice(1, 20)) lines.push(`  ${p.message}`);
        code = result.ok ? 0 : 1;
      }
      return { code, stdout: lines.join('\n') };
    } finally {
      db.close();
    }
  } catch (err) {
    return fail((err as Error).message);
  }
}

if (require.main === module) {
  const result = runAuditCli(process.argv.slice(2));
  console.log(result.stdout);
  process.exit(result.code);
}
