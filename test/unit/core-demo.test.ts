import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/core/db/connection';
import { IncidentRepo } from '../../src/core/db/incident-repo';
import { ReferenceRepo } from '../../src/core/db/reference-repo';
import { DEFAULT_DEMO_SEED, DEMO_END_DAY, DEMO_START_DAY, generateDemoIncidents } from '../../src/core/demo/generator';
import { DEMO_KOMMUNER } from '../../src/core/demo/geography';
import { DEMO_SETTING, seedDemo } from '../../src/core/demo/seed';
import { CATEGORIES } from '../../src/shared/taxonomy';
import { tempDb, type TempDb } from '../helpers/db';

const ROWS = 5000;

interface CsvKommun {
  lpo: string;
  kommun: string;
  scbCode: string;
  pop20241231: number;
  pop20241101: number;
}

function readKommunCsv(): CsvKommun[] {
  const text = fs.readFileSync(new URL('../fixtures/kommuner.csv', import.meta.url), 'utf8');
  const [header, ...lines] = text.trim().split(/\r?\n/);
  expect(header).toBe('lpo,kommun,scb_kod,folkmangd_2024_12_31,folkmangd_2024_11_01');
  return lines.map((line) => {
    const [lpo, kommun, scbCode, a, b] = line.split(',') as [string, string, string, string, string];
    return { lpo, kommun, scbCode, pop20241231: Number(a), pop20241101: Number(b) };
  });
}

/** Local Stockholm calendar parts by the platform's time zone data. */
const localFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  weekday: 'short',
  hourCycle: 'h23',
});
function local(iso: string): { day: string; hour: number; weekday: string } {
  const p = Object.fromEntries(localFormatter.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour), weekday: p.weekday! };
}

const fakeIds = new Map(DEMO_KOMMUNER.map((k, i) => [k.scbCode, i + 1]));
const take = (seed: number, n: number) => [...generateDemoIncidents({ rows: n, seed, kommunIds: fakeIds })];

describe('generateDemoIncidents', () => {
  it('ger samma rader för samma frö och andra rader för ett annat frö', () => {
    const a = take(DEFAULT_DEMO_SEED, 2000);
    const b = take(DEFAULT_DEMO_SEED, 2000);
    expect(a).toHaveLength(2000);
    expect(b).toEqual(a);
    const c = take(DEFAULT_DEMO_SEED + 1, 2000);
    expect(c).toHaveLength(2000);
    const same = c.filter((row, i) => JSON.stringify(row) === JSON.stringify(a[i])).length;
    expect(same).toBeLessThan(10);
    // A prefix of a longer run is the same as a shorter run.
    expect(take(DEFAULT_DEMO_SEED, 50)).toEqual(a.slice(0, 50));
  });
});

