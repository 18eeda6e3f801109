/**
 * report.lagesbild_ms: a one-kommun, one-year lägesbild at the benchmark's size, PDF written — through the
 * app's own operation (`reports.export`: document built, personal-data review, printed by Chromium) on a
 * freshly opened database — beside the time the same figures take through the API (the dashboard, survey,
 * EST, walk and åtgärd operations the report's chapters correspond to), also on a freshly opened database.
 * Chromium is started before the clock runs (the app keeps it between reports).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { dispatch } from '../src/core/api/dispatch';
import { createHandlers, type Handlers } from '../src/core/api/handlers';
import { Workspace } from '../src/core/app/workspace';
import type { ReportPrinter } from '../src/core/reports/printer';
import type { OpInput, OpName, OpOutput } from '../src/shared/api';

export interface ReportTiming {
  reportMs: number;
  /** The document alone (figures built, nothing printed), on a freshly opened database. */
  documentMs: number;
  apiMs: number;
  pdfBytes: number;
  pages: number;
}

const YEAR = { from: '2026-01-01', to: '2026-12-31' };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function fresh(file: string, printer: ReportPrinter, out: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-bench-report-'));
  const ws = new Workspace({
    dataDir,
    clock: () => new Date('2026-11-22T10:00:00Z'),
    platform: {
      choosePath: () => Promise.resolve(null),
      exportTarget: () => Promise.resolve({ path: out, downloadUrl: null }),
      printer,
    },
  });
  ws.open(file);
  const handlers: Handlers = createHandlers(ws);
  const call = async <K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K>> => {
    const r = await dispatch(handlers, op, input, () => {});
    if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
    return r.value as OpOutput<K>;
  };
  const close = async () => {
    await ws.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { call, close };
}

export async function measureReport(file: string, printer: ReportPrinter, repeats: number): Promise<ReportTiming> {
  const out = path.join(os.tmpdir(), `lagesbild-bench-${process.pid}.pdf`);
  await printer.pdf({
    // Chromium started and warm: the app keeps its printer between reports.
    template: 'lagesbild',
    title: 'Uppvärmning',
    subtitle: '',
    areaName: '',
    kommunCodes: [],
    period: { from: YEAR.from, to: YEAR.to },
    periodLabel: '',
    dataAsOf: null,
    periodIncomplete: false,
    diarienummer: '',
    logo: null,
    draft: false,
    publication: false,
    decided: null,
    author: '',
    subject: '',
    generatedAt: new Date().toISOString(),
    chapters: [],
  });
  const reportRuns: number[] = [];
  const documentRuns: number[] = [];
  const apiRuns: number[] = [];
  let pages = 0;
  for (let i = 0; i < repeats; i++) {
    {
      const { call, close } = fresh(file, printer, out);
      const t0 = performance.now();
      await call('reports.export', {
        source: { selection: { template: 'lagesbild', area: { kind: 'kommun', kommunCode: '1276' }, ...YEAR } },
        format: 'pdf',
      });
      reportRuns.push(performance.now() - t0);
      pages = (await PDFDocument.load(fs.readFileSync(out), { updateMetadata: false })).getPageCount();
      await close();
    }
    {
      const { call, close } = fresh(file, printer, out);
      const t0 = performance.now();
      await call('reports.document', {
        source: { selection: { template: 'lagesbild', area: { kind: 'kommun', kommunCode: '1276' }, ...YEAR } },
      });
      documentRuns.push(performance.now() - t0);
      await close();
    }
    {
      const { call, close } = fresh(file, printer, out);
      const ref = await call('reference.get', {});
      const klippan = ref.kommuner.find((k) => k.scbCode === '1276')!;
      const lpoIds = [klippan.lpoId];
      const t0 = performance.now();
      const filter = { kommunIds: [klippan.id], fromDay: YEAR.from, toDay: YEAR.to };
      await call('dashboards.compare', { filter: { lpoIds, fromDay: YEAR.from, toDay: YEAR.to } });
      await call('dashboards.change', { filter, compareWith: 'lastYear' });
      await call('dashboards.trend', {
        filter: { kommunIds: [klippan.id], fromDay: '2022-01-01', toDay: YEAR.to },
        by: 'month',
      });
      await call('overview.get', {});
      await call('survey.get', {});
      await call('dashboards.est', { kommunId: klippan.id, cycle: 'tertial', day: '2026-10-31' });
      await call('walks.list', { kommunIds: [klippan.id] });
      await call('measures.list', { kommunIds: [klippan.id] });
      apiRuns.push(performance.now() - t0);
      await close();
    }
  }
  const bytes = fs.statSync(out).size;
  fs.rmSync(out, { force: true });
  return {
    reportMs: median(reportRuns),
    documentMs: median(documentRuns),
    apiMs: median(apiRuns),
    pdfBytes: bytes,
    pages,
  };
}
