/**
 * Opening a file that is not a whole Lägesbild database (another application's SQLite file, a text file, a
 * zero-byte file, a damaged database) refuses it and leaves it byte-identical: no WAL switch, no migration,
 * no -wal/-shm left behind. Issue 13 found a user_version 3 file refused but given a dashboard_view table.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../src/core/db/connection';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/core/db/migrations';
import { seedDemo } from '../../src/core/demo/seed';
import { tempDir, type TempDir } from '../helpers/db';
import { appError } from '../helpers/errors';
import { testWorkspace, type TestWorkspace } from '../helpers/workspace';

let tmp: TempDir | null = null;
let t: TestWorkspace | null = null;
afterEach(async () => {
  tmp?.cleanup();
  tmp = null;
  await t?.close();
  t = null;
});

interface Snapshot {
  sha256: string;
  mtimeMs: number;
  size: number;
  sidecars: string[];
}

function snapshot(file: string): Snapshot {
  const stat = fs.statSync(file);
  return {
    sha256: crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'),
    mtimeMs: stat.mtimeMs,
    size: stat.size,
    sidecars: ['-wal', '-shm', '-journal'].filter((s) => fs.existsSync(file + s)),
  };
}

/** Another application's SQLite file: tables `kund` and `order`, the given user_version and journal mode. */
function foreignFile(file: string, userVersion: number, journal: 'delete' | 'wal' = 'delete'): void {
  const raw = new Database(file);
  raw.pragma(`journal_mode = ${journal}`);
  raw.exec(`CREATE TABLE kund (id INTEGER PRIMARY KEY, namn TEXT NOT NULL);
    CREATE TABLE "order" (id INTEGER PRIMARY KEY, kund_id INTEGER REFERENCES kund(id), belopp REAL);
    INSERT INTO kund (namn) VALUES ('Anna'), ('Bertil');
    INSERT INTO "order" (kund_id, belopp) VALUES (1, 120.5), (2, 99);`);
  raw.pragma(`user_version = ${userVersion}`);
  raw.close();
}

/** Opens file both ways (as "open" and as "create if missing") and checks every refusal leaves it as it was. */
function expectRefusedUnchanged(file: string, message: string): void {
  const before = snapshot(file);
  expect(before.sidecars).toEqual([]);
  for (const mustExist of [true, false]) {
    const err = appError(() => openDatabase(file, { mustExist }));
    expect(err.code).toBe('db_unreadable');
    expect(err.message).toBe(message);
    expect(snapshot(file)).toEqual(before);
  }
}

/** A real Lägesbild database (3 000 demo incidents, WAL checkpointed and closed) with 8 KB of noise mid-file. */
async function damagedDatabase(file: string): Promise<void> {
  const db = openDatabase(file);
  await seedDemo(db, { rows: 3000, chunkSize: 3000 });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  expect(fs.existsSync(`${file}-wal`)).toBe(false);
  // The whole database opens before the damage (the check does not refuse a good file).
  openDatabase(file, { mustExist: true }).close();

  const size = fs.statSync(file).size;
  expect(size).toBeGreaterThan(1_000_000);
  // Deterministic "random" bytes, so the damage always lands the same way.
  let x = 0x2545f491;
  const noise = Buffer.alloc(8192, 0).map(() => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x & 0xff;
  });
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, noise, 0, noise.length, Math.floor(size / 2));
  fs.closeSync(fd);
}

const notLagesbild = (file: string) => `Filen är inte en Lägesbild-databas: ${file}. Den har inte ändrats.`;

