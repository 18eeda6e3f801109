import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../src/core/db/connection';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/core/db/migrations';
import { migration014 } from '../../src/core/db/migrations/014_bra_regions';
import { getAgreement } from '../../src/core/lofte/agreements';
import { tempDir, type TempDir } from '../helpers/db';
import { appError } from '../helpers/errors';

const TABLES = [
  'lpo',
  'kommun',
  'population',
  'category',
  'subcategory',
  'source',
  'place',
  'incident',
  'incident_trash',
  'incident_rollup_day',
  'incident_rollup_month',
  'incident_rollup_week',
  'setting',
  'import_log',
  'bra_reported_crime',
  'dashboard_view',
  'survey_result',
  'agreement',
  'agreement_kommun',
  'focus_area',
  'lofte',
  'lofte_snapshot',
  'lofte_comment',
  'activity_log',
  'walk',
  'walk_observation',
  'measure',
  'report',
  'bra_region',
];

let tmp: TempDir;
afterEach(() => tmp?.cleanup());

describe('migreringar', () => {
  it('ger en ny fil senaste schemaversionen, WAL, foreign_keys och STRICT-tabeller', () => {
    tmp = tempDir();
    const file = tmp.file('ny.sqlite');
    const db = openDatabase(file);
    try {
      expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
      expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(1);
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('secure_delete', { simple: true })).toBe(1);

      const rows = db
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .all() as { name: string; sql: string }[];
      const byName = new Map(rows.map((r) => [r.name, r.sql]));
      for (const t of TABLES) {
        expect(byName.has(t), `table ${t}`).toBe(true);
        expect(byName.get(t), `table ${t}`).toMatch(/\)\s*STRICT(\s*,\s*WITHOUT ROWID)?\s*$/);
      }
      // Every ordinary table is STRICT; only FTS5 (a virtual table and its shadow tables) cannot be.
      const notStrict = rows
        .filter((r) => !/STRICT/.test(r.sql))
        .map((r) => r.name)
        .sort();
      expect(notStrict.every((n) => n.startsWith('incident_fts'))).toBe(true);
      expect(byName.get('incident_fts')).toContain('fts5');

      // STRICT is really enforced: a text in an INTEGER column is refused.
      expect(() =>
        db.prepare("INSERT INTO category (code, label, sort_order) VALUES ('zz', 'Z', 'tre')").run(),
      ).toThrow(/cannot store TEXT/);
      // foreign_keys is really enforced.
      expect(() =>
        db.prepare("INSERT INTO kommun (scb_code, name, lpo_id) VALUES ('9999', 'Ingenstans', 12345)").run(),
      ).toThrow(/FOREIGN KEY/);

      // The taxonomy is synced into every opened database.
      expect(db.prepare('SELECT count(*) FROM category').pluck().get()).toBeGreaterThan(5);
      expect(db.prepare("SELECT category_code FROM subcategory WHERE code = 'klotter'").pluck().get()).toBe(
        'skadegorelse',
      );
    } finally {
      db.close();
    }
  });

  it('schema 3 fyller veckotabellen ur dagtabellen i en fil från schema 2', () => {
    tmp = tempDir();
    const file = tmp.file('v2.sqlite');
    const raw = new Database(file);
    for (const sql of MIGRATIONS.slice(0, 2)) raw.exec(sql);
    raw.pragma('user_version = 2');
    raw.exec(`INSERT INTO lpo (id, name) VALUES (1, 'Klippan');
      INSERT INTO kommun (id, scb_code, name, lpo_id) VALUES (1, '1276', 'Klippan', 1);`);
    const put = raw.prepare(
      "INSERT INTO incident_rollup_day (kommun_id, category, source, day, n) VALUES (1, 'vald', 'est', ?, ?)",
    );
    // Across new year: 2025-12-29..2026-01-04 is ISO week 2026-W01; 2021-01-03 belongs to 2020-W53.
    for (const [day, n] of [
      ['2025-12-28', 1],
      ['2025-12-29', 2],
      ['2026-01-04', 3],
      ['2026-01-05', 4],
      ['2021-01-03', 5],
    ] as const)
      put.run(day, n);
    raw.close();
    const db = openDatabase(file);
    try {
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      expect(db.prepare('SELECT week, n FROM incident_rollup_week ORDER BY week').all()).toEqual([
        { week: '2020-W53', n: 5 },
        { week: '2025-W52', n: 1 },
        { week: '2026-W01', n: 5 },
        { week: '2026-W02', n: 4 },
      ]);
    } finally {
      db.close();
    }
  });

  it('schema 5 bygger om importloggen och vyerna utan att tappa något eller bryta referenser', () => {
    tmp = tempDir();
    const file = tmp.file('v4.sqlite');
    const raw = new Database(file);
    raw.pragma('foreign_keys = ON');
    for (const sql of MIGRATIONS.slice(0, 4)) raw.exec(sql);
    raw.pragma('user_version = 4');
    raw.exec(`INSERT INTO lpo (id, name) VALUES (1, 'Klippan');
      INSERT INTO kommun (id, scb_code, name, lpo_id) VALUES (1, '1276', 'Klippan', 1);
      INSERT INTO category (code, label, sort_order) VALUES ('vald', 'Våld', 1);
      INSERT INTO subcategory (code, category_code, label, sort_order) VALUES ('misshandel', 'vald', 'Misshandel', 1);
      INSERT INTO source (code, label) VALUES ('polisen', 'Polisen');
      INSERT INTO import_log (id, file_name, content_hash, format, imported_at, added, updated, duplicates, skipped, report_json)
        VALUES (7, 'h.json', 'abc', 'polisen', '2026-01-01T00:00:00Z', 1, 0, 0, 0, '{}'),
               (8, 'bra.csv', 'def', 'bra', '2026-01-02T00:00:00Z', 1, 0, 0, 0, '{}');
      INSERT INTO bra_reported_crime (kommun_id, year, count, per_100k, import_id) VALUES (1, 2024, 100, 500.5, 8);
      INSERT INTO dashboard_view (id, name, dashboard, settings_json, created_at, updated_at)
        VALUES (3, 'Våld i Klippan', 'trend', '{}', '2026-01-03T00:00:00Z', '2026-01-03T00:00:00Z');`);
    raw
      .prepare(
        `INSERT INTO incident (source, source_ref, category, subcategory, occurred_at, reported_at, kommun_id, lpo_id,
           description, status, created_at, updated_at, import_id)
         VALUES ('polisen', 'p1', 'vald', 'misshandel', '2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z', 1, 1,
           'Misshandel', 'ny', '2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z', 7)`,
      )
      .run();
    const logBefore = raw.prepare('SELECT * FROM import_log ORDER BY id').all();
    raw.close();

    const db = openDatabase(file);
    try {
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.prepare('SELECT * FROM import_log ORDER BY id').all()).toEqual(
        // Schema 10 adds who imported; rows from before carry ''.
        (logBefore as Record<string, unknown>[]).map((r) => ({ ...r, created_by: '' })),
      );
      expect(db.prepare('SELECT import_id FROM incident').pluck().get()).toBe(7);
      expect(db.prepare('SELECT name, dashboard FROM dashboard_view').all()).toEqual([
        { name: 'Våld i Klippan', dashboard: 'trend' },
      ]);
      // The widened checks: a survey import and an EST view are accepted; references still hold.
      db.prepare(
        "INSERT INTO import_log (file_name, content_hash, format, imported_at, added, updated, duplicates, skipped, report_json) VALUES ('t.csv', 'x', 'trygghet', 'now', 0, 0, 0, 0, '{}')",
      ).run();
      db.prepare(
        "INSERT INTO dashboard_view (name, dashboard, settings_json, created_at, updated_at) VALUES ('EST', 'est', '{}', 'now', 'now')",
      ).run();
      expect(() => db.prepare('DELETE FROM import_log WHERE id = 7').run()).toThrow(/FOREIGN KEY/);
      // Index: kommun_id and lpo_id are exclusive; one value per year, area and indicator.
      const put = db.prepare(
        "INSERT INTO survey_result (year, kommun_id, lpo_id, indicator, value, source) VALUES (2019, ?, ?, 'totalindex', 2.1, 'test')",
      );
      put.run(1, null);
      put.run(null, 1);
      expect(() => put.run(1, null)).toThrow(/UNIQUE/);
      expect(() => put.run(1, 1)).toThrow(/CHECK/);
      expect(() => put.run(null, null)).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });

  it('schema 12 delar orsaksanalysen i tre och behåller texten från före som övrigt', () => {
    tmp = tempDir();
    const file = tmp.file('v11.sqlite');
    const raw = new Database(file);
    raw.pragma('foreign_keys = ON');
    for (const sql of MIGRATIONS.slice(0, 11)) raw.exec(sql);
    raw.pragma('user_version = 11');
    const oldCauses = 'Få vuxna ute kvällstid, dålig belysning vid stationen och unga som samlas i cykelgaraget.';
    raw.exec(`INSERT INTO lpo (id, name) VALUES (1, 'Klippan');
      INSERT INTO kommun (id, scb_code, name, lpo_id) VALUES (1, '1276', 'Klippan', 1);
      INSERT INTO agreement (id, title, period_from, period_to, created_at, updated_at)
        VALUES (4, 'Samverkansöverenskommelse Klippan 2024–2026', '2024-01-01', '2026-12-31', 'then', 'then');
      INSERT INTO agreement_kommun (agreement_id, kommun_id) VALUES (4, 1);`);
    raw
      .prepare(
        `INSERT INTO focus_area (id, agreement_id, title, problem, causes, goals, follow_up, sort_order)
         VALUES (9, 4, 'Otrygghet vid stationen', 'Skadegörelse', ?, 'Färre anmälningar', 'EST', 0),
                (10, 4, 'Trafik', '', '', '', '', 1)`,
      )
      .run(oldCauses);
    const before = raw.prepare('SELECT * FROM focus_area ORDER BY id').all() as Record<string, unknown>[];
    expect(Object.keys(before[0]!)).not.toContain('cause_victim');
    raw.close();

    const db = openDatabase(file);
    try {
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      // Nothing moved, nothing lost: every old column as it was, the three parts empty.
      expect(db.prepare('SELECT * FROM focus_area ORDER BY id').all()).toEqual(
        before.map((r) => ({ ...r, cause_victim: '', cause_offender: '', cause_place: '' })),
      );
      expect(getAgreement(db, 4).focusAreas[0]).toMatchObject({
        id: 9,
        causeVictim: '',
        causeOffender: '',
        causePlace: '',
        causes: oldCauses,
      });
      // The new columns refuse NULL (NOT NULL) like the old ones.
      expect(() => db.prepare('UPDATE focus_area SET cause_place = NULL WHERE id = 10').run()).toThrow(/NOT NULL/);
    } finally {
      db.close();
    }
  });

  it('schema 14 lägger till Brå:s rader för län och riket och lämnar kommunraderna orörda', () => {
    tmp = tempDir();
    const file = tmp.file('v13.sqlite');
    const raw = new Database(file);
    raw.pragma('foreign_keys = ON');
    for (const sql of MIGRATIONS.slice(0, 13)) raw.exec(sql);
    raw.pragma('user_version = 13');
    raw.exec(`INSERT INTO lpo (id, name) VALUES (1, 'Klippan');
      INSERT INTO kommun (id, scb_code, name, lpo_id) VALUES (1, '1276', 'Klippan', 1);
      INSERT INTO import_log (id, file_name, content_hash, format, imported_at, added, updated, duplicates, skipped, report_json)
        VALUES (8, 'bra.csv', 'def', 'bra', '2026-01-02T00:00:00Z', 1, 0, 0, 0, '{}');
      INSERT INTO bra_reported_crime (kommun_id, year, count, per_100k, import_id) VALUES (1, 2024, 1771, 9997.7, 8);`);
    expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'bra_region'").pluck().get()).toBe(0);
    raw.close();

    const db = openDatabase(file);
    try {
      // Migration 014 upgrades user_version 13 to 14.
      expect(MIGRATIONS.indexOf(migration014)).toBe(13);
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      expect(db.prepare('SELECT * FROM bra_reported_crime').all()).toEqual([
        { kommun_id: 1, year: 2024, count: 1771, per_100k: 9997.7, import_id: 8 },
      ]);
      expect(db.prepare('SELECT count(*) FROM bra_region').pluck().get()).toBe(0);
      // Stored like the kommun rows: count and rate per region and year, null when suppressed, with its import.
      const put = db.prepare(
        'INSERT INTO bra_region (region_code, kind, year, count, per_100k, import_id) VALUES (?, ?, 2024, ?, ?, ?)',
      );
      put.run('12', 'lan', 201234, 14153.7, 8);
      put.run('00', 'riket', null, null, null);
      expect(() => put.run('01', 'lan', 1, 1, 99)).toThrow(/FOREIGN KEY/);
      expect(() => put.run('01', 'lan', 'många', 1, 8)).toThrow(/cannot store TEXT/);
      expect(() => put.run('00', 'lan', 1, 1, 8)).toThrow(/CHECK/);
      expect(() => db.prepare('DELETE FROM import_log WHERE id = 8').run()).toThrow(/FOREIGN KEY/);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('schema 16 breddar kartornas index och låter en sparad vy gälla Karta, utan att bryta åtgärdens länk till vyn', () => {
    tmp = tempDir();
    const file = tmp.file('v15.sqlite');
    const raw = new Database(file);
    raw.pragma('foreign_keys = ON');
    for (const sql of MIGRATIONS.slice(0, 15)) raw.exec(sql);
    raw.pragma('user_version = 15');
    raw.exec(`INSERT INTO lpo (id, name) VALUES (1, 'Klippan');
      INSERT INTO kommun (id, scb_code, name, lpo_id) VALUES (1, '1276', 'Klippan', 1);
      INSERT INTO dashboard_view (id, name, dashboard, settings_json, created_at, updated_at)
        VALUES (5, 'Klotter', 'jamfor', '{}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
      INSERT INTO measure (id, kommun_id, what, responsible, due_day, status, created_at, updated_at, view_id)
        VALUES (7, 1, 'Sanera', 'Kommunen', '2026-06-01', 'planerad', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 5);`);
    raw.close();

    const db = openDatabase(file);
    try {
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      const columns = (index: string) =>
        (db.pragma(`index_info(${index})`) as { name: string }[]).map((c) => c.name).join(',');
      expect(columns('incident_lpo_occurred')).toBe(
        'lpo_id,occurred_at,id,kommun_id,category,source,place_id,precision,lat,lon',
      );
      expect(columns('incident_kommun_occurred')).toBe(
        'kommun_id,occurred_at,id,category,source,place_id,precision,lat,lon',
      );
      expect(db.prepare('SELECT name, dashboard FROM dashboard_view').all()).toEqual([
        { name: 'Klotter', dashboard: 'jamfor' },
      ]);
      db.prepare(
        "INSERT INTO dashboard_view (name, dashboard, settings_json, created_at, updated_at) VALUES ('Kartan', 'karta', '{}', 'x', 'x')",
      ).run();
      expect(() =>
        db
          .prepare(
            "INSERT INTO dashboard_view (name, dashboard, settings_json, created_at, updated_at) VALUES ('Fel', 'okand', '{}', 'x', 'x')",
          )
          .run(),
      ).toThrow(/CHECK/);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      // The åtgärd still points to the view, and the reference still acts: deleting the view clears it.
      expect(db.prepare('SELECT view_id FROM measure WHERE id = 7').pluck().get()).toBe(5);
      db.prepare('DELETE FROM dashboard_view WHERE id = 5').run();
      expect(db.prepare('SELECT view_id FROM measure WHERE id = 7').pluck().get()).toBeNull();
    } finally {
      db.close();
    }
  });

  it('kan öppnas igen utan att något ändras (idempotent)', () => {
    tmp = tempDir();
    const file = tmp.file('igen.sqlite');
    const schemaOf = (d: Database.Database) =>
      d.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').all();
    const first = openDatabase(file);
    first.prepare("INSERT INTO setting (key, value) VALUES ('k', 'v')").run();
    const schema1 = schemaOf(first);
    const categories1 = first.prepare('SELECT * FROM category ORDER BY code').all();
    first.close();

    const second = openDatabase(file);
    try {
      expect(schemaVersion(second)).toBe(LATEST_SCHEMA_VERSION);
      expect(schemaOf(second)).toEqual(schema1);
      expect(second.prepare('SELECT * FROM category ORDER BY code').all()).toEqual(categories1);
      expect(second.prepare("SELECT value FROM setting WHERE key = 'k'").pluck().get()).toBe('v');
    } finally {
      second.close();
    }
    const third = openDatabase(file, { mustExist: true });
    expect(schemaVersion(third)).toBe(LATEST_SCHEMA_VERSION);
    third.close();
  });

  it('vägrar en databas från en nyare version och lämnar filen orörd', () => {
    tmp = tempDir();
    const file = tmp.file('nyare.sqlite');
    const newer = LATEST_SCHEMA_VERSION + 7;
    const raw = new Database(file);
    raw.exec('CREATE TABLE framtid (x INTEGER) STRICT');
    raw.pragma(`user_version = ${newer}`);
    raw.close();
    const before = fs.readFileSync(file);

    const err = appError(() => openDatabase(file));
    expect(err.code).toBe('db_newer_version');
    expect(err.message).toContain(String(newer));
    expect(err.message).toContain('har inte ändrats');

    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(newer);
    expect(check.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'incident'").pluck().get()).toBe(0);
    check.close();
  });

  it('vägrar en fil som inte är SQLite', () => {
    tmp = tempDir();
    const file = tmp.file('skrap.sqlite');
    const garbage = Buffer.alloc(8192);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 251;
    fs.writeFileSync(file, garbage);

    const err = appError(() => openDatabase(file));
    expect(err.code).toBe('db_unreadable');
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
  });

  it('vägrar en fil som saknas när mustExist är satt', () => {
    tmp = tempDir();
    const file = tmp.file('saknas.sqlite');
    const err = appError(() => openDatabase(file, { mustExist: true }));
    expect(err.code).toBe('db_unreadable');
    expect(fs.existsSync(file)).toBe(false);
  });
});
