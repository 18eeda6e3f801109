/**
 * `npm run bench [-- --large] [-- --sizes 100000,1000000]`: each figure beside a raw baseline from the
 * same run. Prints a table and writes bench/results.json. Not part of `npm test` (a smoke run is).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dataset } from './datasets';
import { measureDashboards, type DashboardTiming } from './dashboard';
import { measureGrid } from './grid';
import { measureImport, type ImportTiming } from './import';
import { measureXlsxImport, xlsxFigures } from './xlsx';
import { measureFirstRows, rendererBuilt } from './ui';
import { measureReport, type ReportTiming } from './report';
import { measureMap, type MapTiming } from './map';
import { createChromiumPrinter } from '../src/host/printer';

export interface BenchResult {
  name: string;
  rows: number;
  value: number | null;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  target: string;
  ok: boolean;
  note?: string;
}

export interface BenchOptions {
  sizes: number[];
  /** Size the UI figure compares the largest size against. */
  uiSmallRows: number;
  dataDir: string;
  out: string;
  repeats: number;
  ui: boolean;
  /** Only one part of the benchmark (`--only grid|import|xlsx|ui|report|map`); its figures replace their namesakes in results.json. */
  only?: 'grid' | 'import' | 'xlsx' | 'ui' | 'report' | 'map' | undefined;
  log: (m: string) => void;
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** The dashboards' queries on the rollups vs a naive GROUP BY over the incident table. */
function dashboardFigures(rows: number, timings: DashboardTiming[]): BenchResult[] {
  const worst = timings.reduce((w, t) => (t.rollupMs / t.naiveMs > w.rollupMs / w.naiveMs ? t : w));
  const slowest = timings.reduce((w, t) => (t.rollupMs > w.rollupMs ? t : w));
  const note = timings.map((t) => `${t.name} ${round(t.rollupMs, 1)}/${round(t.naiveMs, 1)} ms`).join('; ');
  return [
    {
      name: 'dashboard.compare_vs_naive',
      rows,
      value: round(worst.rollupMs),
      unit: 'ms',
      baseline: round(worst.naiveMs),
      ratio: round(worst.rollupMs / worst.naiveMs, 3),
      target: 'ratio ≤ 0.1',
      ok: worst.rollupMs / worst.naiveMs <= 0.1,
      note: `sämst kvot: ${worst.name}; rollups/naiv: ${note}`,
    },
    {
      name: 'dashboard.max_ms',
      rows,
      value: round(slowest.rollupMs),
      unit: 'ms',
      baseline: null,
      ratio: null,
      target: '< 100',
      ok: slowest.rollupMs < 100,
      note: `långsammast: ${slowest.name} (frågan i kärnan, utan gränssnitt)`,
    },
  ];
}

