/**
 * Import figures, per format: a file written in the format's own shape goes through the app's real import
 * path (the worker the UI uses: parse, dedupe, rows + FTS + rollups, import log) in a child process of its
 * own, whose peak RSS is the import's memory figure; beside it, a bare better-sqlite3 loop writes the same
 * rows into the same table (one prepared statement, one transaction).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../src/core/db/connection';
import type { NewIncident } from '../src/core/db/incident-repo';
import { generateDemoIncidents } from '../src/core/demo/generator';
import { DEMO_KOMMUNER } from '../src/core/demo/geography';
import { seedGeography } from '../src/core/demo/seed';
import { SWEDISH_MONTHS } from '../src/core/imports/polisen-time';
import type { ImportFormat as AnyFormat } from '../src/core/imports/types';
import { CATEGORIES, POLICE_TYPE_MAP, subcategoryLabel } from '../src/shared/taxonomy';
import { localDay, stockholmOffsetHours, utcToLocalInput } from '../src/shared/time';

/** The formats the benchmark measures (survey files are a few hundred lines: nothing to measure). */
type ImportFormat = Exclude<AnyFormat, 'trygghet'>;

/** A police event type for each category, so the file maps back onto the same categories. */
function typeFor(category: string): string {
  return Object.entries(POLICE_TYPE_MAP).find(([, [c]]) => c === category)?.[0] ?? 'Övrigt';
}

function feedTime(iso: string): string {
  const ms = Date.parse(iso);
  const offset = stockholmOffsetHours(ms);
  const local = new Date(ms + offset * 3600_000).toISOString();
  const hour = Number(local.slice(11, 13));
  return `${local.slice(0, 10)} ${hour}:${local.slice(14, 19)} +0${offset}:00`;
}

/** Writes lines to a file with back-pressure. */
export async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const out = fs.createWriteStream(file);
  for (const line of lines) {
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}

function demoRows(rows: number, kommunIds: Map<string, number>): Iterable<NewIncident> {
  return generateDemoIncidents({ rows, kommunIds });
}

/** `rows` events as the public feed writes them (unpadded hours, event time in `name`). */
export function* eventsFile(rows: number, kommunIds: Map<string, number>): Generator<string> {
  const names = new Map(DEMO_KOMMUNER.map((k) => [kommunIds.get(k.scbCode)!, k]));
  yield '[';
  let i = 0;
  for (const inc of demoRows(rows, kommunIds)) {
    const k = names.get(inc.kommunId)!;
    const local = utcToLocalInput(inc.occurredAt);
    const day = localDay(inc.occurredAt);
    const type = typeFor(inc.category);
    const name = `${day.slice(8, 10)} ${SWEDISH_MONTHS[Number(day.slice(5, 7)) - 1]} ${local.slice(11, 13)}.${local.slice(14, 16)}, ${type}, ${k.name}`;
    const event = {
      id: 1_000_000 + i,
      datetime: feedTime(inc.reportedAt),
      name,
      summary: inc.description,
      url: `/aktuellt/handelser/${1_000_000 + i}/`,
      type,
      location: { name: k.name, gps: `${k.lat},${k.lon}` },
    };
    yield (i === 0 ? '' : ',\n') + JSON.stringify(event);
    i++;
  }
  yield ']\n';
}

const csvCell = (s: string) => (/[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** An EST export: Swedish dates, decimal commas, semicolons, BOM, CRLF. */
export function* estFile(rows: number, kommunIds: Map<string, number>): Generator<string> {
  const names = new Map(DEMO_KOMMUNER.map((k) => [kommunIds.get(k.scbCode)!, k.name]));
  const categoryLabel = new Map(CATEGORIES.map((c) => [c.code, c.label]));
  yield '\uFEFFÄrendenummer;Händelsedatum;Tid;Kommun;Plats;Kategori;Underkategori;Beskrivning;Rapporterande organisation;Latitud;Longitud;Status\r\n';
  let i = 0;
  for (const inc of demoRows(rows, kommunIds)) {
    const local = utcToLocalInput(inc.occurredAt);
    const coord = (x: number | null) => (x === null ? '' : String(x).replace('.', ','));
    yield [
      `EST-${100_000 + i}`,
      local.slice(0, 10),
      local.slice(11, 16),
      names.get(inc.kommunId)!,
      inc.placeName,
      categoryLabel.get(inc.category)!,
      subcategoryLabel(inc.subcategory),
      inc.description,
      inc.reporterOrg,
      coord(inc.lat),
      coord(inc.lon),
      'Ny',
    ]
      .map(csvCell)
      .join(';')
      .concat('\r\n');
    i++;
  }
}

/** The whole country as Brå publishes it: 290 kommuner (9 of them in the database) and "Hela landet". */
function* braFile(): Generator<string> {
  yield '\uFEFFKommun;Antal;Per 100 000 inv.\r\n';
  for (let i = 0; i < 290; i++) {
    const name = i < DEMO_KOMMUNER.length ? `${DEMO_KOMMUNER[i]!.name}s kommun` : `Annan kommun ${i}`;
    yield `${name};${(1000 + i * 7).toLocaleString('sv-SE')};${(9000 + i).toLocaleString('sv-SE')},5\r\n`;
  }
  yield 'Hela landet;1 500 000;14 000\r\n';
}

/** SCB population from PX-Web, long format: 290 kommuner × 25 years. */
function* scbFile(): Generator<string> {
  yield '"region";"år";"Folkmängd"\n';
  for (let i = 0; i < 290; i++) {
    const region =
      i < DEMO_KOMMUNER.length ? `${DEMO_KOMMUNER[i]!.scbCode} ${DEMO_KOMMUNER[i]!.name}` : `${9000 + i} Annan`;
    for (let year = 2000; year < 2025; year++) yield `"${region}";"${year}";"${10_000 + i * 13 + year}"\n`;
  }
}

function freshDb(file: string): { db: Db; ids: Map<string, number> } {
  for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true });
  const db = openDatabase(file);
  const ids = seedGeography(db);
  return { db, ids };
}

