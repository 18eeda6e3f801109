/**
 * `npm run report -- --template lagesbild|medborgarlofte|uppfoljning|medborgare|atgardsplan|overenskommelse
 * [--kommun <SCB-kod>] [--lpo <namn>] [--from ÅÅÅÅ-MM-DD --to ÅÅÅÅ-MM-DD] [--lofte <id>] [--report <id>]
 * [--db <fil>] [--format pdf|docx] [--mask-pii] [--publication] [--user "Namn"] --out <fil>`
 *
 * Renders a report exactly as the app does — the same operations (`reports.pii`, `reports.export`) on a
 * workspace opened on the file, printed by Chromium. `--report` prints a stored report (a fastställd one
 * as it was fastställd); otherwise the template's default content for the selection, stored nowhere.
 * A bad argument, personal data without `--mask-pii`, or any failure exits 1 with a Swedish message and
 * writes no file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../src/core/api/dispatch';
import { createHandlers } from '../src/core/api/handlers';
import { cliAuthor } from '../src/core/app/profile';
import { DEMO_FILE_NAME, Workspace } from '../src/core/app/workspace';
import type { ReportPrinter } from '../src/core/reports/printer';
import { describeHits } from '../src/core/reports/pii';
import { createChromiumPrinter } from '../src/host/printer';
import type { OpInput, OpName, OpOutput } from '../src/shared/api';
import { isValidDay } from '../src/shared/calendar';
import {
  FOLLOW_UP_KINDS,
  REPORT_TEMPLATES,
  type FollowUpKind,
  type PiiDecision,
  type ReportTemplate,
} from '../src/shared/report';
import type { ReportSource } from '../src/shared/report-api';

export interface CliResult {
  code: number;
  stdout: string;
}

const VALUED = [
  'template',
  'kommun',
  'lpo',
  'from',
  'to',
  'lofte',
  'report',
  'db',
  'format',
  'out',
  'user',
  'agreement',
];
const FLAGS = ['mask-pii', 'publication'];
const USAGE =
  'npm run report -- --template lagesbild|medborgarlofte|uppfoljning|medborgare|atgardsplan|overenskommelse ' +
  '[--kommun <SCB-kod>] [--lpo <namn>] [--from ÅÅÅÅ-MM-DD --to ÅÅÅÅ-MM-DD] [--lofte <id>] [--report <id>] ' +
  '[--db <fil>] [--format pdf|docx] [--mask-pii] [--publication] [--agreement <id>] ' +
  '[--kind kvartalsrapport|arsuppfoljning|slutrapport] --out <fil>';

class ArgError extends Error {}

function parse(args: readonly string[]): { values: Map<string, string>; flags: Set<string> } {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) throw new ArgError(`okänt argument "${a}"`);
    const name = a.slice(2);
    if (FLAGS.includes(name)) flags.add(name);
    else if (VALUED.includes(name)) {
      const v = args[i + 1];
      if (v === undefined || v.startsWith('--')) throw new ArgError(`--${name} saknar värde`);
      if (values.has(name)) throw new ArgError(`--${name} är angiven två gånger`);
      values.set(name, v);
      i++;
    } else throw new ArgError(`okänd flagga "${a}"`);
  }
  return { values, flags };
}

function positiveInt(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  if (!/^[1-9]\d{0,9}$/.test(v)) throw new ArgError(`--${name} ska vara ett id (ett positivt heltal), inte "${v}"`);
  return Number(v);
}

function day(v: string | undefined, name: string): string | undefined {
  if (v === undefined) return undefined;
  if (!isValidDay(v)) throw new ArgError(`--${name} ska vara ett datum på formen ÅÅÅÅ-MM-DD, inte "${v}"`);
  return v;
}

export interface ReportCliOptions {
  defaultDb?: string;
  /** The printer (tests share one Chromium); else one is launched and closed. */
  printer?: ReportPrinter;
  /** The clock (tests). */
  now?: () => Date;
}

