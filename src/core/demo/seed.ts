/** Writes the demo database: geography, places and generated incidents, all in one transaction. */
import type { Db } from '../db/connection';
import { IncidentRepo, type NewIncident } from '../db/incident-repo';
import { ReferenceRepo } from '../db/reference-repo';
import { RollupDelta } from '../db/rollup';
import { DEFAULT_DEMO_SEED, generateDemoIncidents } from './generator';
import { DEMO_KOMMUNER } from './geography';
import { demoSurvey, INVENTED_SOURCE } from './survey';
import { seedLoften } from './loften';
import { DEMO_WALK_INCIDENTS, seedWalks } from './walks';
import { writeSurvey } from '../dashboards/survey';

export const DEMO_SETTING = 'demo.seeded';

export interface SeedOptions {
  rows: number;
  seed?: number;
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Awaited between chunks, so a host can serve requests while seeding runs. */
  pause?: () => Promise<void>;
}

export function seedGeography(db: Db): Map<string, number> {
  const ref = new ReferenceRepo(db);
  const ids = new Map<string, number>();
  const lpoIds = new Map<string, number>();
  for (const k of DEMO_KOMMUNER) {
    let lpoId = lpoIds.get(k.lpo);
    if (lpoId === undefined) {
      lpoId = ref.upsertLpo(k.lpo);
      lpoIds.set(k.lpo, lpoId);
    }
    const id = ref.upsertKommun({ scbCode: k.scbCode, name: k.name, lpoId, lat: k.lat, lon: k.lon });
    ids.set(k.scbCode, id);
    ref.setPopulation(id, 2024, k.population20241231, '2024-12-31', 'SCB, folkmängd 31 december 2024');
    for (const p of k.places) ref.upsertPlace(id, p.name, p.lat, p.lon);
  }
  return ids;
}

/**
 * The demo trygghetsmätning, once: into a demo database that has none yet (also one seeded before the
 * survey existed). Returns the number of values written.
 */
export function seedSurvey(db: Db): number {
  if (db.prepare('SELECT 1 FROM survey_result LIMIT 1').get() !== undefined) return 0;
  const ref = new ReferenceRepo(db);
  const lpoOf = new Map(DEMO_KOMMUNER.map((k) => [k.scbCode, k.lpo]));
  const kommuner = ref
    .kommuner()
    .filter((k) => lpoOf.has(k.scbCode))
    .map((k) => ({ id: k.id, name: k.name, lpo: lpoOf.get(k.scbCode)! }));
  const lpos = ref.lpos().filter((l) => kommuner.some((k) => k.lpo === l.name));
  return writeSurvey(db, demoSurvey(kommuner, lpos), INVENTED_SOURCE, null).added;
}

function* chunks<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}

/**
 * Into an empty table, rows go in faster without the secondary indexes, which are then built once from
 * sorted data (about 4x faster at a million rows). DDL is transactional in SQLite, so a failed seed
 * rolls the indexes back too. Returns the statements that recreate them.
 */
function dropIndexesIfEmpty(db: Db): string[] {
  if (db.prepare('SELECT 1 FROM incident LIMIT 1').get() !== undefined) return [];
  const indexes = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'incident' AND sql IS NOT NULL")
    .all() as { name: string; sql: string }[];
  for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`);
  return indexes.map((i) => i.sql);
}

/**
 * Real files arrive roughly in time order, the generator draws times at random. Rewriting the fresh rows
 * in time order gives ids and table pages the locality of real data: neighbouring rows in the register
 * then share pages, which keeps cold reads of a page cheap on large files.
 */
function clusterByTime(db: Db): void {
  const cols =
    'source, source_ref, category, subcategory, occurred_at, reported_at, kommun_id, lpo_id, place_id, place_name, lat, lon, precision, description, reporter_org, status, created_at, updated_at, source_url, import_id';
  db.exec(`CREATE TABLE incident_unsorted AS SELECT ${cols} FROM incident`);
  db.exec('DELETE FROM incident');
  db.exec(`INSERT INTO incident (${cols}) SELECT ${cols} FROM incident_unsorted ORDER BY occurred_at, rowid`);
  db.exec('DROP TABLE incident_unsorted');
}

/**
 * All or nothing: an interrupted seed leaves no half-filled database behind, and the
 * `demo.seeded` marker is written in the same transaction as the rows.
 */
export async function seedDemo(db: Db, options: SeedOptions): Promise<number> {
  const repo = new IncidentRepo(db);
  const chunkSize = options.chunkSize ?? 5000;
  db.exec('BEGIN IMMEDIATE');
  try {
    const kommunIds = seedGeography(db);
    seedSurvey(db);
    seedLoften(db);
    const indexes = dropIndexesIfEmpty(db);
    const fresh = indexes.length > 0;
    const rollup = new RollupDelta();
    let done = 0;
    const rows: Iterable<NewIncident> = generateDemoIncidents({
      // The demo's trygghetsvandringar add their observations as incidents: together exactly `rows`.
      rows: Math.max(0, options.rows - DEMO_WALK_INCIDENTS),
      seed: options.seed ?? DEFAULT_DEMO_SEED,
      kommunIds,
    });
    options.onProgress?.(0, options.rows);
    for (const chunk of chunks(rows, chunkSize)) {
      done += repo.insertMany(chunk, rollup, '2026-11-01T00:00:00Z', { skipFts: fresh });
      options.onProgress?.(done, options.rows);
      if (options.pause) await options.pause();
    }
    rollup.flush(db);
    if (fresh) clusterByTime(db);
    for (const sql of indexes) db.exec(sql);
    if (fresh) repo.rebuildFts();
    // Walks after the generated rows, with the indexes back: their observations are incidents too.
    if (options.rows >= DEMO_WALK_INCIDENTS) seedWalks(db);
    options.onProgress?.(options.rows, options.rows);
    new ReferenceRepo(db).setSetting(
      DEMO_SETTING,
      JSON.stringify({ rows: options.rows, seed: options.seed ?? DEFAULT_DEMO_SEED }),
    );
    db.exec('COMMIT');
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
  // Statistics for the query planner; sampled, so it stays quick at any size.
  db.pragma('analysis_limit = 2000');
  db.exec('ANALYZE');
  return options.rows;
}