describe('seedDemo', () => {
  let t: TempDb;
  let db: Db;
  type Row = { kommun: string; category: string; subcategory: string; occurred_at: string; place_name: string };
  let rows: Row[];

  beforeAll(async () => {
    t = tempDb();
    db = t.db;
    const progress: number[] = [];
    expect(await seedDemo(db, { rows: ROWS, chunkSize: 2000, onProgress: (done) => progress.push(done) })).toBe(ROWS);
    // The last step is the demo walks' five observations (incidents too).
    expect(progress).toEqual([0, 2000, 4000, 4995, 5000]);
    rows = db
      .prepare(
        // The generated rows; the demo's trygghetsvandringar (2017, 2026) add their own five.
        'SELECT k.name AS kommun, i.category, i.subcategory, i.occurred_at, i.place_name FROM incident i JOIN kommun k ON k.id = i.kommun_id WHERE i.id NOT IN (SELECT incident_id FROM walk_observation WHERE incident_id IS NOT NULL)',
      )
      .all() as Row[];
  });
  afterAll(() => t.cleanup());

  it('skriver exakt det begärda antalet händelser, med rollups som summerar till samma', () => {
    expect(rows).toHaveLength(ROWS - 5);
    expect(db.prepare('SELECT count(*) FROM incident').pluck().get()).toBe(ROWS);
    expect(new IncidentRepo(db).count({})).toBe(ROWS);
    expect(db.prepare('SELECT sum(n) FROM incident_rollup_day').pluck().get()).toBe(ROWS);
    expect(db.prepare('SELECT sum(n) FROM incident_rollup_month').pluck().get()).toBe(ROWS);
    expect(db.prepare('SELECT count(*) FROM incident_fts').pluck().get()).toBe(ROWS);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").pluck().get()).toBe(1);
  });

  it('har de nio kommunerna med SCB-koder och folkmängd 2024 enligt fixturen', () => {
    const csv = readKommunCsv();
    expect(csv).toHaveLength(9);
    const dbRows = db
      .prepare(
        `SELECT l.name AS lpo, k.name AS kommun, k.scb_code AS scbCode, p.population, p.year, p.ref_date
         FROM kommun k JOIN lpo l ON l.id = k.lpo_id JOIN population p ON p.kommun_id = k.id ORDER BY k.scb_code`,
      )
      .all();
    const bySc = [...csv].sort((x, y) => x.scbCode.localeCompare(y.scbCode));
    expect(dbRows).toEqual(
      bySc.map((k) => ({
        lpo: k.lpo,
        kommun: k.kommun,
        scbCode: k.scbCode,
        population: k.pop20241231,
        year: 2024,
        ref_date: '2024-12-31',
      })),
    );
    expect(DEMO_KOMMUNER.map((k) => [k.lpo, k.name, k.scbCode, k.population20241231, k.population20241101])).toEqual(
      csv.map((k) => [k.lpo, k.kommun, k.scbCode, k.pop20241231, k.pop20241101]),
    );
    const ref = new ReferenceRepo(db).kommuner();
    expect(ref.map((k) => [k.scbCode, k.population, k.populationYear]).sort()).toEqual(
      csv.map((k) => [k.scbCode, k.pop20241231, 2024]).sort(),
    );
  });

  it('har bara giltiga par av kategori och underkategori', () => {
    const valid = new Set(CATEGORIES.flatMap((c) => c.subcategories.map((s) => `${c.code}/${s.code}`)));
    expect(rows.filter((r) => !valid.has(`${r.category}/${r.subcategory}`))).toEqual([]);
    expect(new Set(rows.map((r) => r.category)).size).toBe(CATEGORIES.length);
  });

  it('har trygghetsvandringarnas iakttagelser som händelser med sin källa', () => {
    expect(rows).toHaveLength(ROWS - 5);
    expect(
      db
        .prepare(
          "SELECT count(*) FROM incident i JOIN walk_observation o ON o.incident_id = i.id WHERE i.source = 'trygghetsvandring'",
        )
        .pluck()
        .get(),
    ).toBe(5);
  });

  it('har alla tidpunkter inom demoperiodens lokala dagar och täcker hela perioden', () => {
    const days = rows.map((r) => local(r.occurred_at).day).sort();
    expect(days[0]! >= DEMO_START_DAY).toBe(true);
    expect(days[days.length - 1]! <= DEMO_END_DAY).toBe(true);
    expect(days[0]! < '2023-11-08').toBe(true);
    expect(days[days.length - 1]! > '2026-10-24').toBe(true);
    expect(rows.every((r) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(r.occurred_at))).toBe(true);
  });

  it('fördelar händelser per kommun i proportion till folkmängd × takt (inom 15 %)', () => {
    const weight = new Map(DEMO_KOMMUNER.map((k) => [k.name, k.population20241231 * k.rate]));
    const totalWeight = [...weight.values()].reduce((a, b) => a + b, 0);
    const perKommun = new Map<string, number>();
    for (const r of rows) perKommun.set(r.kommun, (perKommun.get(r.kommun) ?? 0) + 1);
    expect([...perKommun.keys()].sort()).toEqual(DEMO_KOMMUNER.map((k) => k.name).sort());
    for (const [name, w] of weight) {
      const expected = (ROWS * w) / totalWeight;
      const ratio = perKommun.get(name)! / expected;
      expect(ratio, name).toBeGreaterThan(0.85);
      expect(ratio, name).toBeLessThan(1.15);
    }
  });

  it('har fler ordningsstörningar fredag- och lördagskväll än måndagskväll', () => {
    const evening = { Mon: 0, Fri: 0, Sat: 0 } as Record<string, number>;
    for (const r of rows) {
      if (r.category !== 'ordning') continue;
      const l = local(r.occurred_at);
      if (l.hour >= 18 && l.weekday in evening) evening[l.weekday]!++;
    }
    expect(evening.Mon).toBeGreaterThan(5);
    expect(evening.Fri).toBeGreaterThan(evening.Mon! * 1.3);
    expect(evening.Sat).toBeGreaterThan(evening.Mon! * 1.3);
  });

  it('har fler händelser vid Klippans station än i Stidsvig', () => {
    const at = (place: string) => rows.filter((r) => r.place_name === place).length;
    expect(at('Stidsvig')).toBeGreaterThan(0);
    expect(at('Klippans station')).toBeGreaterThan(at('Stidsvig') * 2);
  });

  it('sätter inställningen demo.seeded', () => {
    expect(JSON.parse(new ReferenceRepo(db).getSetting(DEMO_SETTING)!)).toEqual({
      rows: ROWS,
      seed: DEFAULT_DEMO_SEED,
    });
  });
});

describe('seedDemo som avbryts', () => {
  it('lämnar inga händelser, ingen geografi och ingen demo.seeded efter sig', async () => {
    const t = tempDb();
    try {
      const seen: number[] = [];
      const run = seedDemo(t.db, {
        rows: 5000,
        chunkSize: 1000,
        onProgress: (done) => {
          seen.push(done);
          if (done >= 2000) throw new Error('avbruten');
        },
      });
      await expect(run).rejects.toThrow('avbruten');
      expect(seen).toEqual([0, 1000, 2000]);
      expect(t.db.inTransaction).toBe(false);
      for (const table of ['incident', 'incident_rollup_day', 'incident_rollup_month', 'kommun', 'place', 'setting']) {
        expect(t.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
      }
      expect(new ReferenceRepo(t.db).getSetting(DEMO_SETTING)).toBeNull();
      // The connection is still usable, and a retry succeeds.
      expect(await seedDemo(t.db, { rows: 300 })).toBe(300);
      expect(t.db.prepare('SELECT count(*) FROM incident').pluck().get()).toBe(300);
    } finally {
      t.cleanup();
    }
  });
});