describe('en fil som inte är en Lägesbild-databas', () => {
  it('vägrar ett annat programs SQLite-fil (user_version 0 och 3) och lämnar den byte för byte orörd', () => {
    tmp = tempDir();
    for (const version of [0, 3]) {
      const file = tmp.file(`kundregister-v${version}.sqlite`);
      foreignFile(file, version);
      expectRefusedUnchanged(file, notLagesbild(file));
      const check = new Database(file, { readonly: true });
      expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(check.pragma('user_version', { simple: true })).toBe(version);
      expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all()).toEqual([
        'kund',
        'order',
      ]);
      check.close();
    }
  });

  it('vägrar ett annat programs fil i WAL-läge utan att lämna -wal eller -shm efter sig', () => {
    tmp = tempDir();
    const file = tmp.file('annat-program-wal.sqlite');
    foreignFile(file, 2, 'wal');
    expectRefusedUnchanged(file, notLagesbild(file));
  });

  it('vägrar en textfil och lämnar den orörd', () => {
    tmp = tempDir();
    const file = tmp.file('anteckningar.sqlite');
    fs.writeFileSync(file, 'Möte med kommunpolisen tisdag.\n'.repeat(300));
    expectRefusedUnchanged(file, notLagesbild(file));
  });

  it('gör inte en befintlig tom fil (0 byte) till en databas', () => {
    tmp = tempDir();
    const file = tmp.file('tom.sqlite');
    fs.writeFileSync(file, '');
    expectRefusedUnchanged(
      file,
      `Filen är tom (0 byte) och är ingen Lägesbild-databas: ${file}. Den har inte ändrats.`,
    );
    expect(fs.statSync(file).size).toBe(0);
  });
});

describe('en skadad Lägesbild-databas', () => {
  it('vägras med ett tydligt besked när 8 KB slumpbytes skrivits mitt i filen, och lämnas orörd', async () => {
    tmp = tempDir();
    const file = tmp.file('skadad.sqlite');
    await damagedDatabase(file);

    expectRefusedUnchanged(
      file,
      `Databasfilen är skadad: ${file}. Den har inte ändrats. Återställ den från en säkerhetskopia.`,
    );
  });
});

describe('en Lägesbild-databas öppnas som förut', () => {
  it('en äldre Lägesbild-fil (schema 3) migreras, och en ny sökväg skapas', () => {
    tmp = tempDir();
    const old = tmp.file('v3.sqlite');
    const raw = new Database(old);
    for (const sql of MIGRATIONS.slice(0, 3)) raw.exec(sql);
    raw.pragma('user_version = 3');
    raw.close();
    const db = openDatabase(old, { mustExist: true });
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();

    const fresh = tmp.file('ny.sqlite');
    const created = openDatabase(fresh);
    expect(schemaVersion(created)).toBe(LATEST_SCHEMA_VERSION);
    created.close();
    // Once created it is a Lägesbild database and opens again.
    openDatabase(fresh, { mustExist: true }).close();
  });
});

describe('genom appen', () => {
  it('db.open på en främmande eller tom fil ger det svenska beskedet och den öppna databasen förblir öppen; en skadad öppnas skrivskyddad', async () => {
    t = testWorkspace();
    const current = t.tmp.file('arbete.sqlite');
    await t.call('db.create', { path: current });

    const foreign = t.tmp.file('kundregister.sqlite');
    foreignFile(foreign, 3);
    const empty = t.tmp.file('tom.sqlite');
    fs.writeFileSync(empty, '');
    const broken = t.tmp.file('skadad.sqlite');
    await damagedDatabase(broken);
    for (const [file, expected] of [
      [foreign, notLagesbild(foreign)],
      [empty, `Filen är tom (0 byte) och är ingen Lägesbild-databas: ${empty}. Den har inte ändrats.`],
    ] as const) {
      const before = snapshot(file);
      const error = await t.fail('db.open', { path: file });
      expect(error.message).toBe(expected);
      expect(snapshot(file)).toEqual(before);
      const info = await t.call('app.info', {});
      expect(info.path).toBe(current);
      expect(info.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    }
    // A damaged Lägesbild file opens read-only (to be restored), and is never written.
    const before = snapshot(broken);
    const opened = await t.call('db.open', { path: broken });
    expect(opened.readOnly).toMatch(/skadad och är öppnad skrivskyddad/);
    expect((await t.fail('incidents.delete', { id: 1 })).code).toBe('read_only');
    // While it is open, SQLite keeps its (empty) -wal/-shm beside it; the file itself is untouched.
    const { sidecars: _open, ...whileOpen } = snapshot(broken);
    const { sidecars: _before, ...untouched } = before;
    expect(whileOpen).toEqual(untouched);
    expect(fs.existsSync(`${broken}-wal`) ? fs.statSync(`${broken}-wal`).size : 0).toBe(0);
  });
});