export async function runBench(o: BenchOptions): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const files = new Map<number, string>();
  for (const rows of [...new Set([...o.sizes, ...(o.ui && (!o.only || o.only === 'ui') ? [o.uiSmallRows] : [])])].sort(
    (a, b) => a - b,
  )) {
    if (o.only === 'import' || o.only === 'xlsx') break; // imports write their own files
    files.set(rows, await dataset(o.dataDir, rows, o.log));
  }
  const want = (part: 'grid' | 'import' | 'ui' | 'report' | 'map') => !o.only || o.only === part;
  const printer = want('report') ? createChromiumPrinter() : null;
  for (const rows of o.sizes) {
    if (printer) {
      o.log(`mäter report.lagesbild_ms på ${rows} rader`);
      results.push(reportFigure(rows, await measureReport(files.get(rows)!, printer, Math.min(o.repeats, 3))));
    }
    if (want('map')) {
      o.log(`mäter kartor på ${rows} rader`);
      results.push(...mapFigures(rows, measureMap(files.get(rows)!, o.repeats)));
    }
    if (o.only === 'xlsx') {
      o.log(`mäter import (xlsx) på ${rows} rader`);
      results.push(...xlsxFigures(await measureXlsxImport(o.dataDir, rows, o.log)));
    }
    if (!want('grid')) {
      if (want('import')) await importsAt(rows);
      continue;
    }
    o.log(`mäter grid.page på ${rows} rader`);
    const grid = await measureGrid(files.get(rows)!, o.repeats);
    const worst = grid.reduce(
      (w, g) => {
        const ratio = Math.max(g.deep50Ms, g.deep95Ms) / g.firstMs;
        return ratio > w.ratio ? { ratio, g } : w;
      },
      { ratio: 0, g: grid[0]! },
    );
    const all = grid.flatMap((g) => [g.firstMs, g.deep50Ms, g.deep95Ms]).sort((a, b) => a - b);
    const medianMs = all[Math.floor(all.length / 2)]!;
    const deepWorst = Math.max(worst.g.deep50Ms, worst.g.deep95Ms);
    results.push({
      name: 'grid.page.deep_vs_first',
      rows,
      value: round(deepWorst),
      unit: 'ms',
      baseline: round(worst.g.firstMs),
      ratio: round(worst.ratio),
      target: 'ratio ≤ 2',
      ok: worst.ratio <= 2,
      note: `sämst: ${worst.g.name}; ${grid.map((g) => `${g.name} ${round(g.firstMs, 1)}/${round(g.deep50Ms, 1)}/${round(g.deep95Ms, 1)} ms`).join('; ')}`,
    });
    results.push({
      name: 'grid.page.median_ms',
      rows,
      value: round(medianMs),
      unit: 'ms',
      baseline: null,
      ratio: null,
      target: '≤ 5',
      ok: medianMs <= 5,
      note: `median av ${all.length} sidor (första, 50 %, 95 %) över ${grid.length} kombinationer`,
    });
    if (want('import')) await importsAt(rows);
    o.log(`mäter instrumentpaneler på ${rows} rader`);
    results.push(...dashboardFigures(rows, measureDashboards(files.get(rows)!, o.repeats)));
  }
  async function importsAt(rows: number) {
    for (const format of ['polisen', 'incidents'] as const) {
      o.log(`mäter import (${format}) på ${rows} rader`);
      results.push(...importFigures(await measureImport(format, rows)));
    }
    o.log(`mäter import (xlsx) på ${rows} rader`);
    results.push(...xlsxFigures(await measureXlsxImport(o.dataDir, rows, o.log)));
  }
  if (want('import')) {
    for (const format of ['bra', 'scb'] as const) {
      o.log(`mäter import (${format}) av en fil för hela landet`);
      results.push(...importFigures(await measureImport(format, 0)));
    }
  }
  if (o.ui && want('ui')) {
    const big = Math.max(...o.sizes);
    if (!rendererBuilt()) throw new Error('out/renderer saknas: kör npm run build först.');
    o.log(`mäter ui.first_rows: ${big} mot ${o.uiSmallRows} rader`);
    const large = await measureFirstRows(files.get(big)!, o.repeats);
    const small = await measureFirstRows(files.get(o.uiSmallRows)!, o.repeats);
    results.push({
      name: `ui.first_rows_${label(big)}_vs_${label(o.uiSmallRows)}`,
      rows: big,
      value: round(large),
      unit: 'ms',
      baseline: round(small),
      ratio: round(large / small),
      target: 'ratio ≤ 1.5',
      ok: large / small <= 1.5,
    });
  }
  await printer?.close();
  fs.mkdirSync(path.dirname(o.out), { recursive: true });
  fs.writeFileSync(o.out, JSON.stringify(o.only ? mergedWithEarlier(o.out, results) : results, null, 2) + '\n');
  return results;
}

/** With `--only`, the other figures of an earlier run stay in the file; these replace their namesakes. */
function mergedWithEarlier(file: string, results: BenchResult[]): BenchResult[] {
  let earlier: BenchResult[] = [];
  try {
    earlier = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResult[];
  } catch {
    earlier = [];
  }
  const fresh = new Set(results.map((r) => `${r.name}@${r.rows}`));
  return [...earlier.filter((r) => !fresh.has(`${r.name}@${r.rows}`)), ...results];
}

function mapFigures(rows: number, t: MapTiming): BenchResult[] {
  return [
    {
      name: 'map.render_ms',
      rows,
      value: round(t.renderMs, 1),
      unit: 'ms',
      baseline: round(t.rawMs, 1),
      ratio: round(t.renderMs / t.rawMs, 1),
      target: '< 200',
      ok: t.renderMs < 200,
      note: `koropletkarta + platskarta, LPO Klippan 1 nov 2025–31 okt 2026 (${t.rowsInSelection} händelser): siffror, kartspec och SVG (${round(t.svgBytes / 1024, 0)} kB) mot en rå count(*) över samma rader; nyöppnad databas`,
    },
    {
      name: 'map.hotspots_ms',
      rows,
      value: round(t.hotspotMs, 0),
      unit: 'ms',
      baseline: round(t.hotspotRawMs, 0),
      ratio: round(t.hotspotMs / t.hotspotRawMs, 1),
      target: '< 1000',
      ok: t.hotspotMs < 1000,
      note: `Gi* + BH över alla ${t.points} händelser med plats- eller exakt position (alla LPO, alla år; ${t.tested} rutor om 250 m, ${t.marked} markerade; positionerna läses i ett aggregat) mot att bara läsa samma positioner rad för rad`,
    },
  ];
}

