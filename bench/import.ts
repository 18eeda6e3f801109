/**
 * import.throughput and import.peak_rss_mb: a Polisens-händelser file through the app's real import path
 * (the worker the UI uses: parse, dedupe, rows + FTS + rollups, import log) vs a bare better-sqlite3 loop
 * inserting the same rows into the same table (one prepared statement, one transaction).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/core/db/connection';
import type { NewIncident } from '../src/core/db/incident-repo';
import { generateDemoIncidents } from '../src/core/demo/generator';
import { DEMO_KOMMUNER } from '../src/core/demo/geography';
import { seedGeography } from '../src/core/demo/seed';
import { SWEDISH_MONTHS } from '../src/core/imports/polisen-time';
import { runImportInWorker } from '../src/core/imports/runner';
import { POLICE_TYPE_MAP } from '../src/shared/taxonomy';
import { localDay, stockholmOffsetHours, utcToLocalInput } from '../src/shared/time';

const WORKER = { path: path.resolve(__dirname, '../src/core/imports/worker-entry.ts'), register: 'tsx/cjs' };

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

/** Writes `rows` events as the public feed would (unpadded hours, event time in `name`), streamed out. */
export async function writeEventsFile(
  file: string,
  rows: number,
  kommunIds: Map<string, number>,
): Promise<NewIncident[]> {
  const names = new Map(DEMO_KOMMUNER.map((k) => [kommunIds.get(k.scbCode)!, k]));
  const out = fs.createWriteStream(file);
  const incidents: NewIncident[] = [];
  out.write('[');
  let i = 0;
  for (const inc of generateDemoIncidents({ rows, kommunIds })) {
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
    const chunk = (i === 0 ? '' : ',\n') + JSON.stringify(event);
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
    incidents.push({ ...inc, sourceRef: String(event.id), source: 'polisens_handelse' });
    i++;
  }
  out.write(']\n');
  await new Promise<void>((r) => out.end(() => r()));
  return incidents;
}

function freshDb(file: string) {
  for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true });
  const db = openDatabase(file);
  const ids = seedGeography(db);
  return { db, ids };
}

export interface ImportTiming {
  realRowsPerSec: number;
  bareRowsPerSec: number;
  peakRssMb: number;
}

export async function measureImport(rows: number): Promise<ImportTiming> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-bench-import-'));
  try {
    const realFile = path.join(dir, 'real.sqlite');
    const { db: realDb, ids } = freshDb(realFile);
    realDb.close();
    const eventsFile = path.join(dir, 'handelser.json');
    const incidents = await writeEventsFile(eventsFile, rows, ids);

    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = performance.now();
    const report = await runImportInWorker({ script: WORKER, dbPath: realFile, file: { path: eventsFile } });
    const realMs = performance.now() - started;
    clearInterval(sampler);
    if (report.added !== rows) throw new Error(`importen lade till ${report.added} av ${rows} rader`);

    const { db: bare } = freshDb(path.join(dir, 'bare.sqlite'));
    const insert = bare.prepare(
      `INSERT INTO incident (source, source_ref, category, subcategory, occurred_at, reported_at, kommun_id, lpo_id, place_id, place_name, lat, lon, precision, description, reporter_org, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT lpo_id FROM kommun WHERE id = ?), NULL, '', ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const t0 = performance.now();
    bare.transaction(() => {
      for (const r of incidents) {
        insert.run(
          r.source,
          r.sourceRef ?? null,
          r.category,
          r.subcategory,
          r.occurredAt,
          r.reportedAt,
          r.kommunId,
          r.kommunId,
          r.lat,
          r.lon,
          r.precision,
          r.description,
          r.reporterOrg,
          'ny',
          r.reportedAt,
          r.reportedAt,
        );
      }
    })();
    const bareMs = performance.now() - t0;
    bare.close();
    return {
      realRowsPerSec: rows / (realMs / 1000),
      bareRowsPerSec: rows / (bareMs / 1000),
      peakRssMb: (peak - rssBefore) / 2 ** 20 + rssBefore / 2 ** 20,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
