/**
 * Import of an incident workbook (.xlsx): an EST export saved from Excel (shared strings, date cells, numbers),
 * built once with exceljs's streaming writer and kept in bench/data. The app's real import (the worker the UI
 * uses) runs in a child process of its own, whose peak RSS is the figure; beside it, the raw baseline: the same
 * workbook's rows streamed through exceljs's WorkbookReader without importing (also in a child process).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openDatabase } from '../src/core/db/connection';
import { generateDemoIncidents } from '../src/core/demo/generator';
import { DEMO_KOMMUNER } from '../src/core/demo/geography';
import { seedGeography } from '../src/core/demo/seed';
import { CATEGORIES, subcategoryLabel } from '../src/shared/taxonomy';
import { utcToLocalInput } from '../src/shared/time';
import { runChild } from './import';

const HEADER = [
  'Ärendenummer',
  'Händelsedatum',
  'Tid',
  'Kommun',
  'Plats',
  'Kategori',
  'Underkategori',
  'Beskrivning',
  'Rapporterande organisation',
  'Latitud',
  'Longitud',
  'Status',
];

/** The workbook for `rows` incidents, written once (bump the version when its content changes). */
export async function xlsxDataset(dir: string, rows: number, log: (m: string) => void): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `est-${rows}-v1.xlsx`);
  if (fs.existsSync(file)) return file;
  log(`bygger arbetsbok: ${rows} händelser → ${file}`);
  const started = Date.now();
  const kommunIds = new Map(DEMO_KOMMUNER.map((k, i) => [k.scbCode, i + 1]));
  const names = new Map(DEMO_KOMMUNER.map((k, i) => [i + 1, k.name]));
  const categoryLabel = new Map(CATEGORIES.map((c) => [c.code, c.label]));
  const partial = `${file}.part`;
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: partial, useSharedStrings: true, useStyles: true });
  const sheet = book.addWorksheet('Händelser');
  sheet.addRow(HEADER).commit();
  let i = 0;
  for (const inc of generateDemoIncidents({ rows, kommunIds })) {
    const local = utcToLocalInput(inc.occurredAt);
    const row = sheet.addRow([
      `EST-${100_000 + i++}`,
      new Date(`${local.slice(0, 10)}T00:00:00Z`),
      local.slice(11, 16),
      names.get(inc.kommunId)!,
      inc.placeName,
      categoryLabel.get(inc.category)!,
      subcategoryLabel(inc.subcategory),
      inc.description,
      inc.reporterOrg,
      inc.lat,
      inc.lon,
      'Ny',
    ]);
    row.getCell(2).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  sheet.commit();
  await book.commit();
  fs.renameSync(partial, file);
  log(`  klart på ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return file;
}

export interface XlsxTiming {
  rows: number;
  fileMb: number;
  written: number;
  realMs: number;
  peakRssMb: number;
  rawMs: number;
  rawPeakRssMb: number;
}

/** The raw baseline: the workbook's rows streamed through exceljs's WorkbookReader, nothing else. */
function rawChild(file: string): { rows: number; ms: number; maxRssMb: number } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'xlsx-child.ts'), file], {
    encoding: 'utf8',
  });
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !line.startsWith('{')) throw new Error(`rålasningen misslyckades: ${child.stderr}`);
  return JSON.parse(line) as { rows: number; ms: number; maxRssMb: number };
}

export async function measureXlsxImport(dataDir: string, rows: number, log: (m: string) => void): Promise<XlsxTiming> {
  const file = await xlsxDataset(dataDir, rows, log);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-bench-xlsx-'));
  try {
    const dbPath = path.join(dir, 'real.sqlite');
    const db = openDatabase(dbPath);
    seedGeography(db);
    db.close();
    const real = runChild(dbPath, file, 'incidents');
    const written = real.added + real.updated;
    if (written !== rows) throw new Error(`importen lade till ${written} av ${rows} rader`);
    const raw = rawChild(file);
    if (raw.rows !== rows + 1) throw new Error(`rålasningen gav ${raw.rows} rader, väntade ${rows + 1}`);
    return {
      rows,
      fileMb: fs.statSync(file).size / 2 ** 20,
      written,
      realMs: real.ms,
      peakRssMb: real.maxRssMb,
      rawMs: raw.ms,
      rawPeakRssMb: raw.maxRssMb,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** Peak memory (the figure) and throughput, each beside the raw WorkbookReader's. */
export function xlsxFigures(t: XlsxTiming) {
  const mb = `${round(t.fileMb, 1)} MB`;
  const real = t.rows / (t.realMs / 1000);
  const raw = t.rows / (t.rawMs / 1000);
  return [
    {
      name: 'import.xlsx.peak_rss_mb',
      rows: t.rows,
      value: round(t.peakRssMb, 0),
      unit: 'MB',
      baseline: round(t.rawPeakRssMb, 0),
      ratio: round(t.peakRssMb / t.rawPeakRssMb),
      target: '< 400',
      ok: t.peakRssMb < 400,
      note: `högsta RSS för processen som körde importen (huvudtråd + importtråd), EST-export som Excel-arbetsbok (delade strängar, datumceller), ${mb}; baslinje: samma rader strömmade genom exceljs WorkbookReader utan import`,
    },
    {
      name: 'import.xlsx.throughput',
      rows: t.rows,
      value: Math.round(real),
      unit: 'rader/s',
      baseline: Math.round(raw),
      ratio: round(real / raw),
      target: 'ratio ≥ 0.5',
      ok: real / raw >= 0.5,
      note: `${mb}, genom importtråden (läsning, kontroll, skrivning) mot bara läsningen med exceljs WorkbookReader`,
    },
  ];
}