function reportFigure(rows: number, t: ReportTiming): BenchResult {
  return {
    name: 'report.lagesbild_ms',
    rows,
    value: round(t.reportMs, 0),
    unit: 'ms',
    baseline: round(t.apiMs, 0),
    ratio: round(t.reportMs / t.apiMs, 1),
    target: '≤ 5000',
    ok: t.reportMs <= 5000,
    note: `lägesbild Klippan 2026 som PDF (${t.pages} sidor, ${round(t.pdfBytes / 1024, 0)} kB; dokumentet ensamt ${round(t.documentMs, 0)} ms) genom reports.export mot samma siffror genom API:t (compare, change, trend, översikt, trygghet, EST, vandringar, åtgärder); båda på nyöppnad databas, Chromium redan startad`,
  };
}

const FORMAT_NOTE = {
  polisen: 'Polisens händelser (JSON)',
  incidents: 'händelser från CSV (EST-export)',
  bra: 'Brå anmälda brott, hela landet (290 kommuner + Hela landet; 9 finns i databasen)',
  scb: 'SCB folkmängd, hela landet i långt format (290 kommuner × 25 år; 9 finns i databasen)',
};

/** Throughput and peak memory for incident files; the time a whole yearly-statistics file takes for the others. */
function importFigures(t: ImportTiming): BenchResult[] {
  const mb = `${round(t.fileMb, 1)} MB`;
  if (t.format === 'bra' || t.format === 'scb') {
    return [
      {
        name: `import.${t.format}.file_ms`,
        rows: t.fileRows,
        value: round(t.realMs, 0),
        unit: 'ms',
        baseline: round(t.bareMs, 1),
        ratio: round(t.realMs / t.bareMs, 0),
        target: '≤ 1000',
        ok: t.realMs <= 1000,
        note: `${FORMAT_NOTE[t.format]}, ${mb}, ${t.written} rader skrivna, genom importtråden (start ingår) mot en rå upsert-loop med lika många rader; högsta RSS ${round(t.peakRssMb, 0)} MB`,
      },
    ];
  }
  const real = t.fileRows / (t.realMs / 1000);
  const bare = t.fileRows / (t.bareMs / 1000);
  const prefix = t.format === 'polisen' ? 'import' : `import.${t.format}`;
  return [
    {
      name: `${prefix}.throughput`,
      rows: t.fileRows,
      value: Math.round(real),
      unit: 'rader/s',
      baseline: Math.round(bare),
      ratio: round(real / bare),
      target: 'ratio ≥ 0.6',
      ok: real / bare >= 0.6,
      note: `${FORMAT_NOTE[t.format]}, ${mb}, genom importtråden mot en rå INSERT-loop i samma tabell`,
    },
    {
      name: `${prefix}.peak_rss_mb`,
      rows: t.fileRows,
      value: round(t.peakRssMb, 0),
      unit: 'MB',
      baseline: null,
      ratio: null,
      target: '< 400',
      ok: t.peakRssMb < 400,
      note: `högsta RSS för processen som körde importen (huvudtråd + importtråd), ${FORMAT_NOTE[t.format]}, ${mb}`,
    },
  ];
}

function label(rows: number): string {
  return rows >= 1_000_000 ? `${rows / 1_000_000}m` : rows >= 1000 ? `${rows / 1000}k` : String(rows);
}

export function formatTable(results: BenchResult[]): string {
  const head = ['figur', 'rader', 'värde', 'baslinje', 'kvot', 'mål', 'status'];
  const rows = results.map((r) => [
    r.name,
    String(r.rows),
    r.value === null ? '–' : `${r.value} ${r.unit}`,
    r.baseline === null ? '–' : `${r.baseline} ${r.unit}`,
    r.ratio === null ? '–' : String(r.ratio),
    r.target,
    r.value === null ? 'SAKNAS' : r.ok ? 'ok' : 'MISSAR MÅLET',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const sizes = arg('sizes')?.split(',').map(Number) ?? [100_000, 1_000_000];
  if (process.argv.includes('--large')) sizes.push(10_000_000);
  const started = Date.now();
  const out = arg('out') ?? path.join(__dirname, 'results.json');
  const results = await runBench({
    sizes,
    uiSmallRows: 1000,
    dataDir: arg('data-dir') ?? path.join(__dirname, 'data'),
    out,
    repeats: Number(arg('repeats') ?? 5),
    ui: !process.argv.includes('--no-ui'),
    only: arg('only') as BenchOptions['only'],
    log: (m) => console.log(m),
  });
  console.log(`\n${formatTable(results)}\n`);
  console.log(
    `Maskin: ${os.cpus().length} kärnor, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
  );
  console.log(`Tid: ${((Date.now() - started) / 1000).toFixed(0)} s. Resultat: ${path.relative(process.cwd(), out)}`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`Fel: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
