/**
 * `npm run import -- <file> [--format polisen|incidents|bra|scb|trygghet] [--db <file>] [--json] [--skip-invalid]
 * [--accept-warnings] [--year 2024] [--map occurredAt=Datum,kommun=Kommun,...] [--source est] [--user "Namn"]`: the same
 * pipeline as the app, headless. Exits 1 when the file was refused, also when it has warnings the app asks
 * the user to confirm (a file that may be cut short, a population that changes by more than half) and
 * `--accept-warnings` was not given.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DbContext } from '../src/core/app/context';
import { cliAuthor } from '../src/core/app/profile';
import { authorLabel } from '../src/shared/profile';
import { DEMO_FILE_NAME } from '../src/core/app/workspace';
import { commitImport, UnconfirmedWarningsError } from '../src/core/imports/pipeline';
import { IMPORT_FORMATS, type ImportFormat } from '../src/core/imports/types';
import type { ColumnMapping } from '../src/core/imports/incidents';
import type { Source } from '../src/shared/domain';

export interface CliResult {
  code: number;
  stdout: string;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function runImportCli(
  args: string[],
  defaultDb = path.join(os.homedir(), '.lagesbild', DEMO_FILE_NAME),
): Promise<CliResult> {
  const json = args.includes('--json');
  const valued = new Set(['--format', '--db', '--year', '--map', '--source', '--user']);
  const positional = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1] ?? ''));
  const fail = (message: string): CliResult => ({
    code: 1,
    stdout: json ? JSON.stringify({ error: message }) : `Importen avbröts: ${message}`,
  });
  const file = positional[0];
  if (!file) return fail('ange en fil: npm run import -- <fil> [--format polisen|bra|scb] [--db <fil>] [--json]');
  const format = option(args, 'format');
  if (format !== undefined && !IMPORT_FORMATS.includes(format as ImportFormat)) {
    return fail(`okänt format "${format}" (välj ${IMPORT_FORMATS.join(', ')})`);
  }
  const dbFile = option(args, 'db') ?? defaultDb;
  if (!fs.existsSync(file)) return fail(`filen finns inte: ${file}`);
  if (!fs.existsSync(dbFile)) return fail(`databasen finns inte: ${dbFile}`);
  const year = option(args, 'year');
  let ctx: DbContext;
  try {
    ctx = DbContext.open(dbFile, { mustExist: true });
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err));
  }
  const db = ctx.read((r) => r.db);
  try {
    const report = await commitImport(db, {
      fileName: path.basename(file),
      path: file,
      format: format as ImportFormat | undefined,
      skipInvalid: args.includes('--skip-invalid'),
      year: year ? Number(year) : undefined,
      mapping: parseMapping(option(args, 'map')),
      defaultSource: option(args, 'source') as Source | undefined,
      acceptWarnings: args.includes('--accept-warnings'),
      // Who imports: `--user "Namn"`, else the operating system's user name.
      by: authorLabel(cliAuthor(option(args, 'user'))),
    });
    const body = {
      added: report.added,
      updated: report.updated,
      duplicates: report.duplicates,
      skipped: report.skipped,
      warnings: report.warnings,
    };
    if (json) return { code: 0, stdout: JSON.stringify(body) };
    const lines = [
      `Import ${report.importId} (${report.format}) av ${path.basename(file)}:`,
      `  tillagda ${report.added}, uppdaterade ${report.updated}, dubbletter ${report.duplicates}, överhoppade ${report.skipped.length}`,
      ...report.skipped.slice(0, 20).map((s) => `  rad ${s.row}: ${s.reason}`),
      ...report.warnings.map((w) => `  varning: ${w}`),
    ];
    return { code: 0, stdout: lines.join('\n') };
  } catch (err) {
    if (err instanceof UnconfirmedWarningsError) {
      const warnings = err.warnings.map((w) => `  varning: ${w}`).join('\n');
      return json
        ? { code: 1, stdout: JSON.stringify({ error: err.message, confirmWarnings: err.warnings }) }
        : fail(
            `filen har varningar som måste bekräftas, inget har importerats:\n${warnings}\nKontrollera filen; stämmer den, kör igen med --accept-warnings.`,
          );
    }
    return fail(err instanceof Error ? err.message : String(err));
  } finally {
    ctx.close();
  }
}

/** `--map occurredAt=Datum,kommun=Kommun,...`: column mapping for incident spreadsheets. */
function parseMapping(raw: string | undefined): Partial<ColumnMapping> | undefined {
  if (!raw) return undefined;
  return Object.fromEntries(raw.split(',').map((pair) => pair.split('=').map((x) => x.trim()) as [string, string]));
}

if (require.main === module) {
  void runImportCli(process.argv.slice(2)).then((result) => {
    console.log(result.stdout);
    process.exit(result.code);
  });
}