export async function runReportCli(args: readonly string[], options: ReportCliOptions = {}): Promise<CliResult> {
  const fail = (message: string): CliResult => ({ code: 1, stdout: `Rapporten skapades inte: ${message}` });
  let parsed: ReturnType<typeof parse>;
  let out: string;
  let format: 'pdf' | 'docx';
  let dbFile: string;
  let source: ReportSource;
  let periodFromLofte = false;
  try {
    parsed = parse(args);
    const { values: v, flags } = parsed;
    const o = v.get('out');
    if (!o) throw new ArgError(`ange --out <fil>\n${USAGE}`);
    out = path.resolve(o);
    if (!fs.existsSync(path.dirname(out))) throw new ArgError(`mappen finns inte: ${path.dirname(out)}`);
    const f = v.get('format') ?? (out.toLowerCase().endsWith('.docx') ? 'docx' : 'pdf');
    if (f !== 'pdf' && f !== 'docx') throw new ArgError(`okänt format "${f}" (välj pdf eller docx)`);
    format = f;
    dbFile = path.resolve(v.get('db') ?? options.defaultDb ?? path.join(os.homedir(), '.lagesbild', DEMO_FILE_NAME));
    if (!fs.existsSync(dbFile)) throw new ArgError(`databasen finns inte: ${dbFile} (ange --db <fil>)`);
    const reportId = positiveInt(v.get('report'), 'report');
    const template = v.get('template');
    if (reportId !== undefined) {
      for (const n of ['kommun', 'lpo', 'from', 'to', 'lofte', 'agreement', 'template', 'kind']) {
        if (v.has(n)) throw new ArgError(`--${n} kan inte anges med --report (rapporten har sitt urval)`);
      }
      if (flags.has('publication')) throw new ArgError('--publication kan inte anges med --report');
      source = { id: reportId };
    } else {
      if (!template) throw new ArgError(`ange --template (${REPORT_TEMPLATES.join(', ')}) eller --report <id>`);
      if (!REPORT_TEMPLATES.includes(template as ReportTemplate)) {
        throw new ArgError(`okänd mall "${template}" (välj ${REPORT_TEMPLATES.join(', ')})`);
      }
      const kommun = v.get('kommun');
      const lpo = v.get('lpo');
      if (kommun && lpo) throw new ArgError('ange --kommun eller --lpo, inte båda');
      if (kommun !== undefined && !/^\d{4}$/.test(kommun)) {
        throw new ArgError(`--kommun ska vara SCB:s fyrsiffriga kommunkod (t.ex. 1276), inte "${kommun}"`);
      }
      const year = (options.now?.() ?? new Date()).getFullYear();
      const lofteId = positiveInt(v.get('lofte'), 'lofte');
      // Without --from/--to: the current year (a medborgarlöfte: the löfte's own period, filled in below).
      const fromGiven = day(v.get('from'), 'from');
      const toGiven = day(v.get('to'), 'to');
      periodFromLofte = template === 'medborgarlofte' && !fromGiven && !toGiven;
      const from = fromGiven ?? `${year}-01-01`;
      const to = toGiven ?? `${year}-12-31`;
      if (from > to) throw new ArgError(`--from (${from}) ligger efter --to (${to})`);
      const kind = v.get('kind');
      if (kind !== undefined && !FOLLOW_UP_KINDS.includes(kind as FollowUpKind)) {
        throw new ArgError(`okänd sorts uppföljning "${kind}" (välj ${FOLLOW_UP_KINDS.join(', ')})`);
      }
      if (kind !== undefined && template !== 'uppfoljning') throw new ArgError('--kind gäller bara mallen uppfoljning');
      if (template === 'medborgarlofte' && lofteId === undefined)
        throw new ArgError('medborgarlofte kräver --lofte <id>');
      if (!kommun && !lpo && lofteId === undefined) throw new ArgError('ange --kommun <SCB-kod> eller --lpo <namn>');
      source = {
        selection: {
          template: template as ReportTemplate,
          area: lpo ? { kind: 'lpo', lpo } : { kind: 'kommun', kommunCode: kommun ?? '' },
          from,
          to,
          lofteId,
          agreementId: positiveInt(v.get('agreement'), 'agreement'),
          followUpKind: kind as FollowUpKind | undefined,
          publication: flags.has('publication') || undefined,
        },
      };
    }
  } catch (err) {
    if (err instanceof ArgError) return fail(err.message);
    throw err;
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-report-'));
  const partial = `${out}.${process.pid}.part`;
  const printer = options.printer ?? createChromiumPrinter();
  const ws = new Workspace({
    dataDir,
    author: cliAuthor(parsed.values.get('user')),
    clock: options.now,
    platform: {
      choosePath: () => Promise.resolve(null),
      exportTarget: () => Promise.resolve({ path: partial, downloadUrl: null }),
      printer,
    },
  });
  const handlers = createHandlers(ws);
  const call = async <K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K>> => {
    const r = await dispatch(handlers, op, input, () => {});
    if (!r.ok) throw new Error(r.error.message);
    return r.value as OpOutput<K>;
  };
  try {
    ws.open(dbFile);
    // A kommun from the löfte when only --lofte was given (a medborgarlöfte names its kommun and period).
    const sel = 'selection' in source ? source.selection : null;
    if (sel?.lofteId !== undefined && ((sel.area.kind === 'kommun' && !sel.area.kommunCode) || periodFromLofte)) {
      const l = await call('loften.get', { id: sel.lofteId, by: 'period' });
      if (sel.area.kind === 'kommun' && !sel.area.kommunCode) {
        const ref = await call('reference.get', {});
        const code = ref.kommuner.find((k) => k.id === l.lofte.kommunId)?.scbCode;
        if (!code) return fail(`löftets kommun (id ${l.lofte.kommunId}) finns inte i databasen`);
        sel.area = { kind: 'kommun', kommunCode: code };
      }
      if (periodFromLofte) {
        sel.from = l.lofte.periodFrom;
        sel.to = l.lofte.periodTo;
      }
    }
    const hits = await call('reports.pii', { source });
    let decisions: PiiDecision[] = [];
    if (hits.length > 0) {
      if (!parsed.flags.has('mask-pii')) {
        return fail(
          `texterna innehåller ${hits.length} möjliga personuppgifter som måste granskas:\n${describeHits(hits)}\n` +
            'Granska dem i appen, eller kör igen med --mask-pii för att maskera alla.',
        );
      }
      decisions = hits.map((h) => ({ id: h.id, action: 'mask' as const }));
    }
    const result = await call('reports.export', { source, format, decisions });
    fs.renameSync(partial, out);
    const masked = decisions.length ? ` (${decisions.length} personuppgifter maskerade)` : '';
    return { code: 0, stdout: `Rapporten sparades: ${out}${masked} [${result.fileName}]` };
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err));
  } finally {
    fs.rmSync(partial, { force: true });
    await ws.close();
    if (!options.printer) await (printer as ReportPrinter & { close?: () => Promise<void> }).close?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void runReportCli(process.argv.slice(2)).then((result) => {
    (result.code === 0 ? console.log : console.error)(result.stdout);
    process.exit(result.code);
  });
}
