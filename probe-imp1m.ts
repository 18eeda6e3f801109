import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from './src/core/db/connection';
import { seedGeography } from './src/core/demo/seed';
import { commitFile } from './src/core/imports/service';
import { estFile, writeLines } from './bench/import';
import { suspendRowAudit } from './src/core/audit/install';

async function main() {
  const rows = Number(process.argv[2] ?? 100000);
  const mode = process.argv[3] ?? 'audit';
  const dir = '/tmp/probe';
  const db0 = path.join(dir, `p-${mode}.sqlite`);
  for (const f of [db0, db0 + '-wal', db0 + '-shm']) fs.rmSync(f, { force: true });
  const db = openDatabase(db0);
  const ids = seedGeography(db);
  const csv = path.join(dir, `est-${rows}.csv`);
  if (!fs.existsSync(csv)) await writeLines(csv, estFile(rows, ids));
  if (mode === 'off') db.exec(`SELECT name FROM sqlite_temp_master`), db.prepare("SELECT name FROM sqlite_temp_master WHERE type='trigger'").pluck().all().forEach((n) => db.exec(`DROP TRIGGER temp."${n}"`));
  const t = Date.now();
  const r = await commitFile(db, { path: csv, skipInvalid: true });
  console.log(mode, rows, 'ms', Date.now() - t, 'added', r.added);
  db.close();
}
void main();
