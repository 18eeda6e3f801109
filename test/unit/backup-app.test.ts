/**
 * The app's own backups (daily on open, before a migration, before an import, before a restore), restore
 * through the operations, and damaged files: opened read-only, never written, restored from a backup.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/api/dispatch';
import { MIGRATIONS } from '../../src/core/db/migrations';
import { seedGeography } from '../../src/core/demo/seed';
import { BACKUP_DIR_NAME } from '../../src/core/db/backup';
import { testWorkspace, type TestWorkspace } from '../helpers/workspace';

const FIXTURE = path.resolve(__dirname, '../fixtures/imports/est-export.csv');
const open: TestWorkspace[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
});

function workspace(now?: Date): TestWorkspace {
  const t = testWorkspace({ backups: true, ...(now ? { clock: () => now } : {}) });
  open.push(t);
  return t;
}

/** A Lägesbild database one schema version behind (what an older app left). */
function olderSchema(file: string): void {
  const old = new Database(file);
  for (const m of MIGRATIONS.slice(0, -1)) old.exec(m);
  old.pragma(`user_version = ${MIGRATIONS.length - 1}`);
  old.close();
}

const backupDir = (file: string) => path.join(path.dirname(file), BACKUP_DIR_NAME);
const backupsOf = (file: string, reason: string) =>
  fs.existsSync(backupDir(file))
    ? fs.readdirSync(backupDir(file)).filter((n) => n.includes(reason) && n.endsWith('.sqlite'))
    : [];
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A new database with the kommuner (what a coordinator's file has before the first incident). */
function create(t: TestWorkspace, name: string): string {
  const file = t.tmp.file(name);
  t.ws.create(file);
  t.ws.db().write(['reference'], ({ db }) => seedGeography(db));
  return file;
}

async function incident(t: TestWorkspace, description = 'Klotter på busskuren'): Promise<number> {
  const kommunId = t.one<number>("SELECT id FROM kommun WHERE name = 'Klippan'");
  const created = await t.call('incidents.create', {
    input: {
      source: 'est',
      category: 'skadegorelse',
      subcategory: 'klotter',
      occurredAt: '2026-06-07T19:30:00Z',
      reportedAt: '2026-06-07T20:00:00Z',
      kommunId,
      placeName: 'Torget',
      description,
      status: 'ny',
    },
  });
  return (created as { id: number }).id;
}

describe('automatic backups', () => {
  it('takes one verified daily backup when a file is opened, and no second one the same day', async () => {
    const t = workspace(new Date(2026, 10, 20, 9, 0, 0));
    const file = create(t, 'kommun.sqlite');
    await incident(t);
    await t.ws.settled();
    expect(backupsOf(file, 'daglig')).toHaveLength(1);
    t.ws.open(file);
    await t.ws.settled();
    expect(backupsOf(file, 'daglig')).toHaveLength(1);
    const overview = (await t.call('backups.overview', {})) as { backups: { reason: string }[] };
    expect(overview.backups.map((b) => b.reason)).toEqual(['daglig']);
  });

  it('backs up an older schema before migrating it, with the old schema inside', async () => {
    const t = workspace();
    const file = t.tmp.file('gammal.sqlite');
    olderSchema(file);
    t.ws.open(file);
    expect(t.ws.info().schemaVersion).toBe(MIGRATIONS.length);
    const [name] = backupsOf(file, 'fore-migrering');
    expect(name).toBeDefined();
    const copy = new Database(path.join(backupDir(file), name!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length - 1);
    copy.close();
  });

  it('refuses to migrate, leaving the file byte-identical, when the backup cannot be written', async () => {
    const t = workspace();
    const file = t.tmp.file('gammal.sqlite');
    olderSchema(file);
    // The backup folder's name is taken by a file: no backup can be written there.
    fs.writeFileSync(backupDir(file), 'inte en mapp');
    const before = sha(file);
    const error = await t.fail('db.open', { path: file });
    expect(error.message).toMatch(/säkerhetskopian före uppgraderingen kunde inte skapas/);
    expect(error.message).toMatch(/Databasen har inte ändrats/);
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('backs up before every import', async () => {
    const t = workspace();
    const file = create(t, 'import.sqlite');
    await t.ws.settled();
    await t.call('imports.commit', { path: FIXTURE, skipInvalid: true });
    await t.call('imports.commit', { path: FIXTURE, skipInvalid: true });
    expect(backupsOf(file, 'fore-import')).toHaveLength(2);
  });
});

describe('restore from a backup', () => {
  it('brings back what was deleted and keeps the state before the restore', async () => {
    const t = workspace();
    create(t, 'aterstall.sqlite');
    const ids = [await incident(t), await incident(t), await incident(t)];
    const { path: backup } = (await t.call('backups.create', {})) as { path: string };
    for (const id of ids) await t.call('incidents.delete', { id });
    expect(t.ws.info().incidentCount).toBe(0);
    const result = (await t.call('backups.restore', { name: path.basename(backup) })) as {
      incidentCount: number;
      safetyBackup: string;
    };
    expect(result.incidentCount).toBe(3);
    expect(t.ws.info().incidentCount).toBe(3);
    // The second visit: the register shows the restored rows.
    const page = (await t.call('incidents.page', { filter: {}, startRow: 0, endRow: 10 })) as { rows: unknown[] };
    expect(page.rows).toHaveLength(3);
    // The restore is in the audit log; the three deletions it superseded are kept beside the backups.
    const last = t.sql<{ action: string; content_json: string }>(
      'SELECT action, content_json FROM audit_log ORDER BY id DESC LIMIT 1',
    )[0]!;
    expect(last.action).toBe('återställning');
    const kept = JSON.parse(last.content_json) as { after: { ersatta_poster: number; ersatta_poster_fil: string } };
    expect(kept.after.ersatta_poster).toBe(3);
    const superseded = JSON.parse(fs.readFileSync(kept.after.ersatta_poster_fil, 'utf8')) as {
      entries: { action: string }[];
    };
    expect(superseded.entries.map((e) => e.action)).toEqual(['borttagen', 'borttagen', 'borttagen']);
    expect(await t.call('audit.verify', {})).toMatchObject({ ok: true });
    const safety = new Database(result.safetyBackup, { readonly: true });
    expect(safety.prepare('SELECT count(*) FROM incident').pluck().get()).toBe(0);
    safety.close();
    const error = await t.fail('backups.restore', { name: '../../etc/passwd' });
    expect(error.code).toBe('not_found');
  });
});

/** Overwrites 8 KB in the middle of the file with random bytes (what the issue tried). */
function damageMiddle(file: string): void {
  const buf = fs.readFileSync(file);
  const at = Math.floor(buf.length / 2 / 4096) * 4096;
  crypto.randomFillSync(buf, at, 8192);
  fs.writeFileSync(file, buf);
}

describe('a damaged file', () => {
  it('opens read-only with a Swedish reason, is never written, and is restored from its backup', async () => {
    const t = workspace();
    const file = create(t, 'skadad.sqlite');
    for (let i = 0; i < 120; i++) await incident(t, `Händelse ${i} ${'x'.repeat(900)}`);
    const { path: backup } = (await t.call('backups.create', {})) as { path: string };
    await t.ws.settled();
    t.ws.openDemo();
    await t.ws.ready();
    damageMiddle(file);
    const before = sha(file);

    const info = (await t.call('db.open', { path: file })) as { readOnly: string | null };
    expect(info.readOnly).toMatch(/skadad och är öppnad skrivskyddad/);
    const refused = await t.fail('incidents.create', {
      input: {
        source: 'est',
        category: 'skadegorelse',
        subcategory: 'klotter',
        occurredAt: '2026-06-07T19:30:00Z',
        reportedAt: '2026-06-07T20:00:00Z',
        kommunId: t.one<number>("SELECT id FROM kommun WHERE name = 'Klippan'"),
        placeName: 'Torget',
        description: 'ny',
        status: 'ny',
      },
    });
    expect(refused.code).toBe('read_only');
    // Reads that hit the damage answer in Swedish, never the generic internal error.
    for (let start = 0; start < 120; start += 20) {
      const r = await dispatch(t.handlers, 'incidents.page', { filter: {}, startRow: start, endRow: start + 20 });
      if (!r.ok) expect(r.error.message).not.toMatch(/oväntat fel/);
    }
    expect(sha(file)).toBe(before);

    const restored = (await t.call('backups.restore', { name: path.basename(backup) })) as { incidentCount: number };
    expect(restored.incidentCount).toBe(120);
    expect(t.ws.info().readOnly).toBeNull();
    expect(t.one<number>('SELECT count(*) FROM incident')).toBe(120);
    // The damaged file was kept, byte for byte, as the backup before the restore.
    const kept = backupsOf(file, 'fore-aterstallning');
    expect(kept).toHaveLength(1);
    expect(sha(path.join(backupDir(file), kept[0]!))).toBe(before);
  });

  it('found by the background integrity check makes the open file read-only', async () => {
    const t = workspace();
    const file = create(t, 'index.sqlite');
    for (let i = 0; i < 5; i++) await incident(t);
    const index = t.one<number>(
      "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'incident' ORDER BY name LIMIT 1",
    );
    const pageSize = t.one<number>('PRAGMA page_size');
    t.ws.db().read(({ db }) => db.pragma('wal_checkpoint(TRUNCATE)'));
    // One bit of an index entry: quick_check still passes, integrity_check does not.
    const buf = fs.readFileSync(file);
    buf[index * pageSize - 1]! ^= 1;
    fs.writeFileSync(file, buf);
    const result = (await t.call('db.checkIntegrity', {})) as { ok: boolean; problems: string[] };
    expect(result.ok).toBe(false);
    expect(result.problems.join(' ')).toMatch(/index/);
    expect(t.ws.info().readOnly).toMatch(/skrivskyddad/);
    expect((await t.fail('incidents.delete', { id: 1 })).code).toBe('read_only');
  });
});
