/** Deterministic benchmark databases, built once with the demo generator and reused while they match. */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../src/core/db/connection';
import { LATEST_SCHEMA_VERSION } from '../src/core/db/migrations';
import { ReferenceRepo } from '../src/core/db/reference-repo';
import { DEFAULT_DEMO_SEED } from '../src/core/demo/generator';
import { DEMO_SETTING, seedDemo, seedSurvey } from '../src/core/demo/seed';

export async function dataset(dir: string, rows: number, log: (m: string) => void): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `demo-${rows}-v${LATEST_SCHEMA_VERSION}.sqlite`);
  const expected = JSON.stringify({ rows, seed: DEFAULT_DEMO_SEED });
  if (fs.existsSync(file)) {
    const db = openDatabase(file, { mustExist: true });
    const marker = new ReferenceRepo(db).getSetting(DEMO_SETTING);
    // A file built before the trygghetsmätning existed gets the demo survey (as the app's demo does).
    if (marker === expected) db.transaction(() => seedSurvey(db)).immediate();
    db.close();
    if (marker === expected) return file;
  }
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  log(`bygger testdata: ${rows} händelser → ${file}`);
  const started = Date.now();
  const db = openDatabase(file);
  await seedDemo(db, { rows, chunkSize: 20_000 });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  log(`  klart på ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return file;
}
