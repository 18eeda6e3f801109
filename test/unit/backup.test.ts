/** Online backups, rotation and restore, on a real seeded demo database through the two commands. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runBackupCli } from '../../scripts/backup';
import { runRestoreCli } from '../../scripts/restore';
import { backupDatabase, listBackups, pruneBackups } from '../../src/core/db/backup';
import { openDatabase } from '../../src/core/db/connection';
import { tempDir, type TempDir } from '../helpers/db';
import { testWorkspace, type TestWorkspace } from '../helpers/workspace';

let w: TestWorkspace;
let seeded: string;
let seededCount: number;
let tmp: TempDir;
let db: string;

const lastLine = (s: string): string => s.trimEnd().split('\n').at(-1)!;

function withDb<T>(file: string, fn: (d: ReturnType<typeof openDatabase>) => T): T {
  const d = openDatabase(file, { mustExist: true });
  try {
    return fn(d);
  } finally {
    d.close();
  }
}
const countOf = (file: string): number =>
  withDb(file, (d) => d.prepare('SELECT count(*) FROM incident').pluck().get() as number);

beforeAll(async () => {
  w = testWorkspace({ demoRows: 2000 });
  w.ws.openDemo();
  await w.ws.ready();
  seeded = w.ws.demoPath();
  await w.ws.close();
  seededCount = countOf(seeded);
}, 60_000);

afterAll(() => w.tmp.cleanup());

beforeEach(() => {
  tmp = tempDir();
  db = tmp.file('lagesbild.sqlite');
  fs.copyFileSync(seeded, db);
  return () => tmp.cleanup();
});

describe('npm run backup', () => {
  it('prints the absolute path of a whole backup with the same incidents on its last line, writing nothing else', async () => {
    expect(seededCount).toBeGreaterThanOrEqual(2000);
    const before = fs.readFileSync(db);
    const r = await runBackupCli(['--db', db]);
    expect(r.code).toBe(0);
    const file = lastLine(r.stdout);
    expect(path.isAbsolute(file)).toBe(true);
    expect(path.dirname(file)).toBe(path.join(tmp.dir, 'säkerhetskopior'));
    expect(path.basename(file)).toMatch(/^lagesbild-\d{8}-\d{6}-manuell\.sqlite$/);
    // One self-contained file: no -wal beside it, quick_check passes, same incidents.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    withDb(file, (d) => expect(d.pragma('quick_check', { simple: true })).toBe('ok'));
    expect(countOf(file)).toBe(seededCount);
    expect(fs.readFileSync(db).equals(before)).toBe(true);
    expect(fs.readdirSync(tmp.dir).sort()).toEqual(['lagesbild.sqlite', 'säkerhetskopior']);
  });

  it('writes into --dir and names the backup by time and reason', async () => {
    const out = tmp.file('kopior');
    const r = await runBackupCli(['--db', db, '--dir', out]);
    expect(r.code).toBe(0);
    expect(path.dirname(lastLine(r.stdout))).toBe(out);
    const d = openDatabase(db, { mustExist: true });
    try {
      const b = await backupDatabase(d, { dir: out, reason: 'före import', now: new Date(2024, 2, 5, 14, 7, 9) });
      expect(path.basename(b.path)).toBe('lagesbild-20240305-140709-fore-import.sqlite');
      expect(b.incidentCount).toBe(seededCount);
    } finally {
      d.close();
    }
    const listed = listBackups(out, 'lagesbild');
    expect(listed.map((b) => b.reason)).toEqual(['manuell', 'före import']);
    expect(listed.every((b) => b.incidentCount === seededCount && b.bytes > 0)).toBe(true);
  });

  it.each([
    [[], /ange databasen/],
    [['--db'], /saknar värde/],
    [['--db', 'x.sqlite', '--okänd', 'y'], /okänt argument/],
    [['--db', '/finns/inte/alls.sqlite'], /Mappen finns inte/],
  ])('refuses bad arguments %j with exit 1 in Swedish', async (args, message) => {
    const r = await runBackupCli(args as string[]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Säkerhetskopieringen avbröts: /);
    expect(r.stdout).toMatch(message);
  });

  it('refuses a missing file and a file that is not a Lägesbild database, writing nothing', async () => {
    const missing = await runBackupCli(['--db', tmp.file('saknas.sqlite')]);
    expect([missing.code, missing.stdout]).toEqual([1, expect.stringMatching(/databasen finns inte/)]);
    const text = tmp.file('anteckning.sqlite');
    fs.writeFileSync(text, 'inte en databas '.repeat(100));
    const foreign = await runBackupCli(['--db', text]);
    expect(foreign.code).toBe(1);
    expect(foreign.stdout).toMatch(/Lägesbild-databas|inte en SQLite-databas/);
    expect(fs.existsSync(tmp.file('säkerhetskopior'))).toBe(false);
  });
});

describe('npm run restore', () => {
  it('brings deleted incidents back and keeps a "före återställning" backup of what it replaced', async () => {
    const backup = lastLine((await runBackupCli(['--db', db])).stdout);
    const left = withDb(db, (d) => {
      d.pragma('foreign_keys = OFF');
      d.prepare('DELETE FROM incident WHERE id % 3 = 0').run();
      return d.prepare('SELECT count(*) FROM incident').pluck().get() as number;
    });
    expect(left).toBeLessThan(seededCount);
    const r = await runRestoreCli(['--from', backup, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('före återställning');
    expect(countOf(db)).toBe(seededCount);
    const safety = listBackups(tmp.file('säkerhetskopior'), 'lagesbild').filter(
      (b) => b.reason === 'före återställning',
    );
    expect(safety).toHaveLength(1);
    expect(safety[0]!.incidentCount).toBe(left);
    expect(r.stdout).toContain(safety[0]!.path);
    // No temporary file stays beside the database.
    expect(fs.readdirSync(tmp.dir).filter((n) => !n.startsWith('lagesbild.sqlite'))).toEqual(['säkerhetskopior']);
  });

  it.each(['skadad', 'främmande', 'text'])('refuses a %s file and leaves the database byte-identical', async (kind) => {
    const bad = tmp.file(`kopia-${kind}.sqlite`);
    if (kind === 'skadad') {
      fs.copyFileSync(db, bad);
      const bytes = fs.readFileSync(bad);
      // Damage pages in the middle of the file (the header stays valid).
      for (let i = Math.floor(bytes.length / 3); i < Math.floor(bytes.length / 3) + 64 * 1024; i++) bytes[i] = i % 251;
      fs.writeFileSync(bad, bytes);
    } else if (kind === 'främmande') {
      // A SQLite file of another program: no Lägesbild tables.
      const d = new Database(bad);
      d.exec("CREATE TABLE recept (namn TEXT); INSERT INTO recept VALUES ('kanelbulle')");
      d.close();
    } else fs.writeFileSync(bad, 'hej\n'.repeat(2000));
    const before = fs.readFileSync(db);
    const r = await runRestoreCli(['--from', bad, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Återställningen avbröts: .*\n.*Databasen har inte ändrats\./s);
    expect(fs.readFileSync(db).equals(before)).toBe(true);
    expect(fs.existsSync(tmp.file('säkerhetskopior'))).toBe(false);
    expect(fs.readdirSync(tmp.dir).sort()).toEqual([path.basename(bad), 'lagesbild.sqlite'].sort());
  });

  it('refuses missing arguments in Swedish', async () => {
    const r = await runRestoreCli(['--from', db]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ange både --from och --db/);
  });
});

describe('pruneBackups', () => {
  const fake = (dir: string, day: number, slug: string, bytes = 10): string => {
    const file = path.join(dir, `lagesbild-202403${String(day).padStart(2, '0')}-120000-${slug}.sqlite`);
    fs.writeFileSync(file, Buffer.alloc(bytes));
    return path.basename(file);
  };

  it('keeps the newest 7 daily and 5 before-change backups, removing the oldest', () => {
    const dir = tmp.file('kopior');
    fs.mkdirSync(dir);
    const daily = Array.from({ length: 10 }, (_, i) => fake(dir, i + 1, 'daglig'));
    const before = Array.from({ length: 8 }, (_, i) => fake(dir, i + 11, i % 2 ? 'fore-import' : 'fore-migrering'));
    const manual = fake(dir, 20, 'manuell');
    fs.writeFileSync(path.join(dir, 'annan-20240301-120000-daglig.sqlite'), 'x');
    const removed = pruneBackups(dir, 'lagesbild').map((f) => path.basename(f));
    expect(removed.sort()).toEqual([...daily.slice(0, 3), ...before.slice(0, 3)].sort());
    const kept = listBackups(dir, 'lagesbild');
    expect(kept.map((b) => path.basename(b.path))).toEqual([
      manual,
      ...before.slice(3).reverse(),
      ...daily.slice(3).reverse(),
    ]);
    expect(kept[0]!.incidentCount).toBeNull();
    // Another database's backups are not touched.
    expect(fs.existsSync(path.join(dir, 'annan-20240301-120000-daglig.sqlite'))).toBe(true);
  });

  it('removes the oldest until the total fits the size cap, never the newest', () => {
    const dir = tmp.file('kopior');
    fs.mkdirSync(dir);
    const names = Array.from({ length: 6 }, (_, i) => fake(dir, i + 1, i % 2 ? 'daglig' : 'fore-import', 10));
    pruneBackups(dir, 'lagesbild', { dbBytes: 7 }); // cap 35 bytes: 3 files of 10
    expect(fs.readdirSync(dir).sort()).toEqual(names.slice(3));
    pruneBackups(dir, 'lagesbild', { maxTotalBytes: 1 });
    expect(fs.readdirSync(dir)).toEqual([names[5]]);
  });
});