/** The bare loop: the same incidents, one prepared INSERT, one transaction. */
function bareIncidents(db: Db, rows: Iterable<NewIncident>): number {
  const insert = db.prepare(
    `INSERT INTO incident (source, source_ref, category, subcategory, occurred_at, reported_at, kommun_id, lpo_id, place_id, place_name, lat, lon, precision, description, reporter_org, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT lpo_id FROM kommun WHERE id = ?), NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let n = 0;
  db.transaction(() => {
    let i = 0;
    for (const r of rows) {
      insert.run(
        r.source,
        String(1_000_000 + i++),
        r.category,
        r.subcategory,
        r.occurredAt,
        r.reportedAt,
        r.kommunId,
        r.kommunId,
        r.placeName,
        r.lat,
        r.lon,
        r.precision,
        r.description,
        r.reporterOrg,
        'ny',
        r.reportedAt,
        r.reportedAt,
      );
      n++;
    }
  })();
  return n;
}

/** The bare loop for yearly statistics: the same number of upserts the import made. */
function bareUpserts(db: Db, format: 'bra' | 'scb', n: number, ids: number[]): void {
  const put =
    format === 'bra'
      ? db.prepare(
          `INSERT INTO bra_reported_crime (kommun_id, year, count, per_100k) VALUES (?, ?, ?, ?)
           ON CONFLICT (kommun_id, year) DO UPDATE SET count = excluded.count, per_100k = excluded.per_100k`,
        )
      : db.prepare(
          `INSERT INTO population (kommun_id, year, population, ref_date, source) VALUES (?, ?, ?, ?, 'bench')
           ON CONFLICT (kommun_id, year) DO UPDATE SET population = excluded.population`,
        );
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const kommun = ids[i % ids.length]!;
      const year = 2000 + Math.floor(i / ids.length);
      if (format === 'bra') put.run(kommun, year, 1000 + i, 9000.5);
      else put.run(kommun, year, 10_000 + i, `${year}-12-31`);
    }
  })();
}

export interface ImportTiming {
  format: ImportFormat;
  /** Rows in the file (events, spreadsheet rows, kommun lines). */
  fileRows: number;
  fileMb: number;
  /** Rows the import wrote (added or updated). */
  written: number;
  realMs: number;
  bareMs: number;
  /** Peak RSS of the process that ran the import (main thread + import worker). */
  peakRssMb: number;
}

const CHILD = path.join(__dirname, 'import-child.ts');

/** Runs the import in a child process (real worker path) and returns what it reports. */
export function runChild(dbPath: string, file: string, format: ImportFormat, year?: number) {
  const args = ['--import', 'tsx', CHILD, dbPath, file, format, ...(year ? [String(year)] : [])];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !line.startsWith('{')) {
    throw new Error(`importen i barnprocessen misslyckades: ${child.stderr || child.stdout}`);
  }
  return JSON.parse(line) as { added: number; updated: number; ms: number; maxRssMb: number };
}

export async function measureImport(format: ImportFormat, rows: number): Promise<ImportTiming> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-bench-import-'));
  try {
    const realFile = path.join(dir, 'real.sqlite');
    const { db: realDb, ids } = freshDb(realFile);
    realDb.close();
    const file = path.join(dir, format === 'polisen' ? 'handelser.json' : `${format}.csv`);
    const lines =
      format === 'polisen'
        ? eventsFile(rows, ids)
        : format === 'incidents'
          ? estFile(rows, ids)
          : format === 'bra'
            ? braFile()
            : scbFile();
    await writeLines(file, lines);
    const fileRows = format === 'bra' ? 291 : format === 'scb' ? 290 * 25 : rows;

    const real = runChild(realFile, file, format, format === 'bra' ? 2024 : undefined);
    const written = real.added + real.updated;
    if ((format === 'polisen' || format === 'incidents') && written !== rows) {
      throw new Error(`importen lade till ${written} av ${rows} rader`);
    }

    const { db: bare, ids: bareIds } = freshDb(path.join(dir, 'bare.sqlite'));
    const t0 = performance.now();
    if (format === 'polisen' || format === 'incidents') {
      const source = format === 'polisen' ? 'polisens_handelse' : 'est';
      bareIncidents(
        bare,
        (function* () {
          for (const r of demoRows(rows, bareIds)) yield { ...r, source } as NewIncident;
        })(),
      );
    } else bareUpserts(bare, format, written, [...bareIds.values()]);
    const bareMs = performance.now() - t0;
    bare.close();
    return {
      format,
      fileRows,
      fileMb: fs.statSync(file).size / 2 ** 20,
      written,
      realMs: real.ms,
      bareMs,
      peakRssMb: real.maxRssMb,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
